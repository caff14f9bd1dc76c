import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocsContext } from '../../packages/codegen/src/generator/emit/docs-context.js';
import {
  createLabeler,
  loadLabelCatalog,
} from '../../packages/codegen/src/generator/emit/docs-labels.js';
import {
  codeBlock,
  table,
  type DocsPageView,
  type DocsTable,
} from '../../packages/codegen/src/generator/emit/docs-markdown.js';
import { finishPage } from '../../packages/codegen/src/generator/emit/docs-page-plan.js';
import { specPagePlan } from '../../packages/codegen/src/generator/emit/docs-spec-page.js';
import { openApiDocument } from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { renderTemplate } from '../../packages/codegen/src/generator/emit/render-template.js';
import { exampleOfModel } from '../../packages/codegen/src/generator/emit/site/example-values.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import {
  blocksMarkdown,
  blocksToHtml,
  markdownToHtml,
  pageViewToHtml,
  tableBlock,
  type SiteBlock,
} from '../../packages/codegen/src/generator/emit/site/site-markdown.js';
import { siteSpecExtras } from '../../packages/codegen/src/generator/emit/site/site-spec-extras.js';
import { hrefFrom } from '../../packages/codegen/src/generator/emit/site/site-paths.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';

const ir = buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });

describe('site emitter', () => {
  it('emits the same bytes twice (determinism)', () => {
    const a = createSiteEmitter().emit(ir);
    const b = createSiteEmitter().emit(ir);
    expect(b).toStrictEqual(a);
    expect(a.map((file) => file.path)).toContain('site/fr/harness/harness.run.start.html');
    expect(a.map((file) => file.path)).toContain('site/assets/search-index.fr.js');
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
});

describe('site helpers', () => {
  it('hrefFrom makes relative links', () => {
    expect(hrefFrom('en/harness/a.html', 'en/index.html')).toBe('../index.html');
    expect(hrefFrom('en/harness/a.html', 'fr/harness/a.html#x')).toBe('../../fr/harness/a.html#x');
    expect(hrefFrom('en/index.html', 'en/index.html')).toBe('index.html');
    expect(hrefFrom('en/a/b.html', 'en/a/k@1.0.0.html')).toBe('k@1.0.0.html');
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
    const emitted = createSiteEmitter()
      .emit(ir)
      .map((file) => ({ path: file.path.slice('site/'.length), contents: file.contents }));
    expect(emitted.map((file) => file.path)).toStrictEqual(committed.map((file) => file.path));
    const differing = emitted.find((file, at) => file.contents !== committed[at]!.contents);
    expect(differing?.path).toBeUndefined();
    expect(treeHash(emitted)).toBe(treeHash(committed));
  });
});

/** The docs page template's Markdown, as the site reads it (prettier-only comments dropped). */
const templateMarkdown = (view: DocsPageView) =>
  renderTemplate('docs/page.md.hbs', view).replace(/^<!-- prettier-ignore -->\n/gm, '');

const rawTable = (
  header: string[],
  delimiters: string[],
  rows: string[][],
): { table: DocsTable } => ({ table: { header, delimiters, rows } });

/** Tables and fences the direct renderer takes, and ones it must leave to markdown-it. */
const EDGE_BLOCKS: SiteBlock[] = [
  '# Edge cases',
  'A paragraph with [a reference][ref] and a [link](./other.md#part).',
  '[ref]: ./target.md',
  tableBlock(
    ['Name', 'Type | pipe', 'Notes'],
    [
      ['plain', 'Int_unsecure', 'a < b & "c"'],
      ['`code | span`', '[Model](#model)', '*stress* and _under_ and ~~gone~~'],
      ['[back][ref]', '[doc](./x.md)', '&amp; &copy; <https://example.com/>'],
      ['trailing \\', 'ends with backslash\\', ''],
      ['short row'],
      ['one', 'two', 'three', 'four dropped'],
    ],
  ),
  rawTable(['Left', 'Centre', 'Right'], [':---', ':---:', '---:'], [['l', 'c', 'r']]),
  rawTable(['No rows'], ['---'], []),
  rawTable(['Bad delimiter'], ['x--'], [['kept as paragraph']]),
  rawTable(['Two', 'headers'], ['---'], [['a', 'b']]),
  rawTable(['Line'], ['---'], [['a\nbreak']]),
  { code: codeBlock('json', '{\n  "a": [1, true, null]\n}') },
  { code: codeBlock('ts', 'const s = `x ${"```"} y`;\n\n') },
  { code: codeBlock('', 'plain <text> & more') },
  { code: codeBlock('json', '') },
  { code: { fence: '~~~', lang: 'ts', text: 'let a = 1; // ~~~ inside' } },
  { code: { fence: '```', lang: 'json extra', text: '{}' } },
  '- a list item\n- another',
  tableBlock(['After', 'List'], [['x', 'y']]),
];

describe('site direct tables and fences', () => {
  it('give the bytes markdown-it gives the whole Markdown', () => {
    expect(blocksToHtml(EDGE_BLOCKS)).toBe(markdownToHtml(blocksMarkdown(EDGE_BLOCKS)));
  });

  it('fall back to markdown-it when a paragraph opens a fence that swallows the rest', () => {
    const blocks: SiteBlock[] = ['```', tableBlock(['A'], [['1']]), { code: codeBlock('ts', 'x') }];
    const html = blocksToHtml(blocks);
    expect(html).toBe(markdownToHtml(blocksMarkdown(blocks)));
    expect(html).not.toContain('<table>');
  });

  it('fall back to markdown-it when a fence would close inside its text', () => {
    const blocks: SiteBlock[] = [
      { code: { fence: '```', lang: 'ts', text: 'a\n```\nb' } },
      tableBlock(['A'], [['1']]),
    ];
    expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
  });

  it('fall back to markdown-it when the text already holds a hole mark', () => {
    const blocks: SiteBlock[] = ['\u00010\u0001', tableBlock(['A'], [['1']])];
    expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
  });

  it('render every shipped spec page as markdown-it renders the template Markdown', () => {
    const ctx = createDocsContext(ir, createLabeler(loadLabelCatalog('en'), 'catalog en'));
    const schemas = (openApiDocument(ir)['components'] as { schemas: Record<string, unknown> })
      .schemas;
    for (const spec of ir.specs) {
      const view = finishPage(specPagePlan(ctx, spec, siteSpecExtras(ctx, spec, schemas)));
      expect(pageViewToHtml(view, templateMarkdown)).toBe(markdownToHtml(templateMarkdown(view)));
    }
  });

  it('keep section order when a table is left to markdown-it and a fence follows it', () => {
    const view: DocsPageView = {
      sections: [
        {
          hashes: '##',
          heading: 'Mixed',
          paragraphs: ['Text before.'],
          table: { header: ['Bad'], delimiters: ['x'], rows: [['cell']] },
          code: codeBlock('ts', 'const a = 1;\n<!-- prettier-ignore -->\nconst b = 2;'),
        },
        {
          hashes: '##',
          heading: 'Mixed',
          paragraphs: [],
          table: table(['A', 'B'], [['`x`', '[y](./y.md)']]),
          code: codeBlock('json', '{}'),
        },
      ],
    };
    expect(pageViewToHtml(view, templateMarkdown)).toBe(markdownToHtml(templateMarkdown(view)));
  });
});
