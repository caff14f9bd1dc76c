import type { EnumDef, Ir, Model, Spec } from '../ir/ir-schema.js';
import { createBacklinkIndex, type BacklinkIndex } from './docs-backlinks.js';
import { createDocsPages, type DocsPages } from './docs-links.js';
import type { Labeler } from './docs-labels.js';
import { inlineCode, table, unalignedTable, type DocsTable } from './docs-markdown.js';
import { enumsByName, modelsByName } from './naming.js';
import { perIr } from './per-ir-memo.js';

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
  /**
   * A table of `header` and `rows`, every cell escaped: aligned as prettier aligns GFM tables
   * (`table`), or unpadded when the run's pages are read only by markdown-it (`unalignedTable`).
   */
  table(header: readonly string[], rows: readonly (readonly string[])[]): DocsTable;
}

/**
 * Options of a docs run that reach the pages: `repoUrl`, the URL prefix of the source files;
 * `alignTables` (default true), false for pages that are only rendered to HTML (the site), whose
 * tables need no column padding.
 */
export interface DocsContextOptions {
  readonly repoUrl?: string;
  readonly alignTables?: boolean;
}

// Functions of `ir.specs` alone: the docs and site emitters of one emit pass share them.
const pagesOf = perIr((ir) => createDocsPages(ir));
const backlinksOf = perIr((ir) => createBacklinkIndex(ir));

/**
 * Builds the {@link DocsContext} of one emit run; its page paths and backlinks are built once per
 * IR, whatever the labels and options.
 */
export function createDocsContext(
  ir: Ir,
  label: Labeler,
  options: DocsContextOptions = {},
): DocsContext {
  const models = modelsByName(ir);
  const enums = enumsByName(ir);
  const repoUrl = options.repoUrl?.replace(/\/+$/, '');
  return {
    ir,
    label,
    pages: pagesOf(ir, ''),
    backlinks: backlinksOf(ir, ''),
    model(name) {
      const model = models.get(name);
      if (!model) throw new Error(`docs: the IR has no schema model ${name}`);
      return model;
    },
    enumDef: (name) => enums.get(name),
    table: options.alignTables === false ? unalignedTable : table,
    fileText(spec) {
      const code = inlineCode(spec.source.file);
      if (repoUrl === undefined) return code;
      return `[${code}](${repoUrl}/${encodeURI(spec.source.file)}#L${spec.source.line})`;
    },
  };
}
