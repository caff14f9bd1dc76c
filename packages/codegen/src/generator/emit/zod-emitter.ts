import { compareCodeUnits } from 'contracts-runtime/core';
import { tsQuote } from './code-layout.js';
import type { Ir } from '../ir/ir-schema.js';
import { importSettingsOf, type CodeEmitterOptions } from './code-surface-helpers.js';
import type { Emitter } from './emitter.js';
import {
  declarationOrder,
  domainModels,
  domainSourceFiles,
  modelSurfaceInputs,
  strictModelNames,
} from './model-graph.js';
import { banner } from './naming.js';
import {
  printDocComment,
  printPropertyKey,
  printWireSchemaConst,
  printZodType,
  schemaConstName,
} from './print-type.js';
import type { ImportCandidate } from './import-printer.js';
import { generatedNamespace, runtimeSpecifier } from './import-settings.js';
import { perDomainEmitter } from './per-domain-emitter.js';
import { SCALAR_WIRE_TYPES, WIRE_FORMAT_CHECKS } from './scalar-wire-types.js';
import { ViewMemo } from './view-memo.js';

type ModelView = ZodView['models'][number];
type EnumView = ZodView['enums'][number];

/**
 * Each model's and enum's schema view by its IR object and the rest of what it is printed from:
 * the options, strictness, cycle and which of its model fields are `z.lazy`.
 */
const modelViews = new ViewMemo<ReturnType<typeof domainModels>['models'][number], ModelView>();
const enumViews = new ViewMemo<ReturnType<typeof domainModels>['enums'][number], EnumView>();

/** The resolved view model of templates/zod/schemas.ts.hbs. */
export interface ZodView {
  readonly banner: string;
  /** `isDate, isDateTime` (sorted), or `''` when no field needs runtime/wire-formats.ts. */
  readonly enums: readonly { constName: string; cast: string; values: string }[];
  readonly models: readonly {
    doc: string;
    constName: string;
    /**
     * `: z.ZodType<T.Name>` for a model on a cycle under {@link ZodOptions.agreementProof}
     * (TypeScript cannot infer it), else `''` (the cast states the type).
     */
    annotation: string;
    /**
     * ` as unknown as z.ZodType<T.Name>`: the schema's declared type, stated once, so that no
     * consumer re-derives its output type and nothing compares the zod object type with the
     * model's (that check costs tsc ~3,500 instantiations per schema). `''` under
     * {@link ZodOptions.agreementProof}.
     */
    cast: string;
    objectFunction: 'strictObject' | 'object';
    fields: readonly { key: string; zod: string }[];
    /** True when the model has no field: `z.object({})`. */
    empty: boolean;
  }[];
  readonly checks: readonly { constName: string; name: string }[];
  /** The wire-format scalar consts the fields use (`const dateTimeString = …`), in table order. */
  readonly wireSchemas: readonly string[];
  /** True when the file ends with the `SchemasAgreeWithTypes` proof (see {@link ZodOptions}). */
  readonly agreementProof: boolean;
}

/**
 * Options of the zod surface. `agreementProof` (tests only) leaves the schemas unannotated, so
 * TypeScript infers their output types, and appends a type-level check that each inferred type
 * and its declaration in `types.ts` are mutually assignable. Generated code never carries it: its
 * cost grows with the domain, and the annotations make every consumer's check an identity.
 */
export interface ZodOptions extends CodeEmitterOptions {
  readonly agreementProof?: boolean;
}

/**
 * The view model of `<domain>/schemas.ts`. Enum schemas come first (sorted), then model schemas in
 * {@link declarationOrder}; a reference to a model declared later (only on a cycle) is `z.lazy`.
 */
