import type { EnumDef, Ir, Model, Spec } from '../ir/ir-schema.js';
import { createBacklinkIndex, type BacklinkIndex } from './docs-backlinks.js';
import { createDocsPages, type DocsPages } from './docs-links.js';
import type { Labeler } from './docs-labels.js';
import { inlineCode } from './docs-markdown.js';

/**
 * What every docs view-model builder reads: the IR, labels, page paths, reverse references,
 * models and enums by name, and the source link of a spec.
 */
export interface DocsContext {
  readonly ir: Ir;
  readonly label: Labeler;
  readonly pages: DocsPages;
  readonly backlinks: BacklinkIndex;
  /** @throws Error on a model name the IR lacks (the validator rejects such an IR first). */
  model(name: string): Model;
  enumDef(name: string): EnumDef | undefined;
  /**
   * The File value of a spec page: its source path relative to the project as inline code, linked
   * to `<repoUrl>/<path>#L<line>` when a `repoUrl` is configured.
   */
  fileText(spec: Spec): string;
}

/** Options of a docs run that reach the pages: `repoUrl`, the URL prefix of the source files. */
export interface DocsContextOptions {
  readonly repoUrl?: string;
}

/** Builds the {@link DocsContext} of one emit run. */
export function createDocsContext(
  ir: Ir,
  label: Labeler,
  options: DocsContextOptions = {},
): DocsContext {
  const models = new Map(ir.models.map((model) => [model.name, model]));
  const enums = new Map(ir.enums.map((enumDef) => [enumDef.name, enumDef]));
  const repoUrl = options.repoUrl?.replace(/\/+$/, '');
  return {
    ir,
    label,
    pages: createDocsPages(ir),
    backlinks: createBacklinkIndex(ir),
    model(name) {
      const model = models.get(name);
      if (!model) throw new Error(`docs: the IR has no schema model ${name}`);
      return model;
    },
    enumDef: (name) => enums.get(name),
    fileText(spec) {
      const code = inlineCode(spec.source.file);
      if (repoUrl === undefined) return code;
      return `[${code}](${repoUrl}/${encodeURI(spec.source.file)}#L${spec.source.line})`;
    },
  };
}
