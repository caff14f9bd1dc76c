import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocsContext } from '../../packages/codegen/src/generator/emit/docs-context.js';
import { domainIndexView } from '../../packages/codegen/src/generator/emit/docs-index-pages.js';
import {
  createLabeler,
  loadLabelCatalog,
} from '../../packages/codegen/src/generator/emit/docs-labels.js';
import type { DocsPageView } from '../../packages/codegen/src/generator/emit/docs-markdown.js';
import { finishPage } from '../../packages/codegen/src/generator/emit/docs-page-plan.js';
import { specPagePlan } from '../../packages/codegen/src/generator/emit/docs-spec-page.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { renderTemplate } from '../../packages/codegen/src/generator/emit/render-template.js';
import { exampleOfModel } from '../../packages/codegen/src/generator/emit/site/example-values.js';
import {
  catalogParts,
  partTitle,
} from '../../packages/codegen/src/generator/emit/site/site-catalog-parts.js';
import { domainIndexBlocks } from '../../packages/codegen/src/generator/emit/site/site-domain-index.js';
import {
  createSiteEmitter,
  resetSiteMemos,
} from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import {
  blocksToHtml,
  markdownToHtml,
  pageViewToHtml,
} from '../../packages/codegen/src/generator/emit/site/site-markdown.js';
import {
  siteMemoEntries,
  SweptMemo,
} from '../../packages/codegen/src/generator/emit/site/site-memo.js';
import {
  pageLayout,
  type PageInput,
} from '../../packages/codegen/src/generator/emit/site/site-page-layout.js';
import { hrefFrom } from '../../packages/codegen/src/generator/emit/site/site-paths.js';
import { renderSiteTemplate } from '../../packages/codegen/src/generator/emit/site/site-render.js';
import {
  siteSpecExtras,
  specExtras,
} from '../../packages/codegen/src/generator/emit/site/site-spec-extras.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { MUTATIONS } from './ir-mutations.js';
import { shippedIr, wideIr } from './site-fixture.js';

const ir = shippedIr();

/** A first emit: every memo of the site dropped before. */
function freshEmit(input: Ir, options: Parameters<typeof createSiteEmitter>[0] = {}): OutputFile[] {
  resetSiteMemos();
  return createSiteEmitter(options).emit(input);
}

const paths = (files: readonly OutputFile[]) => files.map((file) => file.path);

describe('site emitter', () => {
  it('emits the same bytes twice (determinism)', () => {
    const a = freshEmit(ir);
    const b = freshEmit(ir);
    expect(b).toStrictEqual(a);
    expect(paths(a)).toContain('site/fr/harness/harness.run.start.html');
    expect(paths(a)).toContain('site/assets/search-index-1.js');
    expect(paths(a)).toContain('site/fr/api-harness.html');
    expect(paths(a)).toContain('site/fr/models-harness.html');
  });

  it('keeps nothing after a one-shot emit (no watch session in the process)', () => {
    const a = freshEmit(ir);
    expect(siteMemoEntries()).toBe(0);
    const b = createSiteEmitter().emit(ir);
    expect(siteMemoEntries()).toBe(0);
    expect(b).toStrictEqual(a);
    expect(b.some((file, at) => file === a[at])).toBe(false);
  });

  it('fails with the key and the catalog when a locale lacks a label', () => {
    const en = loadLabelCatalog('en');
    const { ['section.goal.label']: _dropped, ...fr } = loadLabelCatalog('fr');
    const emitter = createSiteEmitter({ locales: ['en', 'fr'], catalogs: { en, fr } });
    expect(() => emitter.emit(ir)).toThrow(
      'label catalog catalog fr has no key "section.goal.label" (catalog en has it)',
    );
  });

  it('names the shipped catalog file in the diagnostic', () => {
    const { ['field.key.label']: _dropped, ...en } = loadLabelCatalog('en');
    const emitter = createSiteEmitter({ locales: ['en'], catalogs: { en } });
    expect(() => emitter.emit(ir)).toThrow('has no key');
  });

  it('ships en and fr with the same keys', () => {
    expect(Object.keys(loadLabelCatalog('fr')).sort()).toStrictEqual(
      Object.keys(loadLabelCatalog('en')).sort(),
    );
  });

  it('links the File line to repoUrl when given', () => {
    const files = createSiteEmitter({
      locales: ['en'],
      repoUrl: 'https://example.com/repo/blob/main/',
    }).emit(ir);
    const page = files.find((file) => file.path === 'site/en/harness/harness.run.start.html')!;
    expect(page.contents).toContain(
      'href="https://example.com/repo/blob/main/specs/harness/commands/harnessRunStart.command.ts#L',
    );
  });

  it('puts links back from an event to the operation that emits it', () => {
    const files = createSiteEmitter({ locales: ['en'] }).emit(ir);
    const page = files.find((file) => file.path === 'site/en/harness/harness.run.started.html')!;
    expect(page.contents).toContain('<h2 id="emitted-by">Emitted by</h2>');
    expect(page.contents).toContain('<a href="./harness.run.start.html">harness.run.start</a>');
  });

  it('shows search hits by kind label and loads every shard', () => {
    const files = createSiteEmitter({ locales: ['fr'] }).emit(ir);
    const search = files.find((file) => file.path === 'site/fr/search.html')!.contents;
    expect(search).toContain('data-kinds="{&quot;operation&quot;:&quot;opération&quot;');
    expect(search).toContain(
      '<script src="../assets/minisearch.js"></script>\n<script src="../assets/search-index-1.js"></script>\n<script src="../assets/search-shards.js"></script>\n<script src="../assets/search.js"></script>',
    );
    const shard = files.find((file) => file.path === 'site/assets/search-index-1.js')!.contents;
    expect(
      shard.startsWith(
        '(window.contractsSearchShards = window.contractsSearchShards || []).push({',
      ),
    ).toBe(true);
    expect(shard).toContain('"kind":"operation","path":"harness/harness.run.start.html"');
  });
});

