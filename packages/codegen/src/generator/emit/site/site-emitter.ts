import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir, Spec } from '../../ir/ir-schema.js';
import { createDocsContext, type DocsContext } from '../docs-context.js';
import { domainIndexView } from '../docs-index-pages.js';
import {
  catalogPath,
  checkCatalogsComplete,
  createLabeler,
  loadLabelCatalog,
  type LabelCatalog,
} from '../docs-labels.js';
import type { DocsPageView } from '../docs-markdown.js';
import { finishPage } from '../docs-page-plan.js';
import { titleOf } from '../docs-spec-parts.js';
import { specPagePlan } from '../docs-spec-page.js';
import type { Emitter } from '../emitter.js';
import { domainsOf, specsOfDomain } from '../naming.js';
import { openApiDocument } from '../openapi-emitter.js';
import type { OutputFile } from '../output-file.js';
import { renderTemplate } from '../render-template.js';
import { apiPageBlocks } from './site-api-page.js';
import { siteAssets } from './site-assets.js';
import { eventsPageBlocks, homePageBlocks, modelsPageBlocks } from './site-index-pages.js';
import { blocksToHtml, pageViewToHtml, type SiteBlock } from './site-markdown.js';
import { domainOrder, navData, specBreadcrumbs, specPager, type LinkView } from './site-nav.js';
import { DEFAULT_SITE_LOCALES, type SiteOptions } from './site-options.js';
import { hrefFrom, sitePathOfDocsPage, type SitePath } from './site-paths.js';
import { renderSiteTemplate } from './site-render.js';
import { searchDocuments, searchIndexScript } from './site-search.js';
import { siteSpecExtras } from './site-spec-extras.js';

/** The docs page template's Markdown of a view, without the prettier-only comments. */
function pageMarkdown(view: DocsPageView): string {
  return renderTemplate('docs/page.md.hbs', view).replace(/^<!-- prettier-ignore -->\n/gm, '');
}

interface Locale {
  readonly code: string;
  readonly ctx: DocsContext;
}

/** What one page needs beyond its content. */
interface PageInput {
  readonly path: SitePath;
  readonly title: string;
  readonly description?: string;
  readonly html: string;
  readonly breadcrumbs?: readonly LinkView[];
  readonly pager?: { previous: LinkView | null; next: LinkView | null };
  readonly scripts?: readonly string[];
}

function labelsOf(ctx: DocsContext) {
  const keys = {
    skip: 'site.skip.label',
    menu: 'site.menu.label',
    search: 'site.search.label',
    searchPlaceholder: 'site.searchPlaceholder.label',
    language: 'site.language.label',
    theme: 'site.theme.label',
    nav: 'site.nav.label',
    home: 'site.home.label',
    events: 'site.events.label',
    models: 'site.models.label',
    api: 'site.api.label',
    noScript: 'site.noScript.label',
    breadcrumbs: 'site.breadcrumbs.label',
    pager: 'site.pager.label',
    previous: 'site.previous.label',
    next: 'site.next.label',
  };
  return Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, ctx.label(key)]));
}

/**
 * The site emitter. For a validated IR it writes, under `<out>/site/` (the folder is `options.out`):
 * - `index.html`, which sends the reader to the default locale, and `404.html`;
 * - per locale `<locale>/`: `index.html` (domains), `<domain>/index.html`, a page per spec of every
 *   kind (`<domain>/<key>.html`, the docs pages' `field.*.label` layout with the File line, the
 *   links back, examples and JSON Schemas, the highlighted source), `models.html` (every schema
 *   model and where it is used), `events.html` (the event catalog), `api.html` (the API reference
 *   from the OpenAPI document) and `search.html`;
 * - `assets/`: CSS, scripts, MiniSearch's browser bundle, per locale the sidebar data
 *   (`nav.<locale>.js`) and the prebuilt search index (`search-index.<locale>.js`);
 * - `openapi.json`, the document the API reference is read from.
 * Every link is relative; no page loads anything from the network. Labels come from the catalogs
 * `templates/labels/<locale>.json`; every configured catalog must hold every key of the English one.
 * @throws Error naming the key and the catalog when a label is missing, or when a locale has no catalog.
 */
