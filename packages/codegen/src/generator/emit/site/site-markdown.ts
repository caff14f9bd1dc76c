import type MarkdownItModule from 'markdown-it';
import { createRequire } from 'node:module';
import {
  createSlugger,
  unalignedTable,
  type DocsCode,
  type DocsPageView,
  type DocsTable,
} from '../docs-markdown.js';
import {
  directTable,
  fenceHtml,
  headingHtml,
  isDirectFence,
  isDirectHeading,
  listHtml,
  paragraphHtml,
  paragraphShape,
  tableRowLine,
  wrappedTableHtml,
  type ParagraphShape,
} from './site-direct-blocks.js';
import { highlight } from './site-highlight.js';
import { SweptMemo } from './site-memo.js';

const DOCS_LINK = /^((?:\.\.?\/)[^#]*?|[^:/#][^:#]*?)\.md(#.*)?$/;

// The CommonJS build, required: the ESM build's dependencies include a CommonJS one whose
// exports Node would first have to read (about 14 ms less to load, measured in a fresh node).
const MarkdownIt = createRequire(import.meta.url)('markdown-it') as typeof MarkdownItModule;

/**
 * The site's markdown-it (CommonMark + GFM tables, raw HTML off): fenced code highlighted at build
 * time, every heading given GitHub's anchor as `id` (the anchors the docs pages link to), and
 * relative links to `.md` pages turned into links to the `.html` pages beside them.
 */
function createRenderer(): ReturnType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.options.highlight = (code, lang) => highlightFence(code.replace(/\n$/, ''), lang);
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

/** A fence's text (without the line break markdown-it ends its content with), highlighted. */
function highlightFence(text: string, lang: string): string {
  return highlight(text, lang || 'text');
}

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

const inlineHtml = new SweptMemo<string>(200_000);

/** Characters at which an inline rule other than `text` may start (markdown-it 15, linkify off). */
const SYNTAX = /[\n\\`~*_[\]!<&]/;
const PLAIN = /[^\n\\`~*_[\]!<&]+/y;
const LINK = /\[([^\n\\~*_[\]!<&]+)\]\(([^\s()<>\\&]+)\)/y;
const CODE = /`([^`\n]+)`(?!`)/y;
const UNDERSCORES = /_+/y;
const STRONG = /\*\*([^\n\\`~*_[\]!<&]+)\*\*/y;

/**
 * The HTML markdown-it's `renderInline` gives `text` on a page without link references, for the
 * texts the site's tables and lists are made of — plain text, `[label](destination)` links,
 * `` `code` `` spans (one backtick each side), `**strong**` words and `_` inside a word, each part
 * free of other syntax — or null for any other text. Read off markdown-it 15's inline rules:
 * `text` (escaped), `link` (the destination through the instance's own `normalizeLink` and
 * `validateLink`, then the site's `.md` -> `.html` rule), `backticks` (line breaks as spaces, one
 * space stripped from both ends), and `emphasis`
 * for a `**` pair that can only open (start of text or after a space, a non-space after it) and
 * only close (a non-space before it, a space or the end after it); a `_` run between two ASCII
 * letters or digits can neither open nor close emphasis, so it stays text. A link's label is such
 * a text too (a code span, say); `[` cannot appear in it.
 */
export function directInline(text: string): string | null {
  const escapeHtml = renderer.utils.escapeHtml;
  let html = '';
  let at = 0;
  const take = (rule: RegExp): RegExpExecArray | null => {
    rule.lastIndex = at;
    const match = rule.exec(text);
    if (match) at = rule.lastIndex;
    return match;
  };
  while (at < text.length) {
    const char = text[at]!;
    if (!SYNTAX.test(char)) {
      html += escapeHtml(take(PLAIN)![0]);
    } else if (char === '[') {
      const link = take(LINK);
      if (!link) return null;
      const href = renderer.normalizeLink(link[2]!);
      if (!renderer.validateLink(href)) return null;
      const label = directInline(link[1]!);
      if (label === null) return null;
      const docs = DOCS_LINK.exec(href);
      const target = docs ? `${docs[1]}.html${docs[2] ?? ''}` : href;
      html += `<a href="${escapeHtml(target)}">${label}</a>`;
    } else if (char === '`') {
      const code = take(CODE);
      if (!code) return null;
      let content = code[1]!;
      if (content.startsWith(' ') && content.endsWith(' ') && /[^ ]/.test(content)) {
        content = content.slice(1, -1);
      }
      html += `<code>${escapeHtml(content)}</code>`;
    } else if (char === '_' && /[A-Za-z0-9]/.test(text[at - 1] ?? '')) {
      const run = take(UNDERSCORES)![0];
      if (!/[A-Za-z0-9]/.test(text[at] ?? '')) return null;
      html += run;
    } else if (char === '*') {
      if (at > 0 && text[at - 1] !== ' ') return null;
      const strong = take(STRONG);
      if (!strong || /^\s|\s$/.test(strong[1]!)) return null;
      if (at < text.length && text[at] !== ' ') return null;
      html += `<strong>${escapeHtml(strong[1]!)}</strong>`;
    } else {
      return null;
    }
  }
  return html;
}