describe('site in parts', () => {
  const wide = wideIr(250);
  const files = freshEmit(wide, { locales: ['en'] });
  const file = (path: string) => files.find((entry) => entry.path === `site/en/${path}`)!.contents;

  it('splits the API reference per domain, 100 operations a page', () => {
    expect(paths(files).filter((path) => /^site\/en\/api[.-]/.test(path))).toStrictEqual([
      'site/en/api-agent.html',
      'site/en/api-events.html',
      'site/en/api-harness.html',
      'site/en/api-wide-1.html',
      'site/en/api-wide-2.html',
      'site/en/api-wide-3.html',
      'site/en/api.html',
    ]);
    expect(file('api-wide-3.html').match(/<h2 id="post-wideop\d+runv100">/g)).toHaveLength(50);
    expect(file('api-wide-2.html')).toContain(
      '<h1 id="api-reference--wide-23">API reference · wide (2/3)</h1>',
    );
  });

  it('splits the models per domain, 200 models a page, and links across parts', () => {
    expect(paths(files).filter((path) => /^site\/en\/models[.-]/.test(path))).toStrictEqual([
      'site/en/models-agent.html',
      'site/en/models-harness.html',
      'site/en/models-wide-1.html',
      'site/en/models-wide-2.html',
      'site/en/models.html',
    ]);
    expect(file('models-wide-2.html').match(/<h2 id="wideinput\d+">/g)).toHaveLength(50);
    // The API reference links each input model to its section on its own part.
    expect(file('api-wide-3.html')).toContain(
      '<a href="./models-wide-2.html#wideinput0249">WideInput0249</a>',
    );
    expect(file('models.html')).toContain(
      '<li><a href="./models-wide-1.html#wideinput0000">WideInput0000</a></li>',
    );
  });

  it('lists every operation in the overview, linked to its section', () => {
    const overview = file('api.html');
    expect(overview.match(/href="\.\/api-wide-\d\.html#post-wideop\d+runv100"/g)).toHaveLength(250);
    expect(overview).toContain(
      '<a href="./api-wide-2.html#post-wideop0100runv100"><code>POST /wide/op0100/run/v1.0.0</code></a>',
    );
  });

  it('pages through the parts and keeps every page small', () => {
    expect(file('api-wide-2.html')).toContain(
      '<a class="pager-previous" rel="prev" href="api-wide-1.html"><span>Previous</span> API reference · wide (1/3)</a><a class="pager-next" rel="next" href="api-wide-3.html"><span>Next</span> API reference · wide (3/3)</a>',
    );
    const largest = Math.max(
      ...files
        .filter((entry) => entry.path.endsWith('.html'))
        .map((entry) => entry.contents.length),
    );
    expect(largest).toBeLessThan(400_000);
  });

  it('shards the search index, 100 pages a shard', () => {
    expect(paths(files).filter((path) => path.includes('search-index'))).toStrictEqual([
      'site/assets/search-index-1.js',
      'site/assets/search-index-2.js',
      'site/assets/search-index-3.js',
    ]);
    expect(file('search.html')).toContain(
      '<script src="../assets/search-index-2.js"></script>\n<script src="../assets/search-index-3.js"></script>',
    );
  });

  it('names parts apart when a group name looks like another group part', () => {
    const parts = catalogParts(
      'api',
      [
        ['bench', Array.from({ length: 150 }, (_, at) => at)],
        ['bench-2', [0]],
      ],
      100,
    );
    expect(
      parts.map((part) => [part.file, part.index, part.count, part.entries.length]),
    ).toStrictEqual([
      ['api-bench-1.html', 1, 2, 100],
      ['api-bench-2.html', 2, 2, 50],
      ['api-bench-2_.html', 1, 1, 1],
    ]);
    expect(partTitle('Models', parts[1]!)).toBe('Models · bench (2/2)');
    expect(partTitle('Models', parts[2]!)).toBe('Models · bench-2');
  });
});

