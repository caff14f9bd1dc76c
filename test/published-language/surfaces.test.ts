import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { emitDocs, page, section } from '../emit-docs/helpers.js';
import { irOf, META } from './support.js';

const { ir } = irOf(`const M = defineSchemaModel({ name: 'SurfM', fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } } });
export const Run = defineCommand({
  meta: { key: 'surf.run', version: '1.0.0', domain: 'surf', goal: 'g', context: 'c', ${META} },
  io: { input: M, output: M, errors: { DENIED: { description: 'No.', http: 403, gqlCode: 'FORBIDDEN' } } },
  policy: { auth: 'user', rateLimit: { rpm: 30, key: 'org' }, escalate: 'human_review' },
  sideEffects: { audit: ['surf.audit'], analytics: ['surf_run'] },
  transport: { gql: { field: 'surfRun' }, mcp: { toolName: 'surf_run' } },
  acceptance: {
    scenarios: [{ key: 'ok', given: ['a user'], when: ['it runs'], then: ['done'] }],
    examples: [{ key: 'one', input: { id: 'a' }, output: { id: 'b' } }],
  },
});`);

describe('the published fields on the surfaces', () => {
  it('shows policy extras, side effects, transport, acceptance and examples on the docs page', async () => {
    const markdown = page(await emitDocs(ir), 'docs/surf/surf.run.md');
    expect(section(markdown, '## Side Effects')).toBe(
      ['## Side Effects', '', '| Field     | Value      |', '| --------- | ---------- |', '| Audit     | surf.audit |', '| Analytics | surf_run   |'].join('\n'),
    );
    expect(section(markdown, '## Acceptance')).toBe(
      ['## Acceptance', '', '| Scenario | Given  | When    | Then |', '| -------- | ------ | ------- | ---- |', '| ok       | a user | it runs | done |'].join('\n'),
    );
    expect(section(markdown, '## Examples')).toBe(
      ['## Examples', '', '| Key | Input        | Output       |', '| --- | ------------ | ------------ |', '| one | `{"id":"a"}` | `{"id":"b"}` |'].join('\n'),
    );
    expect(section(markdown, '## Policy')).toContain('| Rate limit | 30/min per org |');
    expect(section(markdown, '## Policy')).toContain('| Escalation | human_review   |');
    const transport = section(markdown, '## Transport').split('\n').map((line) => line.replace(/ +/g, ' '));
    expect(transport.slice(4)).toStrictEqual([
      '| GraphQL | `surfRun` |',
      '| MCP tool | `surf_run` |',
      '| GraphQL error codes | DENIED → `FORBIDDEN` |',
    ]);
  });

  it('puts examples, the gql and mcp bindings and gqlCode into OpenAPI', () => {
    const document = openApiDocument(ir) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const post = Object.values(document.paths).find((path) => path['post'])!['post']!;
    expect(post['x-contracts-gql']).toStrictEqual({ field: 'surfRun' });
    expect(post['x-contracts-mcp']).toStrictEqual({ toolName: 'surf_run' });
    expect(post['x-contracts-gql-codes']).toStrictEqual({ DENIED: 'FORBIDDEN' });
    expect(post['requestBody']).toStrictEqual({
      required: true,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/SurfM' },
          examples: { one: { value: { id: 'a' } } },
        },
      },
    });
  });
});
