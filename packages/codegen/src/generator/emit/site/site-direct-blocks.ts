import { sameList } from '../../ir/same-list.js';
import type { DocsCode, DocsTable } from '../docs-markdown.js';

/**
 * Headings, paragraphs, bullet lists, tables and fenced code blocks turned into the very HTML
 * markdown-it 15 (CommonMark + GFM tables, raw HTML off) gives them, without running its block
 * parser: the heading rule (`rules_block/heading`), the paragraph rule, tight `-` lists
 * (`rules_block/list`), the table rule (`rules_block/table`: delimiter row, `escapedSplit`, trimmed
 * cells, cells added or dropped to the header's count) and the fence rule and renderer
 * (`rules_block/fence`, `renderer` `fence`). A 1,000-operation site holds some 100,000 table cells;
 * markdown-it makes five tokens of each. Each `…Direct`/shape check says whether a block is one this
 * module renders exactly; any other block is left to markdown-it.
 */

/** markdown-it's `escapeHtml` (`&`, `<`, `>`, `"`); its text tokens and attributes use it. */
export type EscapeHtml = (text: string) => string;

/** One table row as the docs page template prints it: `| a | b |`. */
export function tableRowLine(cells: readonly string[]): string {
  let line = '|';
  for (const cell of cells) line += ` ${cell} |`;
  return line;
}

/** markdown-it's `escapedSplit`: splits on `|` not preceded by `\`, dropping that `\`. */
function escapedSplit(text: string): string[] {
  if (!text.includes('\\')) return text.split('|');
  const result: string[] = [];
  let current = '';
  let lastPos = 0;
  let escaped = false;
  for (let pos = 0; pos < text.length; pos++) {
    const ch = text.charCodeAt(pos);
    if (ch === 0x7c) {
      if (!escaped) {
        result.push(current + text.substring(lastPos, pos));
        current = '';
        lastPos = pos + 1;
      } else {
        current += text.substring(lastPos, pos - 1);
        lastPos = pos;
      }
    }
    escaped = ch === 0x5c;
  }
  result.push(current + text.substring(lastPos));
  return result;
}

/**
 * The cells markdown-it reads from `cells` printed as one row (`| a | b |`), untrimmed, or null
 * when a cell holds text its normalize rule changes or a line break ({@link UNSAFE_TEXT}): the row
 * line split by {@link rowCells}, or, when no cell holds `|` or `\`, the cells themselves (the
 * split of such a line gives each cell back between its two padding spaces).
 */
function cellsOfRow(cells: readonly string[]): readonly string[] | null {
  let split = false;
  for (const cell of cells) {
    if (!SPECIAL_CELL_TEXT.test(cell)) continue;
    if (UNSAFE_TEXT.test(cell)) return null;
    split ||= cell.includes('|') || cell.includes('\\');
  }
  return split ? rowCells(tableRowLine(cells)) : cells;
}

/** What a cell may hold that {@link cellsOfRow} must look at: {@link UNSAFE_TEXT}, `|`, `\`. */
const SPECIAL_CELL_TEXT = /[\r\n\0|\\]/;

/** The trimmed cells of a header or body row line, outer empty cells dropped (the table rule). */
function rowCells(line: string): string[] {
  const columns = escapedSplit(line.trim());
  if (columns.length > 0 && columns[0] === '') columns.shift();
  if (columns.length > 0 && columns[columns.length - 1] === '') columns.pop();
  return columns;
}

const DELIMITER_CHARS = /^[|\-: \t]*$/;

const alignsByLine = new Map<string, string[] | null>();

/** {@link alignsOf}, kept by line: a site has few distinct delimiter rows. */
function cachedAligns(line: string): string[] | null {
  let aligns = alignsByLine.get(line);
  if (aligns === undefined) {
    aligns = alignsOf(line);
    if (alignsByLine.size < 1000) alignsByLine.set(line, aligns);
  }
  return aligns;
}

