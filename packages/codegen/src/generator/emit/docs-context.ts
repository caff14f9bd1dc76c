import type { EnumDef, Ir, Model } from '../ir/ir-schema.js';
import { createDocsPages, type DocsPages } from './docs-links.js';
import type { Labeler } from './docs-labels.js';

/** What every docs view-model builder reads: the IR, labels, page paths, models and enums by name. */
export interface DocsContext {
  readonly ir: Ir;
  readonly label: Labeler;
  readonly pages: DocsPages;
  /** @throws Error on a model name the IR lacks (the validator rejects such an IR first). */
  model(name: string): Model;
  enumDef(name: string): EnumDef | undefined;
}

/** Builds the {@link DocsContext} of one emit run. */
export function createDocsContext(ir: Ir, label: Labeler): DocsContext {
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const enums = new Map(ir.enums.map((enumDef) => [enumDef.name, enumDef]));
  return {
    ir,
    label,
    pages: createDocsPages(ir),
    model(name) {
      const model = models.get(name);
      if (!model) throw new Error(`docs: the IR has no schema model ${name}`);
      return model;
    },
    enumDef: (name) => enums.get(name),
  };
}
