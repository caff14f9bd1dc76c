import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir, Spec } from '../../ir/ir-schema.js';
import { oncePerObject } from '../../ir/once-per-object.js';
import type { Backlinks } from '../docs-backlinks.js';
import { createDocsContext } from '../docs-context.js';
import { KIND_SECTIONS } from '../docs-index-pages.js';
import {
  catalogPath,
  checkCatalogsComplete,
  createLabeler,
  loadLabelCatalog,
  type LabelCatalog,
} from '../docs-labels.js';
import { codeBlock, type DocsCode, type DocsPageView } from '../docs-markdown.js';
import { finishPage } from '../docs-page-plan.js';
import { kindLabelKey, titleOf } from '../docs-spec-parts.js';
import { sourceCode, specPagePlan } from '../docs-spec-page.js';
import { keepsEmitMemos } from '../emit-memo.js';
import type { Emitter } from '../emitter.js';
import { domainsOf, specsOfDomain } from '../naming.js';
import type { OutputFile } from '../output-file.js';
import { renderTemplate } from '../render-template.js';
import {
  apiAnchors,
  apiOperationBlocks,
  apiOverviewBlocks,
  apiPartTitle,
  type ApiOperation,
} from './site-api-page.js';
import { siteAssets } from './site-assets.js';
import { SiteBuildQueue, type Prepared } from './site-build-queue.js';
import { partTitle, type CatalogPart } from './site-catalog-parts.js';
import { domainIndexBlocks } from './site-domain-index.js';
import { digest, fingerprintIr, type IrFingerprint } from './site-fingerprint.js';
import {
  eventsPageBlocks,
  homePageBlocks,
  modelHref,
  modelPlacement,
  modelsOverviewBlocks,
  modelsPartBlocks,
  type ModelPlacement,
} from './site-index-pages.js';
import { blocksToHtml, headingToHtml, pageViewToHtml, type SiteBlock } from './site-markdown.js';
import { clearSiteMemos, sweepSiteMemos } from './site-memo.js';
import { domainOrder, navData, specBreadcrumbs, specPager, type LinkView } from './site-nav.js';
import { KeptKeys } from './site-kept-keys.js';
import { siteApi } from './site-openapi.js';
import { DEFAULT_SITE_LOCALES, type SiteOptions } from './site-options.js';
import { pageLayout, type PageInput, type SiteLocale } from './site-page-layout.js';
import { hrefFrom, pathInLocale, sitePathOfDocsPage, type SitePath } from './site-paths.js';
import { renderSiteTemplate } from './site-render.js';
import { SEARCH_SHARD_SIZE, searchDocument, searchShardScript } from './site-search.js';
import { siteSpecExtras, specExtras, type SpecExtra } from './site-spec-extras.js';

/** The docs page template's Markdown of a view, without the prettier-only comments. */
function pageMarkdown(view: DocsPageView): string {
  return renderTemplate('docs/page.md.hbs', view).replace(/^<!-- prettier-ignore -->\n/gm, '');
}

/** The latest emit's output, by the key of its whole input, for an emit of an unchanged IR. */
let latest: { readonly key: string; readonly files: readonly OutputFile[] } | undefined;

const catalogIds = new WeakMap<object, number>();
let nextCatalogId = 0;

/**
 * What identifies a catalog's texts: its JSON for a shipped catalog (read afresh each emit), the
 * object itself for a catalog given in the options (a test's, maybe read through a proxy that
 * records the keys used, which a JSON walk would all mark).
 */
function catalogDigest(catalog: LabelCatalog, given: boolean): string {
  if (!given) return JSON.stringify(catalog);
  let id = catalogIds.get(catalog);
  if (id === undefined) {
    id = nextCatalogId++;
    catalogIds.set(catalog, id);
  }
  return `given catalog ${id}`;
}

/**
 * What a spec's page and search entry are built from besides the IR's shared parts, once per spec
 * object and shared digest (a watch session keeps the objects of unchanged specs): its site-only
 * sections (examples and schemas) and the key of its page.
 */
interface SpecFacts {
  readonly shared: string;
  readonly extras: readonly SpecExtra[];
  readonly key: string;
}

const factsOfSpec = new WeakMap<Spec, SpecFacts>();