/** The column alignments of a delimiter row, or null when markdown-it would not take it as one. */
function alignsOf(line: string): string[] | null {
  const first = line.charAt(0);
  const second = line.charAt(1);
  if (!'|-:'.includes(first) || first === '' || second === '') return null;
  if (!'|-: \t'.includes(second)) return null;
  if (first === '-' && (second === ' ' || second === '\t')) return null;
  if (!DELIMITER_CHARS.test(line)) return null;
  const columns = line.split('|');
  const aligns: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const t = columns[i]!.trim();
    if (!t) {
      if (i === 0 || i === columns.length - 1) continue;
      return null;
    }
    if (!/^:?-+:?$/.test(t)) return null;
    if (t.endsWith(':')) aligns.push(t.startsWith(':') ? 'center' : 'right');
    else aligns.push(t.startsWith(':') ? 'left' : '');
  }
  return aligns;
}

/** Text markdown-it's normalize rule would change, or that would break a line of the page. */
const UNSAFE_TEXT = /[\r\n\0]/;

const MAX_AUTOCOMPLETED_CELLS = 0x10000;

/**
 * A table ready for {@link wrappedTableHtml}: trimmed cells, `null` when markdown-it must parse it.
 */
export interface DirectTable {
  readonly aligns: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** The table's `rowsKept`: its rows' HTML is memoized by their arrays. */
  readonly rowsKept: boolean;
}

/**
 * The cells markdown-it's table rule reads from `table` as the docs template prints it, or null
 * when the rows would not all parse as one table (a bad delimiter row, a header of another width,
 * a line break in a cell, more autocompleted cells than markdown-it allows).
 */
export function directTable(table: DocsTable): DirectTable | null {
  if (!cellsSafe(table.header) || !cellsSafe(table.delimiters)) return null;
  const aligns = cachedAligns(tableRowLine(table.delimiters));
  const header = cellsOfRow(table.header)!;
  const width = header.length;
  if (aligns === null || width === 0 || width !== aligns.length) return null;
  let autocompleted = 0;
  const rows: (readonly string[])[] = [];
  for (const row of table.rows) {
    const known = table.rowsKept ? trimmedRows.get(row) : undefined;
    if (known?.width === width) {
      autocompleted += known.autocompleted;
      if (autocompleted > MAX_AUTOCOMPLETED_CELLS) return null;
      rows.push(known.cells);
      continue;
    }
    const cells = cellsOfRow(row);
    if (cells === null) return null;
    autocompleted += width - cells.length;
    if (autocompleted > MAX_AUTOCOMPLETED_CELLS) return null;
    const trimmed = new Array<string>(width);
    for (let at = 0; at < width; at++) trimmed[at] = cells[at]?.trim() ?? '';
    if (table.rowsKept) {
      trimmedRows.set(row, { width, autocompleted: width - cells.length, cells: trimmed });
    }
    rows.push(trimmed);
  }
  return {
    aligns,
    header: header.map((cell) => cell.trim()),
    rows,
    rowsKept: table.rowsKept === true,
  };
}

/**
 * Each body row's trimmed cells in a table `width` columns wide, by the row's array: a table row
 * kept from one page or emit to the next (site-domain-index.ts) is read once. A row whose cells
 * make the table unreadable directly is not kept (the table then goes to markdown-it).
 */
const trimmedRows = new WeakMap<
  readonly string[],
  { readonly width: number; readonly autocompleted: number; readonly cells: readonly string[] }
>();

/** Each trimmed row's `<tr>` element, by the row's array, with the column openings it was printed with. */
const rowElements = new WeakMap<
  readonly string[],
  {
    readonly opens: readonly string[];
    readonly escape: EscapeHtml;
    readonly inline: (text: string) => string;
    readonly html: string;
  }
>();

function cellsSafe(cells: readonly string[]): boolean {
  for (const cell of cells) if (UNSAFE_TEXT.test(cell)) return false;
  return true;
}

