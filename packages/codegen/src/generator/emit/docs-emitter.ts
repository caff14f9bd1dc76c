import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir, Spec } from '../ir/ir-schema.js';
import { createDocsContext, type DocsContext } from './docs-context.js';
import { keepsEmitMemos } from './emit-memo.js';
import { frontmatterText, type Frontmatter } from './docs-frontmatter.js';
import { domainIndexView, rootIndexView } from './docs-index-pages.js';
import { catalogPath, createLabeler, loadLabelCatalog, type LabelCatalog } from './docs-labels.js';
import type { DocsPageView } from './docs-markdown.js';
import { DocsPageMemo } from './docs-page-memo.js';
import { sidebarKey, sidebarOrder, starlightSidebar, vitepressSidebar } from './docs-sidebars.js';
import { titleOf } from './docs-spec-parts.js';
import { specPageView } from './docs-spec-page.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';
import { domainsOf } from './naming.js';
import { renderTemplate } from './render-template.js';

const PAGE_TEMPLATE = 'docs/page.md.hbs';

/**
 * Renders one page: frontmatter, then the template; the template's last section leaves a blank
 * line, a file ends with one newline.
 */
function renderPage(front: Frontmatter, view: DocsPageView): string {
  return frontmatterText(front) + '\n' + renderTemplate(PAGE_TEMPLATE, view).trimEnd() + '\n';
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n';

/**
 * The docs emitter. For a validated IR it writes, relative to the output folder:
 * - `docs/<domain>/<key>.md` for every spec of every kind (`<key>@<version>.md` when the IR holds a
 *   key in several versions), domain from `domainOf`;
 * - `docs/<domain>/index.md` per domain, one table per kind;
 * - `docs/index.md` listing the domains;
 * - `docs/sidebar.json` (VitePress `themeConfig.sidebar`) and `docs/sidebar.starlight.json`
 *   (Starlight `sidebar`), so an existing docs site adds the pages in one step.
 * Every page starts with YAML frontmatter (`title` = the spec's title, `description`,
 * `sidebar.order`); spec pages link back to their domain index and the root index and carry the
 * File line. Pages render through `templates/docs/page.md.hbs` from view models resolved in code;
 * every fixed text comes from the label catalog. Tags show each tag once, in first-seen order. Links
 * are relative (`./k.md`, `../domain/k.md`, `#anchor` with GitHub's slug rules) and point only at
 * emitted pages and sections. Files come out sorted by path.
 * `options.labels` replaces the catalog of `options.locale` (read lazily, on the first `emit`).
 * A spec page whose inputs are the same objects as in the previous `emit` of this emitter is not
 * printed again (docs-page-memo.ts).
 * @throws Error when a label key is missing from the catalog or the IR names a model it lacks.
 */
export function createDocsEmitter(options: DocsOptions = {}): Emitter {
  let catalog = options.labels;
  const folder = options.out ?? 'docs';
  const locale = options.locale ?? 'en';
  const base = options.base ?? '/';
  const memo = new DocsPageMemo();
  // Watch mode: the sidebar files last printed, by the sidebar key of their IR.
  let lastSidebars: { key: string; files: OutputFile[] } | undefined;
  const sidebarFiles = (ctx: DocsContext): OutputFile[] => {
    const key = keepsEmitMemos() ? sidebarKey(ctx) : undefined;
    if (key !== undefined && lastSidebars?.key === key) return lastSidebars.files;
    const files = [
      { path: 'docs/sidebar.json', contents: json(vitepressSidebar(ctx, base)) },
      { path: 'docs/sidebar.starlight.json', contents: json(starlightSidebar(ctx, base)) },
    ];
    lastSidebars = key === undefined ? undefined : { key, files };
    return files;
  };
  return {
    name: 'docs',
    emit(ir: Ir): OutputFile[] {
      catalog ??= loadLabelCatalog(locale);
      const name = options.labels ? 'label catalog' : catalogPath(locale);
      const ctx = createDocsContext(ir, createLabeler(catalog, name), {
        ...(options.repoUrl !== undefined ? { repoUrl: options.repoUrl } : {}),
      });
      const order = sidebarOrder(ir);
      const shared = memo.begin(ir);
      const specPage = (spec: Spec, path: string) =>
        memo.page(ctx, spec, path, order.get(spec)!, shared, (pageCtx) =>
          renderPage(
            {
              title: titleOf(spec),
              ...(spec.meta.description ? { description: spec.meta.description } : {}),
              order: order.get(spec)!,
            },
            specPageView(pageCtx, spec),
          ),
        );
      const files: OutputFile[] = [
        {
          path: 'docs/index.md',
          contents: renderPage(
            { title: ctx.label('index.title.label'), order: 0 },
            rootIndexView(ctx),
          ),
        },
        ...domainsOf(ir).map((domain) => ({
          path: `docs/${domain}/index.md`,
          contents: renderPage({ title: domain, order: 0 }, domainIndexView(ctx, domain)),
        })),
        ...ir.specs.map((spec) => {
          const path = ctx.pages.pathOf(spec);
          return { path, contents: specPage(spec, path) };
        }),
        ...sidebarFiles(ctx),
      ];
      memo.keepOnly(new Set(files.map((file) => file.path)));
      return files
        .map((file) => ({ ...file, path: folder + file.path.slice('docs'.length) }))
        .sort((a, b) => compareCodeUnits(a.path, b.path));
    },
  };
}

/**
 * Options of the docs surface: `out`, the pages' folder inside the output folder (default
 * `docs`); `locale`, the label catalog `templates/labels/<locale>.json` (default `en`);
 * `base`, the URL path the pages are mounted at in a docs site, prefixed to the sidebar files'
 * links (default `/`); `repoUrl`, the URL prefix of the source files the File line links to;
 * `labels`, a catalog given directly (tests).
 */
export interface DocsOptions {
  readonly out?: string;
  readonly locale?: string;
  readonly base?: string;
  readonly repoUrl?: string;
  readonly labels?: LabelCatalog;
}

/** The docs emitter with the English catalog `templates/labels/en.json` (registered in all-emitters). */
export const docsEmitter: Emitter = createDocsEmitter();
