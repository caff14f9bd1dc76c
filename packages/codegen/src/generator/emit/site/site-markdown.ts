import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';
import MarkdownIt from 'markdown-it';
import {
  createSlugger,
  escapeCell,
  type DocsCode,
  type DocsPageView,
  type DocsSection,
  type DocsTable,
} from '../docs-markdown.js';
import {
  directTable,
  fenceHtml,
  isDirectFence,
  tableHtml,
  tableRowLine,
  type DirectTable,
} from './site-direct-blocks.js';

hljs.registerLanguage('ts', typescript);
hljs.registerLanguage('json', json);

const highlighted = new Map<string, string>();

/**
 * `code` highlighted by highlight.js as HTML (`<span class="hljs-…">`), for `ts` and `json`;
 * other languages come back escaped only. Results are cached by language and text, so a source
 * shown in every locale is highlighted once per process.
 */
export function highlight(code: string, lang: string): string {
  const key = `${lang}\u0000${code}`;
  let html = highlighted.get(key);
  if (html === undefined) {
    html = hljs.getLanguage(lang)
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : escapeHtml(code);
    highlighted.set(key, html);
  }
  return html;
}

/** `&`, `<`, `>`, `"` and `'` as character references (HTML Living Standard, text and attributes). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const DOCS_LINK = /^((?:\.\.?\/)[^#]*?|[^:/#][^:#]*?)\.md(#.*)?$/;

/**
 * The site's markdown-it (CommonMark + GFM tables, raw HTML off): fenced code highlighted at build
 * time, every heading given GitHub's anchor as `id` (the anchors the docs pages link to), and
 * relative links to `.md` pages turned into links to the `.html` pages beside them.
 */
function createRenderer(): ReturnType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.options.highlight = (code, lang) => highlight(code.replace(/\n$/, ''), lang || 'text');
  md.core.ruler.push('contracts_site', (state) => {
    const slug = createSlugger();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'heading_open') token.attrSet('id', slug(tokens[i + 1]?.content ?? ''));
      if (token.type !== 'inline') continue;
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = String(child.attrGet('href') ?? '');
        const match = DOCS_LINK.exec(href);
        if (match) child.attrSet('href', `${match[1]}.html${match[2] ?? ''}`);
      }
    }
  });
  return md;
}

const renderer = createRenderer();

/** The site's wrapper around every table, for horizontal scrolling. */
function wrapTables(html: string): string {
  return html
    .replace(/<table>/g, '<div class="table-wrap"><table>')
    .replace(/<\/table>/g, '</table></div>');
}

/**
 * Markdown -> HTML with the site's renderer. Tables are wrapped for horizontal scrolling.
 * @throws never: markdown-it renders any input.
 */
export function markdownToHtml(markdown: string): string {
  return wrapTables(renderer.render(markdown));
}

const inlineHtml = new Map<string, string>();
const INLINE_CACHE_LIMIT = 100_000;

/**
 * `renderInline(text)` on a page without link reference definitions (the only page state inline
 * rendering reads), cached by text: a type name or a link back repeats in many cells and locales.
 */
function cachedInline(text: string): string {
  let html = inlineHtml.get(text);
  if (html === undefined) {
    if (inlineHtml.size >= INLINE_CACHE_LIMIT) inlineHtml.clear();
    html = renderer.renderInline(text, {});
    inlineHtml.set(text, html);
  }
  return html;
}

/** A table or fence taken out of a page's Markdown, rendered by `site-direct-blocks`. */
type Hole = { readonly table: DirectTable } | { readonly code: DocsCode };

/** The paragraph standing for hole `at` in the Markdown given to markdown-it. */
const holeMark = (at: number) => `\u0001${at}\u0001`;
const HOLE_HTML = /<p>\u0001(\d+)\u0001<\/p>\n/;

/**
 * The HTML of `skeleton` (Markdown in which hole `i` is the paragraph {@link holeMark}`(i)`, alone
 * between blank lines where its table or fence stood), or null when a mark is not a top-level
 * paragraph of its own in markdown-it's output (text that already held a mark, an unclosed fence
 * swallowing the rest): the caller then renders the whole Markdown.
 */