/** Characters at which one of markdown-it's inline rules other than `text` may start. */
const INLINE_SYNTAX = /[\n\\`~*_[!<&]/;

/**
 * The HTML of a {@link DirectTable} inside the site's wrapper for horizontal scrolling
 * (`<div class="table-wrap">`), as markdown-it's renderer prints the table tokens; a cell with no
 * inline syntax is its escaped text, any other cell goes through `renderInline` (the page's
 * markdown-it with the page's `env`, so link references resolve as on the whole page).
 */
export function wrappedTableHtml(
  table: DirectTable,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  const inner = (text: string) =>
    text === '' ? '' : INLINE_SYNTAX.test(text) ? renderInline(text) : escapeHtml(text);
  const opens = (tag: string) =>
    table.aligns.map((align) => (align ? `<${tag} style="text-align:${align}">` : `<${tag}>`));
  const headOpens = opens('th');
  let html = '<div class="table-wrap"><table>\n<thead>\n<tr>\n';
  for (let at = 0; at < table.header.length; at++) {
    html += `${headOpens[at]!}${inner(table.header[at]!)}</th>\n`;
  }
  html += '</tr>\n</thead>\n';
  if (table.rows.length > 0) {
    const cellOpens = opens('td');
    html += '<tbody>\n';
    for (const row of table.rows) {
      const known = table.rowsKept ? rowElements.get(row) : undefined;
      if (
        known?.escape === escapeHtml &&
        known.inline === renderInline &&
        sameList(known.opens, cellOpens)
      ) {
        html += known.html;
        continue;
      }
      let element = '<tr>\n';
      for (let at = 0; at < row.length; at++) {
        element += `${cellOpens[at]!}${inner(row[at]!)}</td>\n`;
      }
      element += '</tr>\n';
      if (table.rowsKept) {
        rowElements.set(row, {
          opens: cellOpens,
          escape: escapeHtml,
          inline: renderInline,
          html: element,
        });
      }
      html += element;
    }
    html += '</tbody>\n';
  }
  return html + '</table></div>\n';
}

/**
 * Whether markdown-it reads `code`, printed as the docs template prints it, as one fence holding
 * exactly `text`: a fence of three or more backticks or tildes, a plain language name, no line of
 * the text that could close the fence, no character its normalize rule changes, and no
 * `<!-- prettier-ignore -->` line (the site drops those from the whole page).
 */
export function isDirectFence(code: DocsCode): boolean {
  if (!/^(`{3,}|~{3,})$/.test(code.fence) || !/^[\w-]*$/.test(code.lang)) return false;
  if (/[\r\0]/.test(code.text) || code.text.includes('<!-- prettier-ignore -->')) return false;
  // A closing line holds the fence, which a text from `codeBlock` never does.
  return !code.text.includes(code.fence) || !closingLine(code.fence).test(code.text);
}

const closingLines = new Map<string, RegExp>();

/** A line that starts, after white space, with `fence` (a run of backticks or tildes). */
function closingLine(fence: string): RegExp {
  let line = closingLines.get(fence);
  if (!line) {
    line = new RegExp(`^[^\\S\\n]*${fence}`, 'm');
    if (closingLines.size < 100) closingLines.set(fence, line);
  }
  return line;
}

/**
 * The HTML markdown-it's fence renderer gives a {@link isDirectFence} block: its `highlight`
 * option's output inside `<pre><code class="language-…">`, or the escaped content (`code.text` and
 * a line break) when it returns nothing. markdown-it calls the option on the content and the
 * language name; `highlight` is the site's option given `code.text`, the content without the last
 * line break, which the site's option drops before highlighting.
 */
export function fenceHtml(
  code: DocsCode,
  escapeHtml: EscapeHtml,
  highlight: (text: string, lang: string) => string,
): string {
  const highlighted = highlight(code.text, code.lang) || escapeHtml(code.text + '\n');
  if (highlighted.startsWith('<pre')) return highlighted + '\n';
  const open = code.lang
    ? `<pre><code class="${escapeHtml(`language-${code.lang}`)}">`
    : '<pre><code>';
  return `${open}${highlighted}</code></pre>\n`;
}

/** Characters a line may hold that markdown-it's normalize rule changes or that end a line. */
const UNSAFE_LINE_TEXT = /[\r\0]/;

/**
 * Whether a line starting with `text` may open a block other than a paragraph in markdown-it:
 * indentation, an ATX heading, a block quote, a list item (`-`, `+`, `*`, `1.`, `1)`), a thematic
 * break or setext underline (`-`, `_`, `*`, `=`), a fence, or a table row (`|`). Conservative: a
 * leading `-`, `+`, `_`, `=` or `|` is refused whatever follows.
 */
