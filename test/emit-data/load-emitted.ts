import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import ts from 'typescript';
import * as zod from 'zod';
import type { z } from 'zod';
import {
  jsonSchemaEmitter,
  rootDocument,
} from '../../packages/codegen/src/generator/emit/json-schema-emitter.js';
import {
  domainModels,
  strictModelNames,
} from '../../packages/codegen/src/generator/emit/model-graph.js';
import { domainsOf } from '../../packages/codegen/src/generator/emit/naming.js';
import { zodEmitter } from '../../packages/codegen/src/generator/emit/zod-emitter.js';
import { formatFiles } from '../../packages/codegen/src/generator/format.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import * as wireFormats from '../../packages/runtime/src/wire-formats.js';

// ajv-formats is CommonJS: its default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

/**
 * Evaluates an emitted schemas.ts: TypeScript strips the types, the CommonJS output runs with a
 * `require` that provides the same zod the tests use and runtime/wire-formats.ts under its default
 * import path. Returns the module's exports.
 */
export function evaluateSchemasModule(source: string): Record<string, z.ZodType> {
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  const exports: Record<string, z.ZodType> = {};
  const require = (id: string) => {
    if (id === 'zod') return zod;
    if (id === 'contracts-runtime/wire-formats') return wireFormats;
    throw new Error(`schemas.ts imports ${id} at run time`);
  };
  new Function('exports', 'require', outputText)(exports, require);
  return exports;
}

/** A strict ajv 2020-12 instance with ajv-formats, as the issue asks for the equivalence test. */
export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: true });
  addFormats(ajv);
  return ajv;
}

/** The two validators of one model: its zod schema const and its JSON Schema under ajv. */
export interface ModelValidators {
  readonly domain: string;
  readonly model: string;
  readonly zod: z.ZodType;
  readonly ajv: ValidateFunction;
}

/**
 * Emits and formats schemas.ts and the JSON Schema files of an IR, loads them, and returns both
 * validators of every model every domain declares. A model is validated through the document
 * where it is the root, else through `<$id>#/$defs/<Name>` of a document that nests it, else
 * (form models have no document) through `rootDocument`, the emitter's own builder.
 * @throws Error when a model has no zod const or no JSON Schema, or ajv rejects a schema.
 */
export async function loadModelValidators(ir: Ir): Promise<ModelValidators[]> {
  const files = await formatFiles([...zodEmitter.emit(ir), ...jsonSchemaEmitter.emit(ir)]);
  const out: ModelValidators[] = [];
  for (const domain of domainsOf(ir)) {
    const schemasTs = files.find((file) => file.path === `${domain}/schemas.ts`);
    if (!schemasTs) throw new Error(`no ${domain}/schemas.ts`);
    const zodModule = evaluateSchemasModule(schemasTs.contents);
    const ajv = strictAjv();
    const documents = files
      .filter(
        (file) =>
          file.path.startsWith(`${domain}/json-schema/`) && file.path.endsWith('.schema.json'),
      )
      .map(
        (file) =>
          JSON.parse(file.contents) as {
            $id: string;
            title: string;
            $defs?: Record<string, unknown>;
          },
      );
    for (const document of documents) ajv.addSchema(document);
    for (const model of domainModels(ir, domain).models) {
      const zodSchema = zodModule[`${model.name}Schema`];
      if (!zodSchema) throw new Error(`${domain}/schemas.ts has no ${model.name}Schema`);
      const asRoot = documents.find((document) => document.title === model.name);
      const asDef = documents.find((document) => document.$defs?.[model.name] !== undefined);
      const ref = asRoot ? asRoot.$id : asDef ? `${asDef.$id}#/$defs/${model.name}` : undefined;
      const validate =
        ref === undefined ? formOnlyValidator(ajv, ir, model.name) : ajv.getSchema(ref);
      if (!validate) throw new Error(`no JSON Schema for ${model.name} in ${domain}`);
      out.push({ domain, model: model.name, zod: zodSchema, ajv: validate });
    }
  }
  return out;
}

/** Form models have no emitted document: compile the one the emitter would build for them. */
function formOnlyValidator(ajv: Ajv2020, ir: Ir, model: string): ValidateFunction {
  const id = `https://contracts.dev/test/${model}.json`;
  const entry = { key: 'form', version: '0.0.0', role: 'input' as const, model, id, file: '' };
  return ajv.compile(rootDocument(ir, entry, strictModelNames(ir)));
}