function renderWithHoles(skeleton: string, holes: readonly Hole[]): string | null {
  const marks = skeleton.split('\u0001').length - 1;
  if (marks !== holes.length * 2) return null;
  const env = {};
  const pieces = renderer.renderer
    .render(renderer.parse(skeleton, env), renderer.options, env)
    .split(HOLE_HTML);
  if (pieces.length !== holes.length * 2 + 1) return null;
  const escapeHtml = renderer.utils.escapeHtml;
  const highlightOption = renderer.options.highlight!;
  const references = (env as { references?: object }).references;
  const renderInline =
    references === undefined || Object.keys(references).length === 0
      ? cachedInline
      : (text: string) => renderer.renderInline(text, env);
  let html = pieces[0]!;
  for (let at = 0; at < holes.length; at++) {
    if (pieces[at * 2 + 1] !== String(at)) return null;
    const hole = holes[at]!;
    html +=
      'table' in hole
        ? tableHtml(hole.table, escapeHtml, renderInline)
        : fenceHtml(hole.code, escapeHtml, (content, lang) => highlightOption(content, lang, ''));
    html += pieces[at * 2 + 2]!;
  }
  return wrapTables(html);
}

/**
 * One block of a page's Markdown, the blocks being joined by blank lines: Markdown text, a table
 * (printed as `| a | b |` rows) or a fenced code block.
 */
export type SiteBlock = string | { readonly table: DocsTable } | { readonly code: DocsCode };

/**
 * A table block of `header` and `rows`, every cell escaped for GFM ({@link escapeCell}) but not
 * padded: markdown-it trims cells, so the docs pages' aligned layout would change no HTML.
 */
export function tableBlock(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { readonly table: DocsTable } {
  return {
    table: {
      header: header.map(escapeCell),
      delimiters: header.map(() => '---'),
      rows: rows.map((row) => row.map(escapeCell)),
    },
  };
}

function tableText(table: DocsTable): string {
  return [table.header, table.delimiters, ...table.rows].map(tableRowLine).join('\n');
}

/** The Markdown of `blocks`: joined by blank lines, ending with a line break. */
export function blocksMarkdown(blocks: readonly SiteBlock[]): string {
  return (
    blocks
      .map((block) =>
        typeof block === 'string'
          ? block
          : 'table' in block
            ? tableText(block.table)
            : `${block.code.fence}${block.code.lang}\n${block.code.text}\n${block.code.fence}`,
      )
      .join('\n\n') + '\n'
  );
}

/**
 * `markdownToHtml(blocksMarkdown(blocks))`, byte for byte, with the tables and fences that
 * `site-direct-blocks` renders exactly kept out of markdown-it's block parser.
 */
export function blocksToHtml(blocks: readonly SiteBlock[]): string {
  const holes: Hole[] = [];
  const skeleton: SiteBlock[] = blocks.map((block) => {
    if (typeof block === 'string') return block;
    if ('table' in block) {
      const table = directTable(block.table);
      if (table === null) return block;
      holes.push({ table });
    } else {
      if (!isDirectFence(block.code)) return block;
      holes.push(block);
    }
    return holeMark(holes.length - 1);
  });
  return renderWithHoles(blocksMarkdown(skeleton), holes) ?? markdownToHtml(blocksMarkdown(blocks));
}

/**
 * `markdownToHtml(toMarkdown(view))`, byte for byte, for `toMarkdown` the docs page template (each
 * section: heading, paragraphs, table, code, separated by blank lines): the tables and fences that
 * `site-direct-blocks` renders exactly become paragraphs holding a mark, placed last among the
 * section's paragraphs, so markdown-it parses only headings and paragraphs. A fence after a table
 * left to markdown-it is left to it too, keeping the order.
 */
export function pageViewToHtml(
  view: DocsPageView,
  toMarkdown: (view: DocsPageView) => string,
): string {
  const holes: Hole[] = [];
  const mark = (hole: Hole) => {
    holes.push(hole);
    return holeMark(holes.length - 1);
  };
  const sections = view.sections.map((section): DocsSection => {
    const table = section.table === null ? null : directTable(section.table);
    const code =
      section.code !== null &&
      (section.table === null || table !== null) &&
      isDirectFence(section.code)
        ? section.code
        : null;
    if (table === null && code === null) return section;
    const marks = [...(table ? [mark({ table })] : []), ...(code ? [mark({ code })] : [])];
    return {
      ...section,
      paragraphs: [...section.paragraphs, ...marks],
      table: table ? null : section.table,
      code: code ? null : section.code,
    };
  });
  return renderWithHoles(toMarkdown({ sections }), holes) ?? markdownToHtml(toMarkdown(view));
}
