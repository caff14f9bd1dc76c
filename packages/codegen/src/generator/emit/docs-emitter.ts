import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir } from '../ir/ir-schema.js';
import { createDocsContext } from './docs-context.js';
import { domainIndexView, rootIndexView } from './docs-index-pages.js';
import { createLabeler, loadLabelCatalog, type LabelCatalog } from './docs-labels.js';
import { specPageView } from './docs-spec-page.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';
import { domainsOf } from './naming.js';
import { renderTemplate } from './render-template.js';

const PAGE_TEMPLATE = 'docs/page.md.hbs';

/** Renders one page; the template's last section leaves a blank line, a file ends with one newline. */
function renderPage(view: object): string {
  return renderTemplate(PAGE_TEMPLATE, view).trimEnd() + '\n';
}

/**
 * The docs emitter. For a validated IR it writes, relative to the output folder:
 * - `docs/<domain>/<key>.md` for every spec of every kind (`<key>@<version>.md` when the IR holds a
 *   key in several versions), domain from `domainOf`;
 * - `docs/<domain>/index.md` per domain, one table per kind;
 * - `docs/index.md` listing the domains.
 * Pages render through `templates/docs/page.md.hbs` from view models resolved in code; every fixed
 * text comes from the label catalog. Tags show each tag once, in first-seen order (the source may
 * repeat one, e.g. `evaluation` on harness.evaluation.run). Links are relative (`./k.md`,
 * `../domain/k.md`, `#anchor` with GitHub's slug rules) and point only at emitted pages and sections.
 * Files come out sorted by path; contents are unformatted markdown (generator/format.ts formats them).
 * `options.labels` replaces the English catalog (read lazily, on the first `emit`).
 * @throws Error when a label key is missing from the catalog or the IR names a model it lacks.
 */
export function createDocsEmitter(options: DocsOptions = {}): Emitter {
  let catalog = options.labels;
  const folder = options.out ?? 'docs';
  return {
    name: 'docs',
    emit(ir: Ir): OutputFile[] {
      catalog ??= loadLabelCatalog(options.locale ?? 'en');
      const ctx = createDocsContext(ir, createLabeler(catalog));
      const files: OutputFile[] = [
        { path: 'docs/index.md', contents: renderPage(rootIndexView(ctx)) },
        ...domainsOf(ir).map((domain) => ({
          path: `docs/${domain}/index.md`,
          contents: renderPage(domainIndexView(ctx, domain)),
        })),
        ...ir.specs.map((spec) => ({
          path: ctx.pages.pathOf(spec),
          contents: renderPage(specPageView(ctx, spec)),
        })),
      ];
      return files
        .map((file) => ({ ...file, path: folder + file.path.slice('docs'.length) }))
        .sort((a, b) => compareCodeUnits(a.path, b.path));
    },
  };
}

/**
 * Options of the docs surface: `out`, the pages' folder inside the output folder (default
 * `docs`); `locale`, the label catalog `templates/labels/<locale>.json` (default `en`);
 * `labels`, a catalog given directly (tests).
 */
export interface DocsOptions {
  readonly out?: string;
  readonly locale?: string;
  readonly labels?: LabelCatalog;
}

/** The docs emitter with the English catalog `templates/labels/en.json` (registered in all-emitters). */
export const docsEmitter: Emitter = createDocsEmitter();