describe('the swept memo', () => {
  it('keeps what the latest emit used and drops the rest at its sweep', () => {
    const memo = new SweptMemo<string>();
    memo.set('a', 'A');
    memo.set('b', 'B');
    memo.sweep();
    expect(memo.size).toBe(2);
    expect(memo.get('a')).toBe('A');
    memo.sweep();
    expect(memo.size).toBe(1);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')).toBe('A');
  });

  it('empties itself past its limit', () => {
    const memo = new SweptMemo<number>(2);
    memo.set('a', 1);
    memo.set('b', 2);
    memo.set('c', 3);
    expect(memo.size).toBe(1);
    expect(memo.get('c')).toBe(3);
  });
});

describe('site page layout', () => {
  const [en, fr] = ['en', 'fr'].map((code) => ({
    code,
    ctx: createDocsContext(ir, createLabeler(loadLabelCatalog(code), code)),
  }));
  const PAGES: PageInput[] = [
    { path: 'en/index.html', html: '<p>raw & kept</p>' },
    { path: 'en/events.html', title: 'Home <&>', html: '<p>raw & kept</p>' },
    {
      path: 'en/harness/x.html',
      title: 'A "quoted" `title` = \'x\'',
      description: 'Described <here>',
      html: '<h1>x</h1>',
      breadcrumbs: [
        { href: '../index.html', text: 'Home' },
        { href: 'x.html', text: 'x & y' },
      ],
      pager: { previous: null, next: { href: 'y.html', text: 'Next <y>' } },
    },
    {
      path: 'en/search.html',
      title: 'Search',
      html: '',
      pager: { previous: { href: 'a.html', text: 'A' }, next: null },
      scripts: ['../assets/a.js', '../assets/b&c.js'],
    },
  ];

  it.each(PAGES.map((page) => [page.path, page] as const))(
    'gives the bytes handlebars gives %s',
    (_path, page) => {
      const layout = pageLayout(en!, [en!, fr!], 'Site "title"');
      // Twice: the second page of a shape fills the layout compiled for the first.
      const again = page.title
        ? { ...page, title: `${page.title} again` }
        : { ...page, html: `${page.html} again` };
      for (const input of [page, again]) {
        const labels = Object.fromEntries(
          ['skip', 'menu', 'search', 'searchPlaceholder', 'language', 'theme', 'nav', 'home']
            .concat(['events', 'models', 'api', 'noScript', 'breadcrumbs', 'pager', 'previous'])
            .concat(['next'])
            .map((name) => [name, en!.ctx.label(`site.${name}.label`)]),
        );
        const inLocale = input.path.slice(3);
        const root = '../'.repeat(inLocale.split('/').length - 1);
        expect(layout(input)).toBe(
          renderSiteTemplate('page.html.hbs', {
            lang: 'en',
            root,
            assets: `${root}../assets/`,
            pageInLocale: inLocale,
            title: input.title ?? '',
            description: input.description ?? '',
            siteTitle: 'Site "title"',
            labels,
            locales: [en!, fr!].map((other) => ({
              code: other.code,
              name: other.ctx.label('site.locale.label'),
              current: other.code === 'en',
              href: hrefFrom(input.path, `${other.code}/${inLocale}`),
            })),
            breadcrumbs: input.breadcrumbs ?? [],
            pager: input.pager ?? null,
            content: input.html,
            scripts: input.scripts ?? [],
          }),
        );
      }
    },
  );
});

