import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a synthetic spec corpus of `operations` commands, each with its own input/output models,
 * one event per ten operations, and one capability providing them all, into `dir`. Shaped like the
 * shipped specs (constants file, spreads, `X.meta` emits) so the parser does the same work per spec.
 */
export function writeSyntheticCorpus(dir: string, operations: number): void {
  mkdirSync(join(dir, 'ops'), { recursive: true });
  writeFileSync(
    join(dir, 'constants.ts'),
    [
      "import { StabilityEnum, TagsEnum } from '../language/index.js';",
      "export const BENCH_DOMAIN = 'bench';",
      "export const BENCH_OWNERS = ['platform.bench'] as const;",
      "export const BENCH_TAGS = [TagsEnum.Automation, 'bench'] as const;",
      'export const BENCH_STABILITY = StabilityEnum.Experimental;',
      '',
    ].join('\n'),
  );
  const provides: string[] = [];
  for (let i = 0; i < operations; i += 1) {
    const id = String(i).padStart(4, '0');
    const eventIndex = Math.floor(i / 10);
    const eventId = String(eventIndex).padStart(4, '0');
    if (i % 10 === 0) {
      writeFileSync(join(dir, 'ops', `event-${eventId}.ts`), eventSource(eventId));
      provides.push(
        `{ surface: 'event', key: 'bench.event${eventId}.happened', version: '1.0.0' }`,
      );
    }
    writeFileSync(join(dir, 'ops', `op-${id}.ts`), operationSource(id, eventId));
    provides.push(`{ surface: 'operation', key: 'bench.op${id}.run', version: '1.0.0' }`);
  }
  writeFileSync(
    join(dir, 'capability.ts'),
    `import { defineCapability } from '../language/index.js';
import { BENCH_DOMAIN, BENCH_OWNERS, BENCH_STABILITY, BENCH_TAGS } from './constants.js';

export const BenchCapability = defineCapability({
  meta: { key: 'bench.core', version: '1.0.0', kind: 'api', title: 'Bench', description: 'Synthetic.',
    domain: BENCH_DOMAIN, owners: BENCH_OWNERS, tags: [...BENCH_TAGS, 'core'], stability: BENCH_STABILITY },
  provides: [
    ${provides.join(',\n    ')}
  ],
});
`,
  );
}

function eventSource(eventId: string): string {
  return `import { defineEvent, ScalarTypeEnum, SchemaModel } from '../../language/index.js';
import { BENCH_DOMAIN, BENCH_OWNERS, BENCH_STABILITY, BENCH_TAGS } from '../constants.js';

export const Event${eventId}Payload = new SchemaModel({
  name: 'Event${eventId}Payload',
  fields: {
    runId: { type: ScalarTypeEnum.ID(), isOptional: false },
    at: { type: ScalarTypeEnum.DateTime(), isOptional: false },
  },
});

export const Event${eventId} = defineEvent({
  meta: { key: 'bench.event${eventId}.happened', version: '1.0.0', description: 'Synthetic event.',
    domain: BENCH_DOMAIN, owners: BENCH_OWNERS, tags: [...BENCH_TAGS, 'event'], stability: BENCH_STABILITY },
  capability: { key: 'bench.core', version: '1.0.0' },
  pii: [],
  payload: Event${eventId}Payload,
});
`;
}

function operationSource(id: string, eventId: string): string {
  return `import { defineCommand, ScalarTypeEnum, SchemaModel } from '../../language/index.js';
import { BENCH_DOMAIN, BENCH_OWNERS, BENCH_STABILITY, BENCH_TAGS } from '../constants.js';
import { Event${eventId} } from './event-${eventId}.js';

const Op${id}Input = new SchemaModel({
  name: 'Op${id}Input',
  fields: {
    name: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
    count: { type: ScalarTypeEnum.Int_unsecure(), isOptional: true },
    labels: { type: ScalarTypeEnum.String_unsecure(), isOptional: true, isArray: true },
  },
});

const Op${id}Output = new SchemaModel({
  name: 'Op${id}Output',
  fields: {
    runId: { type: ScalarTypeEnum.ID(), isOptional: false },
    createdAt: { type: ScalarTypeEnum.DateTime(), isOptional: false },
    metadata: { type: ScalarTypeEnum.JSONObject(), isOptional: true },
  },
});

export const Op${id}Command = defineCommand({
  meta: { key: 'bench.op${id}.run', title: 'Op ${id}', version: '1.0.0', description: 'Synthetic operation ${id}.',
    goal: 'Measure the generator.', context: 'Written by the benchmark.', domain: BENCH_DOMAIN,
    owners: BENCH_OWNERS, tags: [...BENCH_TAGS, 'op'], stability: BENCH_STABILITY },
  capability: { key: 'bench.core', version: '1.0.0' },
  io: {
    input: Op${id}Input,
    output: Op${id}Output,
    errors: { NOT_FOUND_${id}: { description: 'Missing.', http: 404, when: 'Nothing matches.' } },
  },
  policy: { auth: 'user', pii: [] },
  sideEffects: { emits: [{ ref: Event${eventId}.meta, when: 'Always.' }] },
});
`;
}