/**
 * `renderInline(text)` on a page without link reference definitions (the only page state inline
 * rendering reads), memoized by text: a type name or a link back repeats in many cells and locales.
 * The texts {@link directInline} knows skip markdown-it's token stream.
 */
function cachedInline(text: string): string {
  return inlineHtml.getOrMake(text, () => directInline(text) ?? renderer.renderInline(text, {}));
}

const markdownHtml = new SweptMemo<string>(100_000);

/** A `markdown` paragraph rendered by markdown-it alone, memoized by text (each locale shows it). */
function markdownBlock(text: string): string {
  return markdownHtml.getOrMake(text, () => wrapTables(renderer.render(text)));
}

/** One block of a page in page order, as the direct renderer reads it. */
type PageBlock =
  | { readonly heading: string; readonly level: number; readonly anchor?: string }
  | { readonly paragraph: string }
  | { readonly table: DocsTable }
  | { readonly code: DocsCode };

const PRETTIER_IGNORE = '<!-- prettier-ignore -->';

/** Blank lines: what separates the blocks of a `markdown` paragraph (none fenced or indented). */
const BLANK_LINES = /\n(?:[ \t]*\n)+/;

/**
 * The HTML markdown-it gives `blocks` printed one after another with blank lines between them, or
 * null when a block is one {@link site-direct-blocks} does not render exactly in this page: a
 * heading or paragraph it does not know, two neighbouring paragraphs that would join into one
 * list, a possible link reference definition, a table or fence markdown-it would read otherwise.
 * Headings get the page's GitHub anchors in page order (the ones the blocks carry, when they do);
 * a `markdown` paragraph is cut at its blank lines into blocks shaped like paragraphs (it holds no
 * fence, and no block of it starts indented, so each ends at its blank line), and the blocks of no
 * known shape go through markdown-it alone.
 */