/** The spec page memo keys, kept per {@link SpecFacts} while the slot and the backlinks are. */
const specPageKeys = new KeptKeys<SpecFacts>();

/** The API operation section memo keys, kept per operation object. */
const apiOperationKeys = new KeptKeys<object>();

let latestPlacement: { readonly shared: string; readonly placement: ModelPlacement } | undefined;

/** {@link modelPlacement}, kept while the IR's shared parts (models, the directory) are the same. */
function placementOf(ir: Ir, shared: string): ModelPlacement {
  if (latestPlacement?.shared !== shared) {
    latestPlacement = { shared, placement: modelPlacement(ir) };
  }
  return latestPlacement.placement;
}

/** Forgets every memoized page, highlight and rendering: the next emit is a first one (benchmarks). */
export function resetSiteMemos(): void {
  clearSiteMemos();
  latest = undefined;
  latestPlacement = undefined;
}

/**
 * What identifies a watch-mode emit's texts: `fingerprint`, the IR's digests; `shared`, the digest
 * of the options and catalogs with the IR's shared parts; `slot`, a short name of `shared` that
 * starts every memo key (thousands per emit, each hashed: 88 characters of digest less in each);
 * `whole`, the key of the whole output.
 */
interface EmitKeys {
  readonly fingerprint: IrFingerprint;
  readonly shared: string;
  readonly slot: string;
  readonly whole: string;
}

/**
 * The latest `shared` digest and its slot. A memo keeps only what the latest emit used
 * (site-memo.ts), so a digest needs its name only while it stays the latest; a new digest gets a
 * new name, and no name is ever given twice.
 */
let latestSlot: { readonly shared: string; readonly slot: string } | undefined;
let slotsGiven = 0;

function slotOf(shared: string): string {
  if (latestSlot?.shared !== shared) latestSlot = { shared, slot: `s${slotsGiven++}` };
  return latestSlot.slot;
}

/**
 * The site emitter. For a validated IR it writes, under `<out>/site/` (the folder is `options.out`):
 * - `index.html`, which sends the reader to the default locale, and `404.html`;
 * - per locale `<locale>/`: `index.html` (domains), `<domain>/index.html`, a page per spec of every
 *   kind (`<domain>/<key>.html`, the docs pages' `field.*.label` layout with the File line, the
 *   links back, examples and JSON Schemas, the highlighted source), `events.html` (the event
 *   catalog), `models.html` (every model, linked to its section) and the models in parts of at
 *   most 200 (`models-<domain>[-<n>].html`: fields and where each model is used), `api.html` (the
 *   API reference's overview, from the OpenAPI document) and the operations in parts of at most
 *   100 (`api-<domain>[-<n>].html`), and `search.html`;
 * - `assets/`: CSS, scripts, MiniSearch's browser bundle, per locale the sidebar data
 *   (`nav.<locale>.js`), and the prebuilt search index in shards of 100 pages
 *   (`search-index-<n>.js`, one set for every locale);
 * - `openapi.json`, the document the API reference is read from.
 * Every link is relative; no page loads anything from the network. Labels come from the catalogs
 * `templates/labels/<locale>.json`; every configured catalog must hold every key of the English one.
 * Emits in one process (watch mode) build again only the texts whose inputs changed, and give the
 * bytes a first emit gives; a one-shot emit (no watch session in the process: `keepsEmitMemos()`
 * false) digests nothing and keeps nothing once it returns.
 * @throws Error naming the key and the catalog when a label is missing, or when a locale has no catalog.
 */
export function createSiteEmitter(options: SiteOptions = {}): Emitter {
  return {
    name: 'site',
    emit: (ir) => emitSite(ir, options),
    emitEach: (ir, take) => {
      if (keepsEmitMemos()) for (const file of emitSite(ir, options)) take(file);
      else emitSite(ir, options, take);
    },
  };
}

/**
 * The site's files, sorted by path; with `take` (a one-shot emit only: no memo keeps the texts
 * either), each page goes to `take` as soon as it is rendered and the rest at the end, and nothing
 * is returned.
 */