export function createSiteEmitter(options: SiteOptions = {}): Emitter {
  const folder = options.out ?? 'site';
  const localeCodes = options.locales ?? DEFAULT_SITE_LOCALES;
  return {
    name: 'site',
    emit(ir: Ir): OutputFile[] {
      const catalogs: [string, string, LabelCatalog][] = localeCodes.map((code) => [
        code,
        options.catalogs ? `catalog ${code}` : catalogPath(code),
        options.catalogs?.[code] ?? loadLabelCatalog(code),
      ]);
      const reference = options.catalogs?.['en'] ?? loadLabelCatalog('en');
      checkCatalogsComplete(
        [options.catalogs ? 'catalog en' : catalogPath('en'), reference],
        catalogs.map(([, name, catalog]) => [name, catalog] as const),
      );
      const locales: Locale[] = catalogs.map(([code, name, catalog]) => ({
        code,
        ctx: createDocsContext(ir, createLabeler(catalog, name), {
          ...(options.repoUrl !== undefined ? { repoUrl: options.repoUrl } : {}),
        }),
      }));
      const document = openApiDocument(ir, options.openapi);
      const schemas = (document['components'] as { schemas: Record<string, unknown> }).schemas;
      const files: OutputFile[] = [...siteAssets()];
      files.push({ path: 'openapi.json', contents: JSON.stringify(document, null, 2) + '\n' });
      for (const locale of locales) {
        files.push(...localeFiles(ir, locale, locales, document, schemas, options.title));
      }
      const first = locales[0]!;
      const others = locales.map((locale) => ({
        href: `${locale.code}/index.html`,
        code: locale.code,
        name: locale.ctx.label('site.locale.label'),
      }));
      const title = options.title ?? first.ctx.label('index.title.label');
      files.push({
        path: 'index.html',
        contents: renderSiteTemplate('redirect.html.hbs', {
          lang: first.code,
          target: `${first.code}/index.html`,
          title,
          text: '',
          locales: others,
        }),
      });
      files.push({
        path: '404.html',
        contents: renderSiteTemplate('redirect.html.hbs', {
          lang: first.code,
          target: '',
          title: first.ctx.label('site.notFound.label'),
          text: first.ctx.label('site.notFoundText.label'),
          locales: others,
        }),
      });
      return files
        .map((file) => ({ ...file, path: `${folder}/${file.path}` }))
        .sort((a, b) => compareCodeUnits(a.path, b.path));
    },
  };
}

