import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCALARS, type Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import {
  DEFINE_CALLEES,
  NON_SPEC_DEFINES,
  STABILITY_MEMBERS,
  TAGS_MEMBERS,
} from '../../packages/codegen/src/generator/parse/language.js';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import * as language from '../../packages/codegen/src/language/index.js';

describe('the parser knows the contract language by name', () => {
  it('has the member tables of specs/language/enums.ts', () => {
    expect(STABILITY_MEMBERS).toStrictEqual({ ...language.StabilityEnum });
    expect(TAGS_MEMBERS).toStrictEqual({ ...language.TagsEnum });
  });

  it('has the twenty scalars of specs/language/scalars.ts', () => {
    expect([...SCALARS]).toStrictEqual([...language.SCALAR_NAMES]);
    expect(Object.keys(language.ScalarTypeEnum)).toStrictEqual([...language.SCALAR_NAMES]);
  });

  it('knows every define* of the language: the spec callees and the model-declaring ones', () => {
    const defines = Object.keys(language).filter((name) => /^define[A-Z]/.test(name));
    expect([...DEFINE_CALLEES.keys(), ...NON_SPEC_DEFINES].sort()).toStrictEqual(defines.sort());
  });
});

const SPEC = (
  from: string,
) => `import { defineCommand, defineEnum, docId, ScalarTypeEnum, SchemaModel, StabilityEnum, TagsEnum } from '${from}';

const Level = defineEnum('Level', ['low', 'high']);
const PingInput = new SchemaModel({ name: 'PingInput', fields: { level: { type: Level, isOptional: false } } });

export const PingCommand = defineCommand({
  meta: {
    key: 'demo.ping', version: '1.0.0', title: 'Ping', description: 'd', goal: 'g', context: 'c',
    owners: ['o'], tags: [TagsEnum.Observability], stability: StabilityEnum.InCreation, docId: [docId('docs.ping')],
  },
  io: { input: PingInput, output: new SchemaModel({ name: 'PingOutput', fields: { n: { type: ScalarTypeEnum.Int_unsecure(), isOptional: false } } }) },
  policy: { auth: 'user' },
});
`;

function withoutSourceText(ir: Ir): unknown {
  return { ...ir, specs: ir.specs.map(({ sourceText: _sourceText, ...spec }) => spec) };
}

describe('the language is recognised whatever module it comes from', () => {
  const languageDir = join(import.meta.dirname, '../../packages/codegen/src/language');
  const languageFiles = Object.fromEntries(
    readdirSync(languageDir).map((name) => [
      `specs/language/${name}`,
      readFileSync(join(languageDir, name), 'utf8'),
    ]),
  );
  const fromPackage = parseSources({ 'specs/demo/ping.command.ts': SPEC('@lssm-tech/lib.schema') });
  const fromLanguageFiles = parseSources({
    ...languageFiles,
    'specs/demo/ping.command.ts': SPEC('../language/index.js'),
  });
  const fromMissingModule = parseSources({
    'specs/demo/ping.command.ts': SPEC('../../operations'),
  });

  it('parses the package import without diagnostics', () => {
    expect(fromPackage.diagnostics).toStrictEqual([]);
    expect(fromPackage.specs.map((spec) => spec.meta)).toStrictEqual([
      {
        key: 'demo.ping',
        version: '1.0.0',
        title: 'Ping',
        description: 'd',
        goal: 'g',
        context: 'c',
        owners: ['o'],
        tags: ['observability'],
        stability: 'in_creation',
        docId: ['docs.ping'],
      },
    ]);
  });

  it('gives the same IR, apart from sourceText, for the language files and an unresolvable relative module', () => {
    expect(withoutSourceText(fromLanguageFiles)).toStrictEqual(withoutSourceText(fromPackage));
    expect(withoutSourceText(fromMissingModule)).toStrictEqual(withoutSourceText(fromPackage));
    expect(fromLanguageFiles.specs[0]?.sourceText.imports).toBe(
      "import { defineCommand, defineEnum, docId, ScalarTypeEnum, SchemaModel, StabilityEnum, TagsEnum } from '../language/index.js';",
    );
  });
});