function emitSite(ir: Ir, options: SiteOptions, take?: (file: OutputFile) => void): OutputFile[] {
  const folder = options.out ?? 'site';
  const localeCodes = options.locales ?? DEFAULT_SITE_LOCALES;
  const given = options.catalogs !== undefined;
  const catalogs: [string, string, LabelCatalog][] = localeCodes.map((code) => [
    code,
    given ? `catalog ${code}` : catalogPath(code),
    options.catalogs?.[code] ?? loadLabelCatalog(code),
  ]);
  const reference = options.catalogs?.['en'] ?? loadLabelCatalog('en');
  checkCatalogsComplete(
    [given ? 'catalog en' : catalogPath('en'), reference],
    catalogs.map(([, name, catalog]) => [name, catalog] as const),
  );
  // A one-shot emit (no watch session in the process) makes no key and keeps nothing after it.
  const memoize = keepsEmitMemos();
  let keys: EmitKeys | undefined;
  if (memoize) {
    const fingerprint = fingerprintIr(ir);
    const site = digest(
      JSON.stringify([folder, localeCodes, options.title ?? null, options.repoUrl ?? null]),
      JSON.stringify(options.openapi ?? {}),
      ...catalogs.map(([, , catalog]) => catalogDigest(catalog, given)),
    );
    const shared = `${site} ${fingerprint.shared}`;
    keys = { fingerprint, shared, slot: slotOf(shared), whole: `${site} ${fingerprint.whole}` };
    if (latest?.key === keys.whole) return [...latest.files];
  } else {
    latest = undefined;
    latestPlacement = undefined;
  }
  /** The memo keys of this emit; only a memoizing queue asks for them. */
  const memo = (): EmitKeys => keys!;
  const specKey = (spec: Spec) => memo().fingerprint.specs.get(spec)!;

  const first = createDocsContext(ir, createLabeler(catalogs[0]![2], catalogs[0]![1]), {
    ...(options.repoUrl !== undefined ? { repoUrl: options.repoUrl } : {}),
    alignTables: false,
  });
  const locales: SiteLocale[] = catalogs.map(([code, name, catalog], at) => ({
    code,
    ctx: at === 0 ? first : { ...first, label: createLabeler(catalog, name) },
  }));
  const api = siteApi(ir, options.openapi);
  const queue = new SiteBuildQueue(memoize);
  const out: { path: string; contents: () => string }[] = siteAssets().map((asset) => ({
    path: asset.path,
    contents: () => asset.contents,
  }));
  const file = (path: string, key: () => string, prepare: () => Prepared) => {
    if (take) queue.text(key, prepare, (contents) => take({ path: `${folder}/${path}`, contents }));
    else out.push({ path, contents: queue.text(key, prepare) });
  };
  const fixed = (path: string, contents: string) => out.push({ path, contents: () => contents });

  const extrasOfEmit = new Map<Spec, readonly SpecExtra[]>();
  const facts = (spec: Spec): SpecFacts => {
    const shared = memo().shared;
    const known = factsOfSpec.get(spec);
    if (known?.shared === shared) return known;
    const extras = specExtras(ir, spec);
    const made: SpecFacts = {
      shared,
      extras,
      key: digest(
        specKey(spec),
        ...extras.map((extra) => (extra.level === 3 ? extra.json : extra.headingKey)),
      ),
    };
    factsOfSpec.set(spec, made);
    return made;
  };
  /** The site-only sections of a spec's page, made once per emit (every locale shows them). */
  const extrasOf = (spec: Spec): readonly SpecExtra[] => {
    if (memoize) return facts(spec).extras;
    let extras = extrasOfEmit.get(spec);
    if (extras === undefined) {
      extras = specExtras(ir, spec);
      extrasOfEmit.set(spec, extras);
    }
    return extras;
  };
  const placement = memoize ? placementOf(ir, memo().shared) : modelPlacement(ir);
  const order = domainOrder(first);
  const domains = domainsOf(ir);
  const apiOperationKey = (code: string, entry: ApiOperation, anchor: string): string => {
    const { slot } = memo();
    const source = entrySource(entry);
    return apiOperationKeys.of(
      entry.operation,
      code,
      [slot, source, anchor],
      () => `${slot} ${code} api operation ${source} ${anchor}`,
    );
  };
  const specPageKey = (code: string, spec: Spec): string => {
    const { slot } = memo();
    const made = facts(spec);
    const backlinks = first.backlinks.of(spec);
    return specPageKeys.of(
      made,
      code,
      [slot, backlinks],
      () => `${slot} ${code} spec ${made.key} ${linkRefsJson(backlinks)}`,
    );
  };

  /** What an API reference operation is built from: its contract spec, or its own JSON. */
  const entrySources = new Map<ApiOperation, string>();
  const entrySource = (entry: ApiOperation): string => {
    let source = entrySources.get(entry);
    if (source === undefined) {
      const spec = entry.contract && first.pages.find(entry.contract.key, entry.contract.version);
      source = `${entry.heading} ${spec ? specKey(spec) : api.entryKey(entry)}`;
      entrySources.set(entry, source);
    }
    return source;
  };

  const shardCount = Math.max(1, Math.ceil(ir.specs.length / SEARCH_SHARD_SIZE));
  for (let shard = 0; shard < shardCount; shard++) {
    const specs = ir.specs.slice(shard * SEARCH_SHARD_SIZE, (shard + 1) * SEARCH_SHARD_SIZE);
    const start = shard * SEARCH_SHARD_SIZE;
    file(
      `assets/search-index-${shard + 1}.js`,
      () => `${memo().slot} search ${start} ${specs.map(specKey).join(' ')}`,
      () => ({
        render: () =>
          searchShardScript(specs.map((spec, at) => searchDocument(first, spec, start + at))),
      }),
    );
  }

  for (const locale of locales) {
    const { code, ctx } = locale;
    const siteTitle = options.title ?? ctx.label('index.title.label');
    const layout = pageLayout(locale, locales, siteTitle);
    const home = `${code}/index.html`;
    /**
     * A page of this locale under its whole memo key: its code blocks listed when queued, its
     * content made when rendered.
     */
    const keyedPage = (
      path: SitePath,
      wholeKey: () => string,
      input: () => Omit<PageInput, 'path' | 'html'>,
      content: { codes?: () => Iterable<DocsCode>; html: () => string },
    ) =>
      file(path, wholeKey, () => ({
        ...(content.codes ? { codes: content.codes() } : {}),
        render: () => layout({ ...input(), path, html: content.html() }),
      }));
    /** {@link keyedPage} under `key` in this emit's slot and locale. */
    const page = (
      path: SitePath,
      key: () => string,
      input: () => Omit<PageInput, 'path' | 'html'>,
      content: { codes?: () => Iterable<DocsCode>; html: () => string },
    ) => keyedPage(path, () => `${memo().slot} ${code} ${key()}`, input, content);
    /** A page of blocks that hold no code block. */
    const blocksPage = (
      path: SitePath,
      key: () => string,
      input: () => Omit<PageInput, 'path' | 'html'>,
      blocks: () => SiteBlock[],
    ) => page(path, key, input, { html: () => blocksToHtml(blocks()) });
    const crumb = (path: SitePath, from: SitePath, text: string): LinkView => ({
      href: hrefFrom(from, path),
      text,
    });
    const crumbs = (path: SitePath, ...trail: (readonly [SitePath, string])[]) => [
      crumb(home, path, ctx.label('site.home.label')),
      ...trail.map(([to, text]) => crumb(to, path, text)),
    ];

    blocksPage(
      home,
      () => 'home',
      () => ({}),
      () =>
        homePageBlocks(
          ctx,
          domains.map((domain) => ({ domain, count: specsOfDomain(ir, domain).length })),
        ),
    );
    for (const domain of domains) {
      const path = `${code}/${domain}/index.html`;
      blocksPage(
        path,
        () => {
          const descriptions = specsOfDomain(ir, domain).map(
            (spec) => spec.meta.description ?? null,
          );
          return `domain ${digest(domain, JSON.stringify(descriptions))}`;
        },
        () => ({ title: domain, breadcrumbs: crumbs(path, [path, domain]) }),
        () => domainIndexBlocks(ctx, domain),
      );
    }
    for (const spec of ir.specs) {
      const path = sitePathOfDocsPage(code, ctx.pages.pathOf(spec));
      keyedPage(
        path,
        () => specPageKey(code, spec),
        () => ({
          title: titleOf(spec),
          ...(spec.meta.description ? { description: spec.meta.description } : {}),
          breadcrumbs: specBreadcrumbs(ctx, code, path, spec),
          pager: specPager(ctx, code, path, order.get(spec)!),
        }),
        {
          codes: () => specPageCodes(spec, extrasOf(spec)),
          html: () => {
            const plan = specPagePlan(ctx, spec, siteSpecExtras(ctx, extrasOf(spec)));
            return pageViewToHtml(finishPage(plan), pageMarkdown);
          },
        },
      );
    }

    const eventsPath = `${code}/events.html`;
    blocksPage(
      eventsPath,
      () => {
        const events = ir.specs.filter((spec) => spec.kind === 'event');
        return `events ${digest(
          ...events.map(specKey),
          ...events.map((spec) => linkRefsJson(ctx.backlinks.of(spec))),
        )}`;
      },
      () => ({
        title: ctx.label('site.events.label'),
        breadcrumbs: crumbs(eventsPath, [eventsPath, ctx.label('site.events.label')]),
      }),
      () => eventsPageBlocks(ctx, code),
    );

    const modelsPath = `${code}/models.html`;
    const modelsLabel = ctx.label('site.models.label');
    blocksPage(
      modelsPath,
      () => 'models',
      () => ({ title: modelsLabel, breadcrumbs: crumbs(modelsPath, [modelsPath, modelsLabel]) }),
      () => modelsOverviewBlocks(ctx, placement),
    );
    placement.parts.forEach((part, at) => {
      const path = `${code}/${part.file}`;
      const title = partTitle(modelsLabel, part);
      blocksPage(
        path,
        () => `models part ${part.file}`,
        () => ({
          title,
          breadcrumbs: crumbs(path, [modelsPath, modelsLabel], [path, title]),
          pager: partPager(path, code, placement.parts, at, (other) =>
            partTitle(modelsLabel, other),
          ),
        }),
        () => modelsPartBlocks(ctx, code, placement, part),
      );
    });

    const apiPath = `${code}/api.html`;
    const apiLabel = ctx.label('site.api.label');
    const parts = api.parts();
    const titles = parts.map((part) => apiPartTitle(ctx, part));
    const anchors = parts.map((part, at) => apiAnchors(titles[at]!, part));
    const links = {
      specPath: (key: string, version: string) => {
        const spec = ctx.pages.find(key, version);
        return spec ? pathInLocale(ctx.pages.pathOf(spec)) : undefined;
      },
      modelHref: (name: string) => modelHref(placement, name),
    };
    blocksPage(
      apiPath,
      () => `api ${api.overviewKey} ${digest(JSON.stringify(anchors))}`,
      () => ({ title: apiLabel, breadcrumbs: crumbs(apiPath, [apiPath, apiLabel]) }),
      () => apiOverviewBlocks(ctx, api.document(), parts, (part) => anchors[parts.indexOf(part)]!),
    );
    parts.forEach((part, at) => {
      const path = `${code}/${part.file}`;
      const title = titles[at]!;
      const sections = part.entries.map((entry, i) => {
        const key = () => apiOperationKey(code, entry, anchors[at]![i]!);
        return {
          key,
          html: queue.text(key, () => {
            const blocks = apiOperationBlocks(ctx, entry, links);
            return {
              codes: codesOfBlocks(blocks),
              render: () =>
                headingToHtml(2, entry.heading, anchors[at]![i]!) + blocksToHtml(blocks),
            };
          }),
        };
      });
      file(
        path,
        () => `${memo().slot} ${code} api part ${digest(title, ...sections.map((s) => s.key()))}`,
        () => ({
          render: () =>
            layout({
              path,
              title,
              breadcrumbs: crumbs(path, [apiPath, apiLabel], [path, title]),
              pager: partPager(path, code, parts, at, (other) => titles[parts.indexOf(other)]!),
              html:
                blocksToHtml([`# ${title}`]) + sections.map((section) => section.html()).join(''),
            }),
        }),
      );
    });

    const searchPath = `${code}/search.html`;
    page(
      searchPath,
      () => `search ${shardCount}`,
      () => ({
        title: ctx.label('site.search.label'),
        breadcrumbs: crumbs(searchPath, [searchPath, ctx.label('site.search.label')]),
        scripts: [
          '../assets/minisearch.js',
          ...Array.from({ length: shardCount }, (_, at) => `../assets/search-index-${at + 1}.js`),
          '../assets/search-shards.js',
          '../assets/search.js',
        ],
      }),
      {
        html: () =>
          renderSiteTemplate('search.html.hbs', {
            heading: ctx.label('site.search.label'),
            hint: ctx.label('site.searchHint.label'),
            label: ctx.label('site.search.label'),
            placeholder: ctx.label('site.searchPlaceholder.label'),
            none: ctx.label('site.searchNoResults.label'),
            results: ctx.label('site.searchResults.label'),
            kinds: JSON.stringify(
              Object.fromEntries(
                KIND_SECTIONS.map(([kind]) => [kind, ctx.label(kindLabelKey(kind))]),
              ),
            ),
          }),
      },
    );
    file(
      `assets/nav.${code}.js`,
      () => `${memo().slot} ${code} nav`,
      () => ({
        render: () => `window.contractsNav = ${JSON.stringify(navData(ctx, code))};\n`,
      }),
    );
  }

  const others = locales.map((locale) => ({
    href: `${locale.code}/index.html`,
    code: locale.code,
    name: locale.ctx.label('site.locale.label'),
  }));
  const lang = locales[0]!.code;
  fixed(
    'index.html',
    renderSiteTemplate('redirect.html.hbs', {
      lang,
      target: `${lang}/index.html`,
      title: options.title ?? first.label('index.title.label'),
      text: '',
      locales: others,
    }),
  );
  fixed(
    '404.html',
    renderSiteTemplate('redirect.html.hbs', {
      lang,
      target: '',
      title: first.label('site.notFound.label'),
      text: first.label('site.notFoundText.label'),
      locales: others,
    }),
  );

  queue.finish();
  if (memoize) sweepSiteMemos();
  else clearSiteMemos();
  // The document's file is the openapi surface's own (in a watch session, the same parts).
  const openApiFile = api.file(`${folder}/openapi.json`);
  if (take) {
    for (const entry of out) take({ path: `${folder}/${entry.path}`, contents: entry.contents() });
    take(openApiFile);
    return [];
  }
  const emitted = [
    ...out.map((entry) => ({ path: `${folder}/${entry.path}`, contents: entry.contents() })),
    openApiFile,
  ].sort((a, b) => compareCodeUnits(a.path, b.path));
  if (memoize) latest = { key: keys!.whole, files: emitted };
  return memoize ? [...emitted] : emitted;
}

