import { describe, expect, it } from 'vitest';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { loc } from './support.js';

const CAPABILITY_DEFINITION = `export const DemoCapability = defineCapability({
  meta: {
    ...BASE,
    key,
    title: \`Cap \${FROM_DIR}\`,
    kind: teamDefaults.kind,
    tags: [TagsEnum['Ai'], ...MORE_TAGS, AGAIN, team.OWNERS[1], direct.baseMeta.description],
    stability: StabilityEnum.Deprecated,
    description: 'Overridden.',
  },
  provides: [{ surface: 'event', key: 'demo.evt', version: '1.0.0' }],
  requires: [{ key: 'other.cap', version, reason: \`needs \${key}\` }],
});`;

const CAPABILITY_IMPORTS = `import { defineCapability, TagsEnum, StabilityEnum } from '@lssm-tech/lib.schema';
import teamDefaults from './lib/team';
import { BASE, MORE_TAGS, team } from './lib/index.js';
import { FROM_DIR } from './dir';
import { FROM_DIR as AGAIN } from './dir/index.js';
import * as direct from './lib/team.js';`;

const SOURCES = {
  'specs/lib/team.ts': `const OWNERS = ['team.a', 'team.b'];
const BASE_META = { version: '2.0.0', description: 'Base.', owners: OWNERS, stability: 'stable' };
export { OWNERS, BASE_META as baseMeta };
export default { kind: 'data' } as const;
`,
  'specs/lib/index.ts': `export { baseMeta as BASE } from './team.js';
export * from './more';
export * as team from './team.js';
`,
  'specs/lib/more.ts': `export const MORE_TAGS = ['more'];\n`,
  'specs/dir/index.ts': `export const FROM_DIR = 'from-dir';\n`,
  'specs/cap.capability.ts': `${CAPABILITY_IMPORTS}

const key = 'demo.cap';
const version = BASE['version'];
${CAPABILITY_DEFINITION}
`,
};

describe('parseSources: identifier resolution', () => {
  it('follows default, named, renamed, namespace and directory imports, barrels, spreads and element access', () => {
    const file = 'specs/cap.capability.ts';
    expect(parseSources(SOURCES)).toStrictEqual({
      specs: [
        {
          kind: 'capability',
          key: 'demo.cap',
          version: '2.0.0',
          meta: {
            key: 'demo.cap',
            version: '2.0.0',
            title: 'Cap from-dir',
            description: 'Overridden.',
            owners: ['team.a', 'team.b'],
            tags: ['ai', 'more', 'from-dir', 'team.b', 'Base.'],
            stability: 'deprecated',
            kind: 'data',
          },
          exportName: 'DemoCapability',
          source: loc(SOURCES, file, 'DemoCapability ='),
          sourceText: { imports: CAPABILITY_IMPORTS, definition: CAPABILITY_DEFINITION },
          provides: [
            {
              surface: 'event',
              key: 'demo.evt',
              version: '1.0.0',
              source: loc(SOURCES, file, "{ surface: 'event'"),
            },
          ],
          requires: [
            {
              key: 'other.cap',
              version: '2.0.0',
              optional: false,
              reason: 'needs demo.cap',
              source: loc(SOURCES, file, "{ key: 'other.cap'"),
            },
          ],
        },
      ],
      models: [],
      enums: [],
      diagnostics: [],
    });
  });

  it('reads X.meta.key and X.meta["version"] of another spec, located at the reference', () => {
    const sources = {
      'specs/a.ts': `import { defineQuery, defineFeature, ScalarTypeEnum, SchemaModel } from '../language/index.js';
const M = new SchemaModel({ name: 'M', fields: {} });
export const GetQuery = defineQuery({
  meta: { key: 'demo.get', version: '1.2.3' },
  io: { input: null, output: M },
  policy: { auth: 'anonymous' },
});
export const DemoFeature = defineFeature({
  meta: { key: 'demo.feature', version: '1.0.0' },
  operations: [{ key: GetQuery.meta.key, version: GetQuery.meta['version'] }, GetQuery.meta],
});
`,
    };
    const ir = parseSources(sources);
    expect(ir.diagnostics).toStrictEqual([]);
    expect(
      ir.specs.map((spec) => (spec.kind === 'feature' ? spec.operations : spec.kind)),
    ).toStrictEqual([
      'operation',
      [
        {
          key: 'demo.get',
          version: '1.2.3',
          source: loc(sources, 'specs/a.ts', '{ key: GetQuery'),
        },
        { key: 'demo.get', version: '1.2.3', source: loc(sources, 'specs/a.ts', 'GetQuery.meta]') },
      ],
    ]);
  });
});