export function zodView(ir: Ir, domain: string, agreementProof = false): ZodView {
  const declared = domainModels(ir, domain);
  const strict = strictModelNames(ir);
  const { order, cyclic } = declarationOrder(declared.models);
  const position = new Map(order.map((name, index) => [name, index]));
  const byName = new Map(declared.models.map((model) => [model.name, model]));

  const models = order.map((name) => {
    const model = byName.get(name)!;
    const own = position.get(name)!;
    const lazy = (target: string) => (position.get(target) ?? -1) >= own;
    const lazyFields = model.fields.map((field) =>
      field.type.type === 'model' && lazy(field.type.name) ? '1' : '0',
    );
    const key = `${agreementProof} ${cyclic.has(name)} ${strict.has(name)} ${lazyFields.join('')}`;
    return modelViews.of(model, key, () => ({
      doc: printDocComment(model.description),
      constName: schemaConstName(name),
      annotation: agreementProof && cyclic.has(name) ? `: z.ZodType<T.${name}>` : '',
      cast: agreementProof ? '' : ` as unknown as z.ZodType<T.${name}>`,
      objectFunction: strict.has(name) ? ('strictObject' as const) : ('object' as const),
      fields: model.fields.map((field) => ({
        key: printPropertyKey(field.name),
        zod: printZodType(field, lazy),
      })),
      empty: model.fields.length === 0,
    }));
  });
  const used = new Set(
    declared.models.flatMap((model) =>
      model.fields.flatMap((field) =>
        field.type.type === 'scalar' ? SCALAR_WIRE_TYPES[field.type.name].wireFormats : [],
      ),
    ),
  );

  const checks = [
    ...declared.enums.map((def) => def.name),
    ...declared.models.map((model) => model.name),
  ]
    .sort(compareCodeUnits)
    .map((name) => ({ constName: schemaConstName(name), name }));

  return {
    banner: banner(domainSourceFiles(ir, domain, declared)),
    enums: declared.enums.map((def) =>
      enumViews.of(def, String(agreementProof), () => ({
        constName: schemaConstName(def.name),
        cast: agreementProof ? '' : ` as unknown as z.ZodType<T.${def.name}>`,
        values: def.values.map(tsQuote).join(', '),
      })),
    ),
    models,
    checks,
    wireSchemas: WIRE_FORMAT_CHECKS.filter((check) => used.has(check)).map(printWireSchemaConst),
    agreementProof,
  };
}

/**
 * Emits `<domain>/schemas.ts` for every domain: one zod 4 schema const `<Name>Schema` per schema
 * model and enum of `<domain>/types.ts`, a model after the models it nests, each declared as
 * `z.ZodType<T.<Name>>` (so the handlers' and events' checks compare a type with itself). Both are
 * printed from the same fields through the scalar table; that each schema and its type agree is
 * proven by the generator's tests (`agreementProof`), not by a type-level check in generated code.
 *
 * Unknown keys: a model reachable from any operation input or form model is
 * `z.strictObject`, which rejects unknown keys, so a misspelt request field fails loudly. A model
 * reachable only from operation outputs and event payloads is `z.object`, which strips unknown
 * keys: a client tolerates a newer server's extra fields, and undeclared fields never pass through.
 * The JSON Schema emitter reads the same rule (`strictModelNames`): `additionalProperties: false`
 * exactly where zod is strict.
 *
 * Formatted scalars (Date, DateTime, EmailAddress, URL) call the runtime's wire-format checks
 * (`contracts-runtime/wire-formats`), imported only when a field uses them.
 */
export function createZodEmitter(options: ZodOptions = {}): Emitter {
  const emitter = perDomainEmitter(
    'zod',
    'schemas.ts',
    'zod/schemas.ts.hbs',
    (ir, domain) => zodView(ir, domain, options.agreementProof === true),
    (_ir, domain) => zodImports(options, domain),
  );
  return { ...emitter, inputsOf: modelSurfaceInputs };
}

/** What a `schemas.ts` may import: zod, the runtime's wire-format checks and its domain's types. */
function zodImports(options: CodeEmitterOptions, domain: string): ImportCandidate[] {
  const settings = importSettingsOf(options);
  const wireFormats = runtimeSpecifier(settings, 'wire-formats', domain);
  return [
    { name: 'z', specifier: 'zod', typeOnly: false },
    ...WIRE_FORMAT_CHECKS.map((name) => ({ name, specifier: wireFormats, typeOnly: false })),
    generatedNamespace(settings, 'T', `${domain}/types`, domain, true),
  ];
}

/** The `zod` emitter with the default import settings (the runtime by package name, `.js`). */
export const zodEmitter: Emitter = createZodEmitter();
