import type { EnumDef, Model } from '../ir/ir-schema.js';
import type { ModelRegistry, ModelSink } from './model-registry.js';

/** One definition met while evaluating one spec file. */
export type MetDefinition =
  | { readonly kind: 'model'; readonly model: Model }
  | { readonly kind: 'enum'; readonly enumDef: EnumDef };

/**
 * The schema models and enums one spec file's evaluation met, in the order met, judged later:
 * replaying the logs of every file in file order into one {@link ModelRegistry} gives the models,
 * enums and DUPLICATE_MODEL diagnostics of evaluating all the files in one pass.
 */
export class ModelLog implements ModelSink {
  readonly met: MetDefinition[] = [];

  addModel(model: Model): void {
    this.met.push({ kind: 'model', model });
  }

  addEnum(enumDef: EnumDef): void {
    this.met.push({ kind: 'enum', enumDef });
  }
}

/** Adds `met` to `registry` in order. */
export function replayDefinitions(met: readonly MetDefinition[], registry: ModelRegistry): void {
  for (const definition of met) {
    if (definition.kind === 'model') registry.addModel(definition.model);
    else registry.addEnum(definition.enumDef);
  }
}
