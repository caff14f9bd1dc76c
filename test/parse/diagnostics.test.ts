import { describe, expect, it } from 'vitest';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { diag, loc } from './support.js';

const LANG = `import { defineCommand, defineEvent, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';`;
const OUT = `const Out = new SchemaModel({ name: 'Out', fields: {} });`;

/** A command whose meta gets `metaExtra` and whose spec object gets `specExtra`. */
const command = (
  name: string,
  metaExtra: string,
  specExtra = '',
) => `export const ${name} = defineCommand({
  meta: { key: 'x.${name}', version: '1.0.0', ${metaExtra} },
  io: { input: null, output: Out },
  policy: { auth: 'user' },${specExtra}
});`;

const one = (path: string, body: string) => ({ [path]: `${LANG}\n${OUT}\n${body}\n` });

describe('parser diagnostics, each at its exact node', () => {
  it('SYNTAX_ERROR at the TypeScript error; the file is not scanned', () => {
    const sources = one('specs/bad.ts', command('Bad', "title: 'T',,"));
    expect(parseSources(sources)).toStrictEqual({
      specs: [],
      models: [],
      enums: [],
      diagnostics: [
        diag(
          'error',
          'SYNTAX_ERROR',
          'Property assignment expected.',
          loc(sources, 'specs/bad.ts', ', }'),
        ),
      ],
    });
  });

  it('UNRESOLVED_IDENTIFIER for every way an identifier can fail to resolve', () => {
    const file = 'specs/refs.ts';
    const sources: Record<string, string> = {
      ...one(
        file,
        `import type { TypeOnly } from './lib.js';
import { Missing } from './lib.js';
import { FromPackage } from 'some-package';
import { Gone } from './gone.js';
import * as lib from './lib.js';
let mutable = 'm';
${command('Refs', 'title: Undeclared, description: TypeOnly, domain: FromPackage, goal: Gone, context: mutable, tags: [lib.nope, Out.name]')}`,
      ),
      'specs/lib.ts': `export const Present = 1;\n`,
    };
    const ir = parseSources(sources);
    expect(ir.diagnostics).toStrictEqual([
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        '`Undeclared` is not declared or imported',
        loc(sources, file, 'Undeclared'),
      ),
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        '`TypeOnly` is imported with `import type` and has no value',
        loc(sources, file, 'TypeOnly,'),
      ),
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        "`FromPackage` is imported from 'some-package', which is neither a relative import nor the contract language",
        loc(sources, file, 'FromPackage,'),
      ),
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        "`Gone` is imported from './gone.js', which resolves to no file",
        loc(sources, file, 'Gone,'),
      ),
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        '`mutable` is bound to a let, not to a const',
        loc(sources, file, 'mutable,'),
      ),
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        '`lib.nope`: specs/lib.ts does not export `nope`',
        loc(sources, file, 'lib.nope'),
      ),
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        '`Out.name` reads `name` of the schema model Out',
        loc(sources, file, 'Out.name'),
      ),
    ]);
    // The spec is still built from what could be read.
    expect(ir.specs.map((spec) => spec.meta)).toStrictEqual([
      { key: 'x.Refs', version: '1.0.0', tags: [] },
    ]);
    expect(
      parseSources({ ...sources, [file]: sources[file]!.replace('Undeclared', 'Missing') })
        .diagnostics[0],
    ).toStrictEqual(
      diag(
        'error',
        'UNRESOLVED_IDENTIFIER',
        "`Missing` is imported from './lib.js', but specs/lib.ts does not export `Missing`",
        loc(sources, file, 'Undeclared'),
      ),
    );
  });

  it('UNSUPPORTED_EXPRESSION for operators, unknown calls, undefined and bad spreads', () => {
    const file = 'specs/ops.ts';
    const sources = one(
      file,
      `function helper(): string { return 'h'; }
${command('Ops', "title: 'a' + 'b', description: helper(), goal: undefined, tags: [...'abc'], context: ScalarTypeEnum")}`,
    );
    expect(parseSources(sources).diagnostics).toStrictEqual([
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        "`'a' + 'b'` (BinaryExpression) cannot be evaluated statically",
        loc(sources, file, "'a' + 'b'"),
      ),
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        'the call `helper(...)` cannot be evaluated statically',
        loc(sources, file, 'helper()', 1),
      ),
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        '`undefined` is not a spec value; leave the field out instead',
        loc(sources, file, 'undefined'),
      ),
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        'cannot spread a string into an array',
        loc(sources, file, "...'abc'"),
      ),
      diag(
        'error',
        'UNSUPPORTED_EXPRESSION',
        '`ScalarTypeEnum` is part of the contract language and is only understood where it is called',
        loc(sources, file, 'ScalarTypeEnum }'),
      ),
    ]);
  });

  it('INVALID_SPEC_SHAPE names the field; a spec missing what the IR needs is dropped', () => {
    const file = 'specs/shape.ts';
    const sources = one(
      file,
      `const Field = new SchemaModel({ name: 'Field', fields: { a: { type: ScalarTypeEnum.ID() }, b: { type: 'text', isOptional: false } } });
${command(
  'Shape',
  "title: 42, colour: 'red', stability: 'solid', tags: ['ok', 7]",
  `
  sideEffects: { emits: [{ ref: 'x.y', when: 'w' }] },
  transport: { rest: { method: 'PUT' } },`,
)}
export const NoOutput = defineCommand({ meta: { key: 'x.NoOutput', version: '1.0.0' }, io: { input: null, errors: { E: { description: 'd', http: 200, when: 'w' } } } });
export const NoArgs = defineEvent();`,
    );
    const ir = parseSources(sources);
    expect(ir.diagnostics).toStrictEqual([
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`Field.fields.a.isOptional` is missing',
        loc(sources, file, '{ type: ScalarTypeEnum.ID() }'),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`Field.fields.b.type` must be a scalar, a schema model or an enum, found a string',
        loc(sources, file, "'text'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`meta.title` must be a string, found a number',
        loc(sources, file, '42'),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`meta.tags[1]` must be a string, found a number',
        loc(sources, file, '7]'),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        "`meta.stability` must be one of 'idea', 'in_creation', 'experimental', 'beta', 'stable', 'deprecated', found 'solid'",
        loc(sources, file, "'solid'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`meta.colour` is not a field of the contract language',
        loc(sources, file, "'red'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`sideEffects.emits[0].ref` must be an object, found a string',
        loc(sources, file, "'x.y'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        "`transport.rest.method` must be one of 'GET', 'POST', found 'PUT'",
        loc(sources, file, "'PUT'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`io.output` is missing',
        loc(sources, file, '{ input: null, errors'),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`io.errors.E.http` must be an HTTP error status (400..599), found 200',
        loc(sources, file, '200'),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`policy` is missing',
        loc(sources, file, "{ meta: { key: 'x.NoOutput'"),
      ),
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`defineEvent` takes one object',
        loc(sources, file, 'defineEvent()'),
      ),
    ]);
    expect(
      ir.specs.map((spec) => [spec.key, spec.meta.tags, spec.kind === 'operation' && spec.emits]),
    ).toStrictEqual([['x.Shape', ['ok'], []]]);
    expect(ir.models.map((model) => [model.name, model.fields])).toStrictEqual([
      ['Out', []],
      ['Field', []],
    ]);
  });

  it('MISSING_META_FIELD for a missing key or version; the spec is dropped', () => {
    const file = 'specs/meta.ts';
    const sources = one(
      file,
      `export const NoKey = defineEvent({ meta: { version: '1.0.0' }, payload: Out });`,
    );
    expect(parseSources(sources)).toStrictEqual({
      specs: [],
      models: [
        { kind: 'model', name: 'Out', fields: [], source: loc(sources, file, 'new SchemaModel') },
      ],
      enums: [],
      diagnostics: [
        diag(
          'error',
          'MISSING_META_FIELD',
          '`meta.key` is missing',
          loc(sources, file, "{ version: '1.0.0' }"),
        ),
      ],
    });
  });

  it('UNKNOWN_SCALAR at the call; the field is left out', () => {
    const file = 'specs/scalar.ts';
    const sources = one(
      file,
      `export const Typo = new SchemaModel({ name: 'Typo', fields: { a: { type: ScalarTypeEnum.NonEmptyStrng(), isOptional: false } } });`,
    );
    const ir = parseSources(sources);
    expect(ir.diagnostics).toStrictEqual([
      diag(
        'error',
        'UNKNOWN_SCALAR',
        '`ScalarTypeEnum.NonEmptyStrng()`: `NonEmptyStrng` is not one of the twenty scalars',
        loc(sources, file, 'ScalarTypeEnum.NonEmptyStrng'),
      ),
      diag('error', 'NO_SPECS', 'no spec (`const X = define*(...)`) found in .', {
        file: '.',
        line: 1,
        column: 1,
      }),
    ]);
    expect(ir.models.map((model) => [model.name, model.fields])).toStrictEqual([
      ['Out', []],
      ['Typo', []],
    ]);
  });

  it('DUPLICATE_MODEL for one name with two definitions; the same definition twice is one', () => {
    const model = (fields: string) => `new SchemaModel({ name: 'Shared', fields: { ${fields} } })`;
    const sources = {
      'specs/a.ts': `${LANG}\nexport const A = ${model('id: { type: ScalarTypeEnum.ID(), isOptional: false }')};\n`,
      'specs/b.ts': `${LANG}\nexport const B = ${model('id: { type: ScalarTypeEnum.ID(), isOptional: false }')};\n`,
      'specs/c.ts': `${LANG}\nexport const C = ${model('id: { type: ScalarTypeEnum.ID(), isOptional: true }')};\n`,
      'specs/d.ts': `import { defineEnum } from '@lssm-tech/lib.schema';
export const Level = defineEnum('Level', ['low']);
export const SameLevel = defineEnum('Level', ['low']);
export const OtherLevel = defineEnum('Level', ['high']);
export const SharedEnum = defineEnum('Shared', ['x']);
`,
    };
    const ir = parseSources(sources, { specsDir: 'specs' });
    expect(ir.models).toStrictEqual([
      {
        kind: 'model',
        name: 'Shared',
        fields: [
          { name: 'id', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
        ],
        source: loc(sources, 'specs/a.ts', 'new SchemaModel'),
      },
    ]);
    expect(ir.enums).toStrictEqual([
      {
        kind: 'enum',
        name: 'Level',
        values: ['low'],
        source: loc(sources, 'specs/d.ts', 'defineEnum('),
      },
    ]);
    expect(ir.diagnostics).toStrictEqual([
      diag(
        'error',
        'DUPLICATE_MODEL',
        'schema model `Shared` conflicts with a schema model of the same name and a different definition at specs/a.ts:2:18',
        loc(sources, 'specs/c.ts', 'new SchemaModel'),
      ),
      diag(
        'error',
        'DUPLICATE_MODEL',
        'enum `Level` conflicts with an enum of the same name and a different definition at specs/d.ts:2:22',
        loc(sources, 'specs/d.ts', "defineEnum('Level', ['high'])"),
      ),
      diag(
        'error',
        'DUPLICATE_MODEL',
        'enum `Shared` conflicts with a schema model of the same name and a different definition at specs/a.ts:2:18',
        loc(sources, 'specs/d.ts', "defineEnum('Shared'"),
      ),
      diag('error', 'NO_SPECS', 'no spec (`const X = define*(...)`) found in specs', {
        file: 'specs',
        line: 1,
        column: 1,
      }),
    ]);
  });

  it('CIRCULAR_REFERENCE through imports, without looping', () => {
    const sources = {
      'specs/a.ts': `import { B } from './b.js';\nexport const A = [...B];\n`,
      'specs/b.ts': `import { A } from './a.js';\nexport const B = [...A];\n`,
      'specs/spec.ts': `${LANG}\n${OUT}\nimport { A } from './a.js';\n${command('Loop', 'tags: A')}\n`,
    };
    expect(parseSources(sources).diagnostics).toStrictEqual([
      diag(
        'error',
        'CIRCULAR_REFERENCE',
        '`A` depends on itself: A -> B -> A',
        loc(sources, 'specs/b.ts', 'A]'),
      ),
    ]);
  });
});
