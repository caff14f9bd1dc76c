import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  escapeCells,
  table,
  unalignedTableOfEscaped,
  type DocsPageView,
  type DocsTable,
} from '../../packages/codegen/src/generator/emit/docs-markdown.js';
import { body, finishPage } from '../../packages/codegen/src/generator/emit/docs-page-plan.js';
import { renderTemplate } from '../../packages/codegen/src/generator/emit/render-template.js';
import {
  directTable,
  wrappedTableHtml,
} from '../../packages/codegen/src/generator/emit/site/site-direct-blocks.js';
import {
  blocksMarkdown,
  blocksToDirectHtml,
  blocksToHtml,
  directInline,
  markdownToHtml,
  pageViewToHtml,
  tableBlock,
  type SiteBlock,
} from '../../packages/codegen/src/generator/emit/site/site-markdown.js';

/** The docs page template's Markdown, as the site reads it (prettier-only comments dropped). */
const templateMarkdown = (view: DocsPageView) =>
  renderTemplate('docs/page.md.hbs', view).replace(/^<!-- prettier-ignore -->\n/gm, '');

const rawTable = (
  header: string[],
  delimiters: string[],
  rows: string[][],
): { table: DocsTable } => ({ table: { header, delimiters, rows } });

/** Tables and fences the direct renderer takes, and ones it must leave to markdown-it. */
const TABLES_AND_FENCES: SiteBlock[] = [
  '# Edge cases',
  tableBlock(
    ['Name', 'Type | pipe', 'Notes'],
    [
      ['plain', 'Int_unsecure', 'a < b & "c"'],
      ['`code | span`', '[Model](#model)', '*stress* and _under_ and ~~gone~~'],
      ['[back](./x.md)', '[doc](./x.md#part)', '&amp; &copy; <https://example.com/>'],
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
  tableBlock(['After', 'List'], [['x', 'y']]),
];

/** Paragraphs and headings of every shape the direct renderer knows or refuses. */
const PARAGRAPHS: string[] = [
  'A plain paragraph with a [link](./other.md#part) and a [page](../up/page.md).',
  '**Type:** operation (command)',
  '**File:** `specs/harness/commands/harnessRunStart.command.ts`',
  '[All domains](../index.md) · [harness](./index.md)',
  '[`POST /harness/run/start/v1.0.0`](./api-harness.html#post-harnessrunstartv100)',
  'SCENARIO_OR_SUITE_REQUIRED and snake_case_words stay text',
  'Café **très** bien, `code` et [lien](./page.md)',
  '- **Type:** operation (command)\n- **Version:** 1.0.0\n- **Tags:** a, b',
  'First block.\n\nSecond block with `code`.\n\n- a list\n- of items',
  'Line one\nline two of one paragraph',
  'x**y** is not strong here',
  '**  spaced** is not strong either',
  '**a**b neither',
  'trailing_',
  '_emphasis_ and *more*',
  '`` double backticks ``',
  '`a``b`',
  'text with \\* an escape',
  '&amp; an entity',
  '<https://example.com> an autolink',
  '[javascript](javascript:void) refused by validateLink',
  '[host](http://例え.jp/path) is normalized',
  '[parens](./a(b).md)',
  '[empty]()',
  'a stray ] bracket',
  '1.0.0 is not a list',
  '1. an ordered list',
  '***',
  '> a quote',
  'trailing spaces  ',
  '#not a heading',
  'Tabs\tinside',
  '\u00010\u0001 control characters',
];

/** Pages the direct renderer must leave to markdown-it whole, each for one reason. */
const WHOLE_PAGE: SiteBlock[][] = [
  ['# Title', 'A [reference][ref] link.', '[ref]: ./target.md'],
  ['# Title', 'Setext\n---', 'after'],
  ['# Title', '    indented code'],
  ['# Title', 'Text\n\n```\nunclosed fence'],
  ['# Title', '- a\n- b', '- c joins the list'],
  ['# Title', 'Intro\n\n## A heading inside', 'after'],
  ['## Heading ##', 'closing hashes'],
  ['# Title', '- a\n\n  continued item'],
  ['# Title', 'a NUL \u0000 character'],
];

describe('site direct rendering', () => {
  it('gives the bytes markdown-it gives tables and fences', () => {
    expect(blocksToHtml(TABLES_AND_FENCES)).toBe(markdownToHtml(blocksMarkdown(TABLES_AND_FENCES)));
  });

  it.each(PARAGRAPHS)('gives the bytes markdown-it gives %j', (text) => {
    const blocks: SiteBlock[] = ['# Title', text, '## After'];
    expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
  });

  it('renders the blocks of every paragraph shape without markdown-it’s block parser', () => {
    const direct = PARAGRAPHS.filter((text) => blocksToDirectHtml(['# T', text]) !== null);
    expect(direct).toStrictEqual(PARAGRAPHS);
    // The bad delimiter row, the header of another width and the line break in a cell.
    expect(blocksToDirectHtml(TABLES_AND_FENCES)).toBeNull();
    expect(blocksToDirectHtml(TABLES_AND_FENCES.slice(0, 4))).not.toBeNull();
  });

  it('gives the bytes markdown-it gives every paragraph on one page', () => {
    const blocks: SiteBlock[] = ['# All', ...PARAGRAPHS.flatMap((text) => [text, '## Next'])];
    expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
  });

  it.each(WHOLE_PAGE.map((blocks) => [blocks.slice(1).join(' | '), blocks] as const))(
    'leaves the page to markdown-it: %s',
    (_name, blocks) => {
      expect(blocksToDirectHtml(blocks)).toBeNull();
      expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
    },
  );

  it('renders the inline texts it knows without markdown-it, and refuses the others', () => {
    expect(directInline('**Type:** `x` · [a](./b.md#c)')).toBe(
      '<strong>Type:</strong> <code>x</code> · <a href="./b.html#c">a</a>',
    );
    expect(directInline('NOT_FOUND')).toBe('NOT_FOUND');
    expect(directInline('_emphasis_')).toBeNull();
    expect(directInline('x**y**')).toBeNull();
    expect(directInline('[a](javascript:void)')).toBeNull();
  });

  it('falls back to markdown-it when a paragraph opens a fence that swallows the rest', () => {
    const blocks: SiteBlock[] = ['```', tableBlock(['A'], [['1']]), { code: codeBlock('ts', 'x') }];
    const html = blocksToHtml(blocks);
    expect(html).toBe(markdownToHtml(blocksMarkdown(blocks)));
    expect(html).not.toContain('<table>');
  });

  it('falls back to markdown-it when a fence would close inside its text', () => {
    const blocks: SiteBlock[] = [
      { code: { fence: '```', lang: 'ts', text: 'a\n```\nb' } },
      tableBlock(['A'], [['1']]),
    ];
    expect(blocksToHtml(blocks)).toBe(markdownToHtml(blocksMarkdown(blocks)));
  });

  it('heads a planned page with the anchors its plan placed, as markdown-it slugs them', () => {
    const section = (heading: string) => ({
      level: 2 as const,
      heading,
      body: () => body({ paragraphs: [`About ${heading}.`] }),
    });
    const view = finishPage(['Input', 'Input', 'input', 'Input 1', 'Café'].map(section));
    expect(view.sections.map((one) => one.anchor)).toStrictEqual([
      'input',
      'input-1',
      'input-2',
      'input-1-1',
      'café',
    ]);
    const html = pageViewToHtml(view, templateMarkdown);
    expect(html).toBe(markdownToHtml(templateMarkdown(view)));
    expect(html).toContain('<h2 id="input-1-1">Input 1</h2>');
  });

  it('renders page views as markdown-it renders the template, fallbacks in order', () => {
    const view: DocsPageView = {
      sections: [
        {
          hashes: '##',
          heading: 'Mixed',
          paragraphs: ['Text before.', '- a list\n- of two'],
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
    const direct: DocsPageView = { sections: [{ ...view.sections[1]!, heading: 'Only' }] };
    expect(pageViewToHtml(direct, templateMarkdown)).toBe(markdownToHtml(templateMarkdown(direct)));
  });
});

describe('a table whose rows its caller keeps (unalignedTableOfEscaped)', () => {
  const header = ['Key', 'Version', 'Title'];
  const rows = [
    ['[one](./one.md)', '1.0.0', 'First | with a pipe'],
    ['[two](./two.md)', '2.0.0', '`code` title'],
  ].map(escapeCells);
  const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

  let inlineCalls = 0;
  const renderInline = (text: string) => {
    inlineCalls += 1;
    return `<i>${escapeHtml(text)}</i>`;
  };
  /** The table's HTML, and how many cells went to `renderInline` for it. */
  const printed = (table: DocsTable) => {
    inlineCalls = 0;
    const html = wrappedTableHtml(directTable(table)!, escapeHtml, renderInline);
    return { html, inlineCalls };
  };

  it('prints each kept row once, then the same row array by its element', () => {
    const first = printed(unalignedTableOfEscaped(header, rows));
    expect(first.inlineCalls).toBe(3);
    const again = printed(unalignedTableOfEscaped(['Clé', 'Version', 'Titre'], rows));
    expect(again.inlineCalls).toBe(0);
    expect(again.html.slice(again.html.indexOf('<tbody>'))).toBe(
      first.html.slice(first.html.indexOf('<tbody>')),
    );
  });

  it('prints a new row array, and every row of a table whose rows are not kept, again', () => {
    printed(unalignedTableOfEscaped(header, rows));
    const edited = [rows[0]!, escapeCells(['[two](./two.md)', '2.0.1', '`code` title'])];
    expect(printed(unalignedTableOfEscaped(header, edited)).inlineCalls).toBe(2);
    const notKept = printed({ ...unalignedTableOfEscaped(header, rows), rowsKept: false });
    expect(notKept.inlineCalls).toBe(3);
    expect(notKept.html).toBe(printed(unalignedTableOfEscaped(header, rows)).html);
  });
});