function directHtml(blocks: readonly PageBlock[]): string | null {
  const escapeHtml = renderer.utils.escapeHtml;
  const slug = createSlugger();
  let html = '';
  let before: ParagraphShape | null = null;
  for (const block of blocks) {
    if ('paragraph' in block) {
      const text = block.paragraph;
      const whole = paragraphShape(text);
      if (whole.kind === 'page' || text.includes(PRETTIER_IGNORE)) return null;
      for (const piece of whole.kind === 'markdown' ? text.split(BLANK_LINES) : [text]) {
        const shape = piece === text ? whole : paragraphShape(piece);
        if (shape.kind === 'page') return null;
        if (shape.kind === 'empty') continue;
        if (before?.endsList && shape.startsList) return null;
        before = shape;
        html +=
          shape.kind === 'inline'
            ? paragraphHtml(piece, escapeHtml, cachedInline)
            : shape.kind === 'list'
              ? listHtml(piece, escapeHtml, cachedInline)
              : markdownBlock(piece);
      }
      continue;
    }
    before = null;
    if ('heading' in block) {
      if (!isDirectHeading(block.heading) || block.heading.includes(PRETTIER_IGNORE)) return null;
      html += headingHtml(
        block.level,
        block.heading,
        block.anchor ?? slug(block.heading),
        escapeHtml,
        cachedInline,
      );
    } else if ('table' in block) {
      const table = directTable(block.table);
      if (table === null) return null;
      html += wrappedTableHtml(table, escapeHtml, cachedInline);
    } else {
      if (!isDirectFence(block.code)) return null;
      html += fenceHtml(block.code, escapeHtml, highlightFence);
    }
  }
  return html;
}

/**
 * One block of a page's Markdown, the blocks being joined by blank lines: Markdown text, a table
 * (printed as `| a | b |` rows) or a fenced code block.
 */
export type SiteBlock = string | { readonly table: DocsTable } | { readonly code: DocsCode };

/**
 * A table block of `header` and `rows`, every cell escaped for GFM but not padded
 * ({@link unalignedTable}): markdown-it trims cells, so the docs pages' aligned layout would change
 * no HTML.
 */
export function tableBlock(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): { readonly table: DocsTable } {
  return { table: unalignedTable(header, rows) };
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
 * The HTML of a heading of `level` whose anchor is `id`, as markdown-it renders `#… text` when
 * the page's slugger gives `id` ({@link isDirectHeading} text; other text is trimmed first).
 */
export function headingToHtml(level: number, text: string, id: string): string {
  return headingHtml(level, text.trim(), id, renderer.utils.escapeHtml, cachedInline);
}

const HEADING_BLOCK = /^(#{1,6}) (.*)$/;

/**
 * `markdownToHtml(blocksMarkdown(blocks))` rendered by `site-direct-blocks` alone, or null when a
 * block is one it does not render exactly on this page (then markdown-it renders it whole).
 */
export function blocksToDirectHtml(blocks: readonly SiteBlock[]): string | null {
  return directHtml(
    blocks.map((block) => {
      if (typeof block !== 'string') return block;
      const heading = block.includes('\n') ? null : HEADING_BLOCK.exec(block);
      return heading ? { heading: heading[2]!, level: heading[1]!.length } : { paragraph: block };
    }),
  );
}

/**
 * `markdownToHtml(blocksMarkdown(blocks))`, byte for byte: rendered directly by
 * `site-direct-blocks` when every block is one it renders exactly, else by markdown-it whole.
 */
export function blocksToHtml(blocks: readonly SiteBlock[]): string {
  return blocksToDirectHtml(blocks) ?? markdownToHtml(blocksMarkdown(blocks));
}

/**
 * `markdownToHtml(toMarkdown(view))`, byte for byte, for `toMarkdown` the docs page template (each
 * section: heading, paragraphs, table, code, separated by blank lines): rendered directly when
 * every block is one `site-direct-blocks` renders exactly, else by markdown-it whole.
 */
export function pageViewToHtml(
  view: DocsPageView,
  toMarkdown: (view: DocsPageView) => string,
): string {
  const page: PageBlock[] = [];
  // The anchors the page's plan placed are the slugs the page's headings give in order.
  const anchored = view.sections.every((section) => section.anchor !== undefined);
  for (const section of view.sections) {
    const level = section.hashes.length;
    page.push(
      anchored
        ? { heading: section.heading, level, anchor: section.anchor! }
        : { heading: section.heading, level },
    );
    for (const paragraph of section.paragraphs) page.push({ paragraph });
    if (section.table !== null) page.push({ table: section.table });
    if (section.code !== null) page.push({ code: section.code });
  }
  return directHtml(page) ?? markdownToHtml(toMarkdown(view));
}
