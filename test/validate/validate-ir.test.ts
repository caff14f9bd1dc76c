import { describe, expect, it } from 'vitest';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { validateIr } from '../../packages/codegen/src/generator/validate/validate-ir.js';
import { diag, loc } from '../parse/support.js';

const LANG = `import { defineCommand, defineQuery, defineEvent, defineCapability, defineFeature, defineDataView, defineFormSpec, definePresentation, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';
const M = new SchemaModel({ name: 'M', fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } } });`;
const META = `description: 'd', owners: ['o'], tags: [], stability: 'beta'`;
const OP_META = `title: 't', goal: 'g', context: 'c', ${META}`;

const command = (
  name: string,
  key: string,
  extra = '',
  version = '1.0.0',
) => `export const ${name} = defineCommand({
  meta: { key: '${key}', version: '${version}', ${OP_META} },
  io: { input: null, output: M },
  policy: { auth: 'user' },${extra}
});`;
const query = (name: string, key: string) => `export const ${name} = defineQuery({
  meta: { key: '${key}', version: '1.0.0', ${OP_META} },
  io: { input: M, output: M },
  policy: { auth: 'user' },
});`;
const event = (name: string, key: string, extra = '') => `export const ${name} = defineEvent({
  meta: { key: '${key}', version: '1.0.0', ${META} },
  payload: M,${extra}
});`;
const capability = (
  name: string,
  key: string,
  provides: string,
  extra = '',
) => `export const ${name} = defineCapability({
  meta: { key: '${key}', version: '1.0.0', kind: 'api', ${META} },
  provides: [${provides}],${extra}
});`;

const FILE = 'specs/all.ts';
const parse = (...definitions: string[]) => {
  const sources = { [FILE]: `${LANG}\n${definitions.join('\n')}\n` };
  const ir = parseSources(sources);
  expect(ir.diagnostics).toStrictEqual([]);
  return { sources, ir };
};

