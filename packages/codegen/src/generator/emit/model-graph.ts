import { compareCodeUnits } from 'contracts-runtime/core';
import type { EnumDef, Ir, Model, Spec } from '../ir/ir-schema.js';
import { BETWEEN_LISTS } from './emit-memo.js';
import { domainOf, reachableModels, specsOfDomain } from './naming.js';
import { perIr } from './per-ir-memo.js';
import { RecentResults } from './recent-results.js';

/**
 * The schema model names a spec names directly, in this order: an operation's input (none when
 * `io.input` is null) and output, an event's payload, a form's model; none for the other kinds
 * (the spec kinds of ir-schema.ts). Names are not checked: the validator reports unknown ones.
 */
export function modelRefsOf(spec: Spec): string[] {
  if (spec.kind === 'operation')
    return spec.io.input === null ? [spec.io.output] : [spec.io.input, spec.io.output];
  if (spec.kind === 'event') return [spec.payload];
  if (spec.kind === 'form') return [spec.model];
  return [];
}

/**
 * Everything the model surfaces of every domain (types.ts, schemas.ts, the JSON Schemas) are
 * built from, as one flat list for `Emitter.inputsOf`: the IR's models and enums (by identity),
 * and of each spec, in IR order, what {@link domainModels}, {@link strictModelNames},
 * {@link domainSourceFiles} and the schema entries read of it (its domain, kind, key, version,
 * file and {@link modelRefsOf}). A spec's title, description or policy is none of them, so
 * editing one leaves these surfaces as they were.
 */
export function modelSurfaceInputs(ir: Ir): readonly unknown[] {
  return modelSurfaceInputsOnce(ir, '');
}

// Made once per IR: the types, zod and json-schema emitters each ask for it.
const modelSurfaceInputsOnce = perIr((ir: Ir): readonly unknown[] => {
  const inputs: unknown[] = [...ir.models, BETWEEN_LISTS, ...ir.enums];
  for (const spec of ir.specs) {
    inputs.push(BETWEEN_LISTS, domainOf(spec), spec.kind, spec.key, spec.version, spec.source.file);
    inputs.push(...modelRefsOf(spec));
  }
  return inputs;
});

/** The schema models and enums one domain's data surfaces declare, each sorted by name. */
export interface DomainModels {
  readonly models: readonly Model[];
  readonly enums: readonly EnumDef[];
}

/**
 * Every model reachable from the models the domain's specs name ({@link modelRefsOf} +
 * `reachableModels`), and every enum their fields use; both sorted by name.
 * Unknown names are skipped: the validator has reported them already.
 */
export function domainModels(ir: Ir, domain: string): DomainModels {
  return domainModelsOnce(ir, domain);
}

const recentDomainModels = new RecentResults<DomainModels>(16);

const domainModelsOnce = perIr((ir: Ir, domain: string): DomainModels => {
  const roots = specsOfDomain(ir, domain).flatMap(modelRefsOf);
  const inputs = [...roots, BETWEEN_LISTS, ...ir.models, BETWEEN_LISTS, ...ir.enums];
  return recentDomainModels.of(inputs, () => declaredModels(ir, roots));
});

function declaredModels(ir: Ir, roots: readonly string[]): DomainModels {
  const names = new Set(reachableModels(ir, roots));
  const models = ir.models
    .filter((model) => names.has(model.name))
    .sort((a, b) => compareCodeUnits(a.name, b.name));
  const enumNames = new Set<string>();
  for (const model of models) {
    for (const field of model.fields)
      if (field.type.type === 'enum') enumNames.add(field.type.name);
  }
  const enums = ir.enums
    .filter((def) => enumNames.has(def.name))
    .sort((a, b) => compareCodeUnits(a.name, b.name));
  return { models, enums };
}

/**
 * The names of the models that reject unknown keys: every model reachable from any operation input
 * or form model of the whole IR. The zod (`z.strictObject`) and JSON
 * Schema (`additionalProperties: false`) emitters both read this one set, so they cannot disagree.
 */
export function strictModelNames(ir: Ir): ReadonlySet<string> {
  return strictModelNamesOnce(ir, '');
}

const strictModelNamesOnce = perIr((ir: Ir): ReadonlySet<string> => {
  const roots: string[] = [];
  for (const spec of ir.specs) {
    if (spec.kind === 'operation' && spec.io.input) roots.push(spec.io.input);
    if (spec.kind === 'form') roots.push(spec.model);
  }
  return new Set(reachableModels(ir, roots));
});

/** The order in which schemas.ts declares its model schemas, and which of them sit on a cycle. */
export interface DeclarationOrder {
  /** Model names, each after the models it uses unless a cycle forbids it; ties by name. */
  readonly order: readonly string[];
  /** Models that reach themselves through nested fields: they need `z.lazy` and a type annotation. */
  readonly cyclic: ReadonlySet<string>;
}

/**
 * Depth-first post-order over the models sorted by name, following nested model fields in
 * declaration order: deterministic, and a model comes after every model it uses except along a
 * cycle. Models outside `models` (another domain's, or unknown) are ignored.
 */
export function declarationOrder(models: readonly Model[]): DeclarationOrder {
  return recentOrders.of(models, () => orderOf(models));
}

const recentOrders = new RecentResults<DeclarationOrder>(16);

function orderOf(models: readonly Model[]): DeclarationOrder {
  const byName = new Map(models.map((model) => [model.name, model]));
  const depsOf = (model: Model) =>
    model.fields.flatMap((field) =>
      field.type.type === 'model' && byName.has(field.type.name) ? [field.type.name] : [],
    );
  const order: string[] = [];
  const done = new Set<string>();
  const visit = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    for (const dep of depsOf(byName.get(name)!)) visit(dep);
    order.push(name);
  };
  for (const name of [...byName.keys()].sort(compareCodeUnits)) visit(name);

  const cyclic = new Set<string>();
  for (const model of models) {
    const seen = new Set<string>();
    const stack = depsOf(model);
    while (stack.length > 0) {
      const name = stack.pop()!;
      if (name === model.name) {
        cyclic.add(model.name);
        break;
      }
      if (seen.has(name)) continue;
      seen.add(name);
      stack.push(...depsOf(byName.get(name)!));
    }
  }
  return { order, cyclic };
}

/**
 * The spec files a domain's data surfaces come from, for `banner(...)`: the files of its operations,
 * events and forms (the specs that name schema models) and the files declaring its models and
 * enums; POSIX, relative to the project root. A domain with no such spec lists all its spec files.
 * `banner` sorts and de-duplicates them.
 */
export function domainSourceFiles(ir: Ir, domain: string, declared: DomainModels): string[] {
  const specs = specsOfDomain(ir, domain);
  const naming = specs.filter((spec) => ['operation', 'event', 'form'].includes(spec.kind));
  return [
    ...(naming.length > 0 ? naming : specs).map((spec) => spec.source.file),
    ...declared.models.map((model) => model.source.file),
    ...declared.enums.map((def) => def.source.file),
  ];
}