function localeFiles(
  ir: Ir,
  locale: Locale,
  locales: readonly Locale[],
  document: Record<string, unknown>,
  schemas: Readonly<Record<string, unknown>>,
  siteTitle: string | undefined,
): OutputFile[] {
  const { code, ctx } = locale;
  const title = siteTitle ?? ctx.label('index.title.label');
  const labels = labelsOf(ctx);
  const render = (page: PageInput): OutputFile => {
    const inLocale = page.path.slice(code.length + 1);
    const depth = inLocale.split('/').length - 1;
    const root = '../'.repeat(depth);
    return {
      path: page.path,
      contents: renderSiteTemplate('page.html.hbs', {
        lang: code,
        root,
        assets: `${root}../assets/`,
        pageInLocale: inLocale,
        title: page.title,
        description: page.description ?? '',
        siteTitle: title,
        labels,
        locales:
          locales.length > 1
            ? locales.map((other) => ({
                code: other.code,
                name: other.ctx.label('site.locale.label'),
                current: other.code === code,
                href: hrefFrom(page.path, `${other.code}/${inLocale}`),
              }))
            : [],
        breadcrumbs: page.breadcrumbs ?? [],
        pager: page.pager ?? null,
        content: page.html,
        scripts: page.scripts ?? [],
      }),
    };
  };
  const files: OutputFile[] = [];
  const domains = domainsOf(ir);
  const home = `${code}/index.html`;
  const crumb = (path: SitePath, from: SitePath, text: string): LinkView => ({
    href: hrefFrom(from, path),
    text,
  });
  files.push(
    render({
      path: home,
      title,
      html: blocksToHtml(
        homePageBlocks(
          ctx,
          domains.map((domain) => ({ domain, count: specsOfDomain(ir, domain).length })),
        ),
      ),
    }),
  );
  for (const domain of domains) {
    const path = `${code}/${domain}/index.html`;
    files.push(
      render({
        path,
        title: domain,
        html: pageViewToHtml(domainIndexView(ctx, domain), pageMarkdown),
        breadcrumbs: [crumb(home, path, ctx.label('site.home.label')), crumb(path, path, domain)],
      }),
    );
  }
  const order = domainOrder(ctx);
  for (const spec of ir.specs) {
    const path = sitePathOfDocsPage(code, ctx.pages.pathOf(spec));
    const view = finishPage(specPagePlan(ctx, spec, siteSpecExtras(ctx, spec, schemas)));
    files.push(
      render({
        path,
        title: titleOf(spec),
        ...(spec.meta.description ? { description: spec.meta.description } : {}),
        html: pageViewToHtml(view, pageMarkdown),
        breadcrumbs: specBreadcrumbs(ctx, code, path, spec),
        pager: specPager(ctx, code, path, order.get(spec)!),
      }),
    );
  }
  const catalog = (name: string, headingKey: string, blocks: SiteBlock[], scripts?: string[]) => {
    const path = `${code}/${name}`;
    files.push(
      render({
        path,
        title: ctx.label(headingKey),
        html: blocksToHtml(blocks),
        breadcrumbs: [
          crumb(home, path, ctx.label('site.home.label')),
          crumb(path, path, ctx.label(headingKey)),
        ],
        ...(scripts ? { scripts } : {}),
      }),
    );
  };
  catalog('models.html', 'site.models.label', modelsPageBlocks(ctx, code));
  catalog('events.html', 'site.events.label', eventsPageBlocks(ctx, code));
  const specPath = (key: string, version: string) => {
    const spec: Spec | undefined = ctx.pages.find(key, version);
    return spec
      ? sitePathOfDocsPage(code, ctx.pages.pathOf(spec)).slice(code.length + 1)
      : undefined;
  };
  catalog('api.html', 'site.api.label', apiPageBlocks(ctx, document, specPath));
  const searchPath = `${code}/search.html`;
  files.push(
    render({
      path: searchPath,
      title: ctx.label('site.search.label'),
      html: renderSiteTemplate('search.html.hbs', {
        heading: ctx.label('site.search.label'),
        hint: ctx.label('site.searchHint.label'),
        label: ctx.label('site.search.label'),
        placeholder: ctx.label('site.searchPlaceholder.label'),
        none: ctx.label('site.searchNoResults.label'),
        results: ctx.label('site.searchResults.label'),
      }),
      breadcrumbs: [
        crumb(home, searchPath, ctx.label('site.home.label')),
        crumb(searchPath, searchPath, ctx.label('site.search.label')),
      ],
      scripts: [
        '../assets/minisearch.js',
        `../assets/search-index.${code}.js`,
        '../assets/search.js',
      ],
    }),
  );
  files.push({
    path: `assets/nav.${code}.js`,
    contents: `window.contractsNav = ${JSON.stringify(navData(ctx, code))};\n`,
  });
  files.push({
    path: `assets/search-index.${code}.js`,
    contents: searchIndexScript(searchDocuments(ctx, code)),
  });
  return files;
}