describe('validateIr', () => {
  it('accepts a consistent corpus', () => {
    const { ir } = parse(
      capability(
        'Cap',
        'x.cap',
        "{ surface: 'operation', key: 'x.go', version: '1.0.0' }, { surface: 'event', key: 'x.done', version: '1.0.0' }",
        `
  requires: [{ key: 'control-plane.core', version: '1.0.0', optional: true }],`,
      ),
      command(
        'Go',
        'x.go',
        `\n  capability: Cap.meta,\n  sideEffects: { emits: [{ ref: Done.meta, when: 'w' }] },`,
      ),
      event('Done', 'x.done', '\n  capability: Cap.meta,'),
    );
    expect(validateIr(ir)).toStrictEqual([]);
  });

  it('DUPLICATE_SPEC at the later declaration, naming the first', () => {
    const { sources, ir } = parse(
      command('First', 'x.go'),
      command('Second', 'x.go'),
      command('Other', 'x.go', '', '2.0.0'),
    );
    expect(validateIr(ir)).toStrictEqual([
      diag(
        'error',
        'DUPLICATE_SPEC',
        `\`x.go@1.0.0\` (Second) is already declared at ${FILE}:${loc(sources, FILE, 'First =').line}:14 (First)`,
        loc(sources, FILE, 'Second ='),
      ),
    ]);
  });

  it('MISSING_META_FIELD and INVALID_SEMVER at the spec', () => {
    const { sources, ir } = parse(
      `export const Bare = defineCommand({ meta: { key: 'x.bare', version: '1.0', owners: [], description: ' ' }, io: { input: null, output: M }, policy: { auth: 'user' } });`,
      capability('Cap', 'x.cap', '', "\n  requires: [{ key: 'ext.core', version: 'v1' }],"),
    );
    const at = loc(sources, FILE, 'Bare =');
    const missing = (field: string) =>
      diag(
        'error',
        'MISSING_META_FIELD',
        `x.bare@1.0 (Bare): \`meta.${field}\` is missing or empty`,
        at,
      );
    expect(validateIr(ir)).toStrictEqual([
      missing('description'),
      missing('owners'),
      missing('tags'),
      missing('stability'),
      // `title` is optional for every kind (published OwnerShipMeta, contracts-spec ownership.ts).
      missing('goal'),
      missing('context'),
      diag('error', 'INVALID_SEMVER', "Bare: version '1.0' is not semver (MAJOR.MINOR.PATCH)", at),
      diag(
        'error',
        'INVALID_SEMVER',
        "x.cap@1.0.0 requires ext.core at version 'v1', which is not semver (MAJOR.MINOR.PATCH)",
        loc(sources, FILE, "{ key: 'ext.core'"),
      ),
    ]);
  });

  it('UNRESOLVED_REFERENCE for each kind of reference, at the reference', () => {
    const { sources, ir } = parse(
      command(
        'Go',
        'x.go',
        `
  capability: { key: 'x.nocap', version: '1.0.0' },
  sideEffects: { emits: [{ ref: { key: 'x.done', version: '2.0.0' }, when: 'w' }, { ref: Go2.meta, when: 'w' }] },`,
      ),
      command('Go2', 'x.go2'),
      event('Done', 'x.done', '\n  capability: Go2.meta,'),
      capability(
        'Cap',
        'x.cap',
        "{ surface: 'event', key: 'x.go', version: '1.0.0' }, { surface: 'form', key: 'x.noform', version: '1.0.0' }",
        `
  requires: [{ key: 'control-plane.core', version: '1.0.0' }],`,
      ),
      `export const View = defineDataView({
  meta: { key: 'x.view', version: '1.0.0', ${META} },
  source: { primary: Go.meta },
  view: { kind: 'list', fields: [] },
});`,
      `export const Form = defineFormSpec({
  meta: { key: 'x.form', version: '1.0.0', ${META} },
  model: M,
  actions: [{ key: 'run', labelKey: 'Run', op: { key: 'x.gone', version: '1.0.0' } }],
});`,
      `export const Audit = definePresentation({
  meta: { key: 'x.audit', version: '1.0.0', ${OP_META} },
  capability: { key: 'x.view', version: '1.0.0' },
  source: { type: 'component', framework: 'react', componentKey: 'audit' },
  targets: ['react'],
});`,
      `export const Feature = defineFeature({
  meta: { key: 'x.feature', version: '1.0.0', ${META} },
  operations: [Done.meta], events: [{ key: 'x.e', version: '1.0.0' }], presentations: [{ key: 'x.p', version: '1.0.0' }],
  capabilities: [{ key: 'x.c', version: '1.0.0' }], dataViews: [{ key: 'x.d', version: '1.0.0' }], forms: [{ key: 'x.f', version: '1.0.0' }],
});`,
    );
    const at = (needle: string) => loc(sources, FILE, needle);
    const where = (needle: string) => `${FILE}:${at(needle).line}:${at(needle).column}`;
    const unresolved = (message: string, needle: string) =>
      diag('error', 'UNRESOLVED_REFERENCE', message, at(needle));
    expect(validateIr(ir)).toStrictEqual([
      unresolved('x.go@1.0.0: capability `x.nocap@1.0.0` names no spec', "{ key: 'x.nocap'"),
      unresolved(
        'x.go@1.0.0: emits `x.done@2.0.0` names no spec (declared versions of x.done: 1.0.0)',
        "{ key: 'x.done'",
      ),
      unresolved(
        `x.go@1.0.0: emits \`x.go2@1.0.0\` is a command (${where('Go2 =')}), not an event`,
        'Go2.meta, when',
      ),
      unresolved(
        `x.done@1.0.0: capability \`x.go2@1.0.0\` is a command (${where('Go2 =')}), not a capability`,
        'Go2.meta,\n',
      ),
      unresolved(
        `x.cap@1.0.0: provides event \`x.go@1.0.0\` is a command (${where('Go =')}), not an event`,
        "{ surface: 'event'",
      ),
      unresolved('x.cap@1.0.0: provides form `x.noform@1.0.0` names no spec', "{ surface: 'form'"),
      unresolved(
        `x.view@1.0.0: source query \`x.go@1.0.0\` is a command (${where('Go =')}), not a query`,
        'Go.meta }',
      ),
      unresolved('x.form@1.0.0: action run `x.gone@1.0.0` names no spec', "{ key: 'x.gone'"),
      unresolved(
        `x.audit@1.0.0: capability \`x.view@1.0.0\` is a data view (${where('View =')}), not a capability`,
        "{ key: 'x.view', version: '1.0.0' }",
      ),
      unresolved(
        `x.feature@1.0.0: operations \`x.done@1.0.0\` is an event (${where('Done =')}), not an operation`,
        'Done.meta]',
      ),
      unresolved('x.feature@1.0.0: events `x.e@1.0.0` names no spec', "{ key: 'x.e'"),
      unresolved('x.feature@1.0.0: presentations `x.p@1.0.0` names no spec', "{ key: 'x.p'"),
      unresolved('x.feature@1.0.0: capabilities `x.c@1.0.0` names no spec', "{ key: 'x.c'"),
      unresolved('x.feature@1.0.0: dataViews `x.d@1.0.0` names no spec', "{ key: 'x.d'"),
      unresolved('x.feature@1.0.0: forms `x.f@1.0.0` names no spec', "{ key: 'x.f'"),
      diag(
        'warning',
        'EVENT_WITHOUT_CAPABILITY',
        'event x.done@1.0.0 is provided by no capability',
        at('Done ='),
      ),
    ]);
  });

  it('warns NOT_PROVIDED_BY_CAPABILITY at the capability reference and EVENT_WITHOUT_CAPABILITY at the event', () => {
    const { sources, ir } = parse(
      capability('Cap', 'x.cap', "{ surface: 'operation', key: 'x.listed', version: '1.0.0' }"),
      command('Listed', 'x.listed', '\n  capability: Cap.meta,'),
      query('Unlisted', 'x.unlisted').replace('policy:', 'capability: Cap.meta,\n  policy:'),
      event('Loose', 'x.loose'),
      event('Claimed', 'x.claimed', '\n  capability: { key: "x.cap", version: "1.0.0" },'),
    );
    expect(validateIr(ir)).toStrictEqual([
      diag(
        'warning',
        'NOT_PROVIDED_BY_CAPABILITY',
        'x.unlisted@1.0.0 names capability `x.cap@1.0.0`, whose `provides` does not list it as an operation',
        loc(sources, FILE, 'Cap.meta', 1),
      ),
      diag(
        'warning',
        'NOT_PROVIDED_BY_CAPABILITY',
        'x.claimed@1.0.0 names capability `x.cap@1.0.0`, whose `provides` does not list it as an event',
        loc(sources, FILE, '{ key: "x.cap"'),
      ),
      diag(
        'warning',
        'EVENT_WITHOUT_CAPABILITY',
        'event x.loose@1.0.0 is provided by no capability',
        loc(sources, FILE, 'Loose ='),
      ),
      diag(
        'warning',
        'EVENT_WITHOUT_CAPABILITY',
        'event x.claimed@1.0.0 is provided by no capability',
        loc(sources, FILE, 'Claimed ='),
      ),
    ]);
  });

  it('UNKNOWN_MODEL and UNKNOWN_SCALAR for names the IR does not declare', () => {
    const { sources, ir } = parse(
      query('Get', 'x.get'),
      `export const Child = new SchemaModel({ name: 'Child', fields: { parent: { type: M, isOptional: true }, n: { type: ScalarTypeEnum.ID(), isOptional: true } } });`,
    );
    const child = ir.models.find((model) => model.name === 'Child')!;
    const broken: Ir = {
      ...ir,
      models: [
        {
          ...child,
          fields: [
            ...child.fields,
            {
              name: 'odd',
              type: { type: 'scalar', name: 'Money' as 'ID' },
              optional: false,
              array: false,
            },
            { name: 'level', type: { type: 'enum', name: 'Level' }, optional: false, array: false },
          ],
        },
      ],
    };
    const at = loc(sources, FILE, 'Get =');
    const childAt = loc(sources, FILE, 'new SchemaModel', 1);
    expect(validateIr(broken)).toStrictEqual([
      diag(
        'error',
        'UNKNOWN_MODEL',
        'x.get@1.0.0: io.input names the unknown schema model `M`',
        at,
      ),
      diag(
        'error',
        'UNKNOWN_MODEL',
        'x.get@1.0.0: io.output names the unknown schema model `M`',
        at,
      ),
      diag('error', 'UNKNOWN_MODEL', 'Child.parent: unknown schema model `M`', childAt),
      diag('error', 'UNKNOWN_SCALAR', 'Child.odd: unknown scalar `Money`', childAt),
      diag('error', 'UNKNOWN_MODEL', 'Child.level: unknown enum `Level`', childAt),
    ]);
  });
});