describe('site helpers', () => {
  it('hrefFrom makes relative links', () => {
    expect(hrefFrom('en/harness/a.html', 'en/index.html')).toBe('../index.html');
    expect(hrefFrom('en/harness/a.html', 'fr/harness/a.html#x')).toBe('../../fr/harness/a.html#x');
    expect(hrefFrom('en/index.html', 'en/index.html')).toBe('index.html');
    expect(hrefFrom('en/a/b.html', 'en/a/k@1.0.0.html')).toBe('k@1.0.0.html');
  });

  it('hrefFrom gives the links posix.relative gives, encoded, for every pair of paths', () => {
    const segments = ['en', 'fr', 'harness', 'harn', 'a.html', 'k@1.0.0.html', 'a b.html', 'é'];
    const odd = ['.', '..', ''];
    const paths = [...segments, ...odd].flatMap((a) =>
      [a, ...segments.flatMap((b) => [`${a}/${b}`, `${a}/${b}/a.html`])].filter(Boolean),
    );
    const reference = (from: string, to: string) => {
      const [path, hash] = to.split('#') as [string, string | undefined];
      const relative = posix.relative(posix.dirname(from), path) || posix.basename(path);
      const encoded = relative
        .split('/')
        .map((s) => (s === '..' ? s : encodeURIComponent(s).replace(/%40/g, '@')))
        .join('/');
      return hash === undefined ? encoded : `${encoded}#${hash}`;
    };
    let compared = 0;
    for (const from of paths) {
      for (const to of paths) {
        expect(hrefFrom(from, to), `${from} -> ${to}`).toBe(reference(from, to));
        compared++;
      }
      expect(hrefFrom(from, 'en/a.html#x y')).toBe(reference(from, 'en/a.html#x y'));
    }
    expect(compared).toBe(paths.length ** 2);
  });

  it('examples use one fixed value per scalar', () => {
    const model = ir.models.find((m) =>
      m.fields.some((f) => f.type.type === 'scalar' && f.type.name === 'DateTime'),
    )!;
    const field = model.fields.find((f) => f.type.type === 'scalar' && f.type.name === 'DateTime')!;
    const value = exampleOfModel(ir, model.name) as Record<string, unknown>;
    expect(value[field.name]).toStrictEqual(
      field.array ? ['2026-01-31T12:00:00Z'] : '2026-01-31T12:00:00Z',
    );
  });
});

/** Every file under `dir`, paths relative to it with `/`, in code-unit order. */
function treeFiles(dir: string, prefix = ''): { path: string; contents: string }[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      return entry.isDirectory()
        ? treeFiles(dir, path)
        : [{ path, contents: readFileSync(join(dir, path), 'utf8') }];
    })
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const treeHash = (files: readonly { path: string; contents: string }[]) => {
  const hash = createHash('sha256');
  for (const file of files) hash.update(`${file.path}\u0000${file.contents}\u0000`);
  return hash.digest('hex');
};

describe('site output is pinned', () => {
  it('emits the committed generated site byte for byte (shipped specs, en and fr)', () => {
    const committed = treeFiles(join(PROJECT_ROOT, 'packages/runtime/src/generated/site'));
    const emitted = freshEmit(ir).map((file) => ({
      path: file.path.slice('site/'.length),
      contents: file.contents,
    }));
    expect(emitted.map((file) => file.path)).toStrictEqual(committed.map((file) => file.path));
    const differing = emitted.find((file, at) => file.contents !== committed[at]!.contents);
    expect(differing?.path).toBeUndefined();
    expect(treeHash(emitted)).toBe(treeHash(committed));
  });
});

/** The docs page template's Markdown, as the site reads it (prettier-only comments dropped). */
const templateMarkdown = (view: DocsPageView) =>
  renderTemplate('docs/page.md.hbs', view).replace(/^<!-- prettier-ignore -->\n/gm, '');

describe('site pages render as markdown-it renders their Markdown', () => {
  const wide = wideIr(120);

  it.each(['en', 'fr'])('every shipped and wide spec page, in %s', (locale) => {
    for (const input of [ir, wide]) {
      const label = createLabeler(loadLabelCatalog(locale), locale);
      const ctx = createDocsContext(input, label);
      // The site's tables are not padded: markdown-it trims cells, so the HTML is the same.
      const siteCtx = createDocsContext(input, label, { alignTables: false });
      for (const spec of input.specs) {
        const extras = specExtras(input, spec);
        const view = finishPage(specPagePlan(ctx, spec, siteSpecExtras(ctx, extras)));
        const siteView = finishPage(specPagePlan(siteCtx, spec, siteSpecExtras(siteCtx, extras)));
        const html = markdownToHtml(templateMarkdown(view));
        expect(pageViewToHtml(view, templateMarkdown)).toBe(html);
        expect(markdownToHtml(templateMarkdown(siteView))).toBe(html);
        expect(pageViewToHtml(siteView, templateMarkdown)).toBe(html);
      }
    }
  });

  it('every domain index, as the docs view of it renders', () => {
    for (const input of [ir, wide]) {
      const ctx = createDocsContext(input, createLabeler(loadLabelCatalog('en'), 'en'));
      for (const domain of ['agent', 'harness', ...(input === wide ? ['wide'] : [])]) {
        const docsHtml = pageViewToHtml(domainIndexView(ctx, domain), templateMarkdown);
        expect(blocksToHtml(domainIndexBlocks(ctx, domain))).toBe(docsHtml);
        expect(docsHtml).toBe(markdownToHtml(templateMarkdown(domainIndexView(ctx, domain))));
      }
    }
  });
});
