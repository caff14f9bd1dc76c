import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir } from '../ir/ir-schema.js';
import { runtimePrefixOf, type CodeEmitterOptions } from './code-surface-helpers.js';
import type { Emitter } from './emitter.js';
import {
  declarationOrder,
  domainModels,
  domainSourceFiles,
  strictModelNames,
} from './model-graph.js';
import { banner } from './naming.js';
import { printDocComment, printPropertyKey, printZodType, schemaConstName } from './print-type.js';
import { SCALAR_WIRE_TYPES, type WireFormatCheck } from './scalar-wire-types.js';
import { perDomainEmitter } from './per-domain-emitter.js';

/** The resolved view model of templates/zod/schemas.ts.hbs. */
export interface ZodView {
  readonly banner: string;
  /** `isDate, isDateTime` (sorted), or `''` when no field needs runtime/wire-formats.ts. */
  readonly wireFormats: string;
  /** Prefix of the runtime import, ending in `/` (see `CodeEmitterOptions`). */
  readonly runtimePrefix: string;
  readonly enums: readonly { constName: string; values: string }[];
  readonly models: readonly {
    doc: string;
    constName: string;
    /** `''`, or `: z.ZodType<T.Name>` for a model on a cycle (TypeScript cannot infer it). */
    annotation: string;
    objectFunction: 'strictObject' | 'object';
    fields: readonly { key: string; zod: string }[];
  }[];
  readonly checks: readonly { constName: string; name: string }[];
}

/**
 * The view model of `<domain>/schemas.ts`. Enum schemas come first (sorted), then model schemas in
 * {@link declarationOrder}; a reference to a model declared later (only on a cycle) is `z.lazy`.
 * The format checks of runtime/wire-formats.ts are imported only when a field uses them.
 */
export function zodView(ir: Ir, domain: string, options: CodeEmitterOptions = {}): ZodView {
  const declared = domainModels(ir, domain);
  const strict = strictModelNames(ir);
  const { order, cyclic } = declarationOrder(declared.models);
  const position = new Map(order.map((name, index) => [name, index]));
  const byName = new Map(declared.models.map((model) => [model.name, model]));

  const wireFormats = new Set<WireFormatCheck>();
  for (const model of declared.models) {
    for (const field of model.fields) {
      if (field.type.type !== 'scalar') continue;
      for (const check of SCALAR_WIRE_TYPES[field.type.name].wireFormats) wireFormats.add(check);
    }
  }

  const models = order.map((name) => {
    const model = byName.get(name)!;
    const own = position.get(name)!;
    const lazy = (target: string) => (position.get(target) ?? -1) >= own;
    return {
      doc: printDocComment(model.description),
      constName: schemaConstName(name),
      annotation: cyclic.has(name) ? `: z.ZodType<T.${name}>` : '',
      objectFunction: strict.has(name) ? ('strictObject' as const) : ('object' as const),
      fields: model.fields.map((field) => ({
        key: printPropertyKey(field.name),
        zod: printZodType(field, lazy),
      })),
    };
  });

  const checks = [
    ...declared.enums.map((def) => def.name),
    ...declared.models.map((model) => model.name),
  ]
    .sort(compareCodeUnits)
    .map((name) => ({ constName: schemaConstName(name), name }));

  return {
    banner: banner(domainSourceFiles(ir, domain, declared)),
    wireFormats: [...wireFormats].sort(compareCodeUnits).join(', '),
    runtimePrefix: runtimePrefixOf(options),
    enums: declared.enums.map((def) => ({
      constName: schemaConstName(def.name),
      values: def.values.map((value) => JSON.stringify(value)).join(', '),
    })),
    models,
    checks,
  };
}

/**
 * Emits `<domain>/schemas.ts` for every domain: one zod 4 schema const `<Name>Schema` per schema
 * model and enum of `<domain>/types.ts`, a model after the models it nests, and a compile-time
 * check that `z.infer<typeof <Name>Schema>` and `<Name>` are assignable to each other.
 *
 * Unknown keys (issue #2): a model reachable from any operation input or form model is
 * `z.strictObject`, which rejects unknown keys, so a misspelt request field fails loudly. A model
 * reachable only from operation outputs and event payloads is `z.object`, which strips unknown
 * keys: a client tolerates a newer server's extra fields, and undeclared fields never pass through.
 * The JSON Schema emitter reads the same rule (`strictModelNames`): `additionalProperties: false`
 * exactly where zod is strict.
 *
 * Formatted scalars (Date, DateTime, EmailAddress, URL) call runtime/wire-formats.ts, imported as
 * `<runtimeImportPrefix>wire-formats.js` (default `../../runtime/`, as the code emitters do).
 */
export function createZodEmitter(options: CodeEmitterOptions = {}): Emitter {
  return perDomainEmitter('zod', 'schemas.ts', 'zod/schemas.ts.hbs', (ir, domain) =>
    zodView(ir, domain, options),
  );
}

/** The zod emitter with the default runtime import prefix, as `contracts generate` runs it. */
export const zodEmitter: Emitter = createZodEmitter();
