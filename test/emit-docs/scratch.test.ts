import { test } from 'vitest';
import { formatFile } from '../../generator/format.js';
test('x', async () => {
const md = `# harness.run.start

Start a run.

| Field | Value |
| --- | --- |
| Key | harness.run.start |
| Type | String_unsecure |
| Arr | [HarnessStep[]](#harnessstep) |
| Pipe | a \\| b |
| Entity | \`harness_run\` |
| Star | a * b_c_d |
| Link | [x](../agent/agent.run@1.0.0.md) |

## Source Definition

\`\`\`ts
import { ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';
import {
\tHARNESS_DOMAIN,
} from '../constants';

export const X = defineCommand({
\tmeta: {
\t\tkey: "harness.run.start",
\t},
});
\`\`\`
`;
const out = await formatFile({ path: 'a.md', contents: md });
console.log(out.contents);
});
