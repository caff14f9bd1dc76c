import { describe, expect, it } from 'vitest';
import { finishIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { loc } from '../parse/support.js';
import { irOf, META } from './support.js';

const file = 'specs/x.ts';

describe('enum values come from the enum the file imports', () => {
  it('uses the published tables for the published module: TagsEnum.Ai is a located error', () => {
    const { ir, sources } = irOf(`export const E = defineEvent({
  meta: { key: 'pub.e', version: '1.0.0', description: 'd', stability: StabilityEnum.Beta, owners: [OwnersEnum.PlatformCore], tags: [TagsEnum.Automation, TagsEnum.Ai] },
  payload: new SchemaModel({ name: 'EP', fields: {} }),
});`);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([
      {
        severity: 'error',
        code: 'UNKNOWN_ENUM_MEMBER',
        message:
          '`TagsEnum.Ai`: the published TagsEnum has no member `Ai` (members: Spots, Collectivity, Marketplace, Sellers, Auth, Login, Signup, Guide, Docs, I18n, Incident, Automation, Hygiene)',
        ...loc(sources, file, 'TagsEnum.Ai'),
      },
    ]);
    expect(ir.specs[0]?.meta).toStrictEqual({
      key: 'pub.e',
      version: '1.0.0',
      description: 'd',
      owners: ['platform.core'],
      tags: ['automation'],
      stability: 'beta',
    });
  });

  it('reads a reachable declaration: its values are the truth', () => {
    const sources = {
      'specs/enums.ts': `export const TagsEnum = { Ai: 'artificial' } as const;`,
      'specs/x.ts': `import { defineEvent } from '@contractspec/lib.contracts-spec';
import { SchemaModel } from '@contractspec/lib.schema';
import { TagsEnum } from './enums.js';
export const E = defineEvent({
  meta: { key: 'pub.e', version: '1.0.0', description: 'd', stability: 'beta', owners: ['o'], tags: [TagsEnum.Ai] },
  payload: new SchemaModel({ name: 'EP', fields: {} }),
});`,
    };
    const ir = finishIr(parseSources(sources));
    expect(ir.specs[0]?.meta.tags).toStrictEqual(['artificial']);
  });
});

describe('zod schemas are mapped statically', () => {
  it('maps fromZod(z.object(...)) and new ZodSchemaType(...) field by field', () => {
    const { ir, sources } = irOf(`const Payload = fromZod(
  z.object({
    email: z.string().email(),
    site: z.string().url().optional(),
    id: z.string().uuid(),
    at: z.string().datetime(),
    name: z.string().min(1),
    note: z.string().min(2).max(9).nullable(),
    count: z.number().int(),
    ratio: z.number(),
    on: z.boolean(),
    tags: z.array(z.string()),
    level: z.enum(['low', 'high']),
    only: z.literal('x'),
  }),
  { name: 'ZodPayload' },
);
const Extra = new ZodSchemaType(z.object({ ok: z.boolean() }), { name: 'ZodExtra' });
export const E = defineEvent({
  meta: { key: 'pub.z', version: '1.0.0', ${META} },
  payload: Payload,
});
export const F = defineEvent({
  meta: { key: 'pub.z2', version: '1.0.0', ${META} },
  payload: Extra,
});`);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const scalar = (name: string) => ({ type: 'scalar', name });
    const field = (name: string, type: object, optional = false, array = false) => ({
      name,
      type,
      optional,
      array,
    });
    expect(ir.models).toStrictEqual([
      {
        kind: 'model',
        name: 'ZodExtra',
        fields: [field('ok', scalar('Boolean'))],
        source: loc(sources, file, 'z.object({ ok'),
      },
      {
        kind: 'model',
        name: 'ZodPayload',
        fields: [
          field('email', scalar('EmailAddress')),
          field('site', scalar('URL'), true),
          field('id', scalar('ID')),
          field('at', scalar('DateTime')),
          { ...field('name', scalar('NonEmptyString')), constraints: { min: 1 } },
          { ...field('note', scalar('String_unsecure'), true), constraints: { min: 2, max: 9 } },
          field('count', scalar('Int_unsecure')),
          field('ratio', scalar('Float_unsecure')),
          field('on', scalar('Boolean')),
          field('tags', scalar('String_unsecure'), false, true),
          field('level', { type: 'enum', name: 'ZodPayloadLevel' }),
          field('only', { type: 'enum', name: 'ZodPayloadOnly' }),
        ],
        source: loc(sources, file, 'z.object({\n'),
      },
    ]);
    expect(ir.enums.map((e) => [e.name, e.values])).toStrictEqual([
      ['ZodPayloadLevel', ['low', 'high']],
      ['ZodPayloadOnly', ['x']],
    ]);
  });

  it('reports anything else once, at the expression', () => {
    const { ir, sources } = irOf(`export const E = defineEvent({
  meta: { key: 'pub.z', version: '1.0.0', ${META} },
  payload: fromZod(z.object({ when: z.date() }), { name: 'Bad' }),
});`);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([
      {
        severity: 'error',
        code: 'UNSUPPORTED_ZOD',
        message:
          '`z.date()` is outside the zod subset read statically (object, string, number, int, boolean, array, enum, literal, optional, nullable, email, url, uuid, datetime, min, max)',
        ...loc(sources, file, 'z.date()'),
      },
    ]);
  });
});

describe('what the generator does not read is one info, never silence', () => {
  const { ir, sources } =
    irOf(`export const Flow = defineWorkflow({ meta: { key: 'pub.flow', version: '1.0.0' } });
export const Built = createBuilderCommand('pub.built');
export function makeSpec() {
  return defineCommand({ meta: { key: 'pub.inner', version: '1.0.0' } });
}
export const E = defineEvent({
  meta: { key: 'pub.e', version: '1.0.0', ${META} },
  payload: new SchemaModel({ name: 'EP', fields: {} }),
});`);

  it('gives each unread construct one NOT_READ info at its location, and nothing else', () => {
    expect(ir.diagnostics.filter((d) => d.code !== 'EVENT_WITHOUT_CAPABILITY')).toStrictEqual([
      {
        severity: 'info',
        code: 'NOT_READ',
        message:
          'not read: `Flow` = `defineWorkflow(...)`, a kind of the published language this generator emits nothing for',
        ...loc(sources, file, 'Flow ='),
      },
      {
        severity: 'info',
        code: 'NOT_READ',
        message:
          'not read: `Built` = `createBuilderCommand(...)`, a helper call that may build a spec but is not evaluated',
        ...loc(sources, file, 'Built ='),
      },
      {
        severity: 'info',
        code: 'NOT_READ',
        message: 'not read: `defineCommand(...)` inside a function, which is not evaluated',
        ...loc(sources, file, 'defineCommand({ meta'),
      },
    ]);
  });
});

describe('one cause, one error', () => {
  it('reports a reference to a spec that failed to parse as an info naming where it failed', () => {
    const { ir, sources } = irOf(`export const Broken = defineEvent({
  meta: { key: 'pub.broken', version: '1.0.0', ${META} },
  payload: 42,
});
export const Cmd = defineCommand({
  meta: { key: 'pub.cmd', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: new SchemaModel({ name: 'Out', fields: {} }) },
  policy: { auth: 'user' },
  sideEffects: { emits: [{ ref: { key: 'pub.broken', version: '1.0.0' }, when: 'w' }] },
});`);
    expect(ir.diagnostics).toStrictEqual([
      {
        severity: 'error',
        code: 'INVALID_SPEC_SHAPE',
        message: '`payload` must be a schema model, found a number',
        ...loc(sources, file, '42'),
      },
      {
        severity: 'info',
        code: 'REFERENCE_TO_FAILED_SPEC',
        message: `pub.cmd@1.0.0: emits names pub.broken, which failed to parse at specs/x.ts:${loc(sources, file, 'Broken =').line}`,
        ...loc(sources, file, "{ key: 'pub.broken', version: '1.0.0' }"),
      },
    ]);
  });

  it('lists a syntax error before any other diagnostic', () => {
    const sources = {
      'specs/a.ts': `import { defineEvent } from '@contractspec/lib.contracts-spec';
export const A = defineEvent({ meta: { key: 'a', version: '1' }, payload: 1 });`,
      'specs/b.ts': `export const B = {,};`,
    };
    const ir = finishIr(parseSources(sources));
    expect(ir.diagnostics.map((d) => [d.code, d.file])).toStrictEqual([
      ['SYNTAX_ERROR', 'specs/b.ts'],
      ['INVALID_SPEC_SHAPE', 'specs/a.ts'],
    ]);
  });

  it('waits with the checks across specs, and with the other diagnostics of a broken file, while a file has a syntax error', () => {
    const sources = {
      'specs/constants.ts': `export const DOMAIN = = 'x';\nexport const OWNERS = ['team'];`,
      'specs/ping.ts': `import { defineCommand } from '@contractspec/lib.contracts-spec';
export const Ping = defineCommand({ meta: { key: 'x.ping', version: '1.0.0', title: 'Ping' }, io: { input: null, output: null }, policy: { auth: 'user' },, });`,
      'specs/cap.ts': `import { defineCapability } from '@contractspec/lib.contracts-spec';
import { DOMAIN } from './constants';
export const Cap = defineCapability({ meta: { key: 'x.cap', version: '1.0.0', domain: DOMAIN }, provides: [{ surface: 'operation', key: 'x.ping', version: '1.0.0' }] });`,
    };
    const parsed = parseSources(sources);
    expect(parsed.diagnostics.map((d) => d.code)).toContain('UNSUPPORTED_EXPRESSION');
    const ir = finishIr(parsed);
    expect(ir.diagnostics.map((d) => [d.code, d.file])).toStrictEqual([
      ['SYNTAX_ERROR', 'specs/constants.ts'],
      ['SYNTAX_ERROR', 'specs/ping.ts'],
    ]);
    delete (sources as Record<string, string>)['specs/ping.ts'];
    sources['specs/constants.ts'] = `export const DOMAIN = 'x';`;
    expect(finishIr(parseSources(sources)).diagnostics.map((d) => d.code)).toContain(
      'UNRESOLVED_REFERENCE',
    );
  });
});