function mayOpenBlock(text: string): boolean {
  return /^(?:[ \t#>\-+_=|]|\*(?:[ \t]|$)|(?:\*[ \t]*){3,}$|`{3}|~{3}|\d{1,9}[.)])/.test(text);
}

/** A one-line text markdown-it's paragraph and list rules leave as it is (trimmed, no block). */
function isPlainLine(text: string): boolean {
  return (
    text !== '' &&
    !UNSAFE_LINE_TEXT.test(text) &&
    !text.includes('\n') &&
    !/[ \t]$/.test(text) &&
    !mayOpenBlock(text)
  );
}

/**
 * Whether `text` printed as `#…# text` is an ATX heading whose content is exactly `text`: one line,
 * trimmed, not ending in `#` (the rule drops a closing `#` run).
 */
export function isDirectHeading(text: string): boolean {
  return (
    text !== '' &&
    !UNSAFE_LINE_TEXT.test(text) &&
    !text.includes('\n') &&
    text.trim() === text &&
    !text.endsWith('#')
  );
}

/** The HTML of an ATX heading of `level` with anchor `id` (markdown-it's `heading_open` with `id`). */
export function headingHtml(
  level: number,
  text: string,
  id: string,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  return `<h${level} id="${escapeHtml(id)}">${inlineHtml(text, escapeHtml, renderInline)}</h${level}>\n`;
}

function inlineHtml(
  text: string,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  return INLINE_SYNTAX.test(text) ? renderInline(text) : escapeHtml(text);
}

const LIST_ITEM = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/;
const LIST_ITEM_LINE = /^ {0,3}(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)/m;
const HEADING_OR_FENCE_LINE = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|`{3}|~{3}|(?:=+|-+)[ \t]*$)/m;

/**
 * How one paragraph of a page (a block between blank lines) renders:
 * - `empty`: nothing;
 * - `inline`: one plain line, `<p>…</p>`;
 * - `list`: lines `- item`, each item a plain line, a tight bullet list;
 * - `markdown`: other Markdown, rendered by markdown-it on its own — the same HTML as within the
 *   page as long as the page defines no link reference (checked by the caller) and the text holds
 *   no heading (page-wide anchors) or fence (which could swallow the blocks after it) and does not
 *   start indented (which could continue the block before it);
 * - `page`: none of these, so the page is left to markdown-it whole.
 * `startsList`/`endsList` say whether the block may begin or end with a list item: two such
 * neighbours would join into one list, so the caller leaves that page to markdown-it whole.
 */
export interface ParagraphShape {
  readonly kind: 'empty' | 'inline' | 'list' | 'markdown' | 'page';
  readonly startsList: boolean;
  readonly endsList: boolean;
}

const EMPTY_SHAPE: ParagraphShape = { kind: 'empty', startsList: false, endsList: false };
const INLINE_SHAPE: ParagraphShape = { kind: 'inline', startsList: false, endsList: false };
const LIST_SHAPE: ParagraphShape = { kind: 'list', startsList: true, endsList: true };
const PAGE_SHAPE: ParagraphShape = { kind: 'page', startsList: true, endsList: true };

/** The {@link ParagraphShape} of `text`. */
export function paragraphShape(text: string): ParagraphShape {
  if (text === '') return EMPTY_SHAPE;
  if (UNSAFE_LINE_TEXT.test(text) || text.includes(']:')) return PAGE_SHAPE;
  if (isPlainLine(text)) return INLINE_SHAPE;
  if (
    text.startsWith('- ') &&
    text.split('\n').every((line) => line.startsWith('- ') && isPlainLine(line.slice(2)))
  ) {
    return LIST_SHAPE;
  }
  if (/^[ \t]/.test(text) || HEADING_OR_FENCE_LINE.test(text)) return PAGE_SHAPE;
  return {
    kind: 'markdown',
    startsList: LIST_ITEM.test(text),
    endsList: LIST_ITEM_LINE.test(text),
  };
}

/** The HTML of an `inline` paragraph. */
export function paragraphHtml(
  text: string,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  return `<p>${inlineHtml(text, escapeHtml, renderInline)}</p>\n`;
}

/** The HTML of a `list` paragraph: markdown-it's tight list, each `<li>` its item's inline HTML. */
export function listHtml(
  text: string,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  let html = '<ul>\n';
  for (const line of text.split('\n')) {
    html += `<li>${inlineHtml(line.slice(2), escapeHtml, renderInline)}</li>\n`;
  }
  return html + '</ul>\n';
}