/**
 * The code blocks of a spec's page, in page order: the site-only sections' JSON, then Source
 * Definition (the texts its plan gives them, highlighted before the page renders).
 */
function specPageCodes(spec: Spec, extras: readonly SpecExtra[]): DocsCode[] {
  return [
    ...extras.flatMap((extra) => (extra.level === 3 ? [codeBlock('json', extra.json)] : [])),
    sourceCode(spec),
  ];
}

/** The references of a spec's backlinks, without their source locations (no page shows those). */
function linkRefs(links: Backlinks): string[][][] {
  return Object.values(links).map((list: Backlinks[keyof Backlinks]) =>
    list.map((ref) => [ref.key, ref.version]),
  );
}

/**
 * The JSON of {@link linkRefs}, once per backlinks object (a watch rebuild keeps the objects of
 * unchanged backlinks).
 */
const linkRefsJson = oncePerObject((links: Backlinks): string => JSON.stringify(linkRefs(links)));

/** The code blocks of a page's blocks, to highlight with every other page's. */
function codesOfBlocks(blocks: readonly SiteBlock[]): DocsCode[] {
  return blocks.flatMap((block) =>
    typeof block !== 'string' && 'code' in block ? [block.code] : [],
  );
}

/** Previous and next part of a catalog, across its groups; null at either end. */
function partPager<T>(
  path: SitePath,
  code: string,
  parts: readonly CatalogPart<T>[],
  at: number,
  titleOf: (part: CatalogPart<T>) => string,
): { previous: LinkView | null; next: LinkView | null } {
  const link = (part: CatalogPart<T> | undefined): LinkView | null =>
    part ? { href: hrefFrom(path, `${code}/${part.file}`), text: titleOf(part) } : null;
  return { previous: link(parts[at - 1]), next: link(parts[at + 1]) };
}
