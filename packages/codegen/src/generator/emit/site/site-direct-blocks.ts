import type { DocsCode, DocsTable } from '../docs-markdown.js';

/**
 * Tables and fenced code blocks turned into the very HTML markdown-it 15 (CommonMark + GFM tables,
 * raw HTML off) gives them, without running its block parser: the table rule (`rules_block/table`:
 * delimiter row, `escapedSplit`, trimmed cells, cells added or dropped to the header's count) and
 * the fence rule and renderer (`rules_block/fence`, `renderer` `fence`). A 1,000-operation site holds
 * some 100,000 table cells; markdown-it makes five tokens of each. Each `…Direct` check says
 * whether a block is one this module renders exactly; any other block is left to markdown-it.
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

/** A table ready for {@link tableHtml}: trimmed cells, `null` when markdown-it must parse it. */
export interface DirectTable {
  readonly aligns: readonly string[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * The cells markdown-it's table rule reads from `table` as the docs template prints it, or null
 * when the rows would not all parse as one table (a bad delimiter row, a header of another width,
 * a line break in a cell, more autocompleted cells than markdown-it allows).
 */
export function directTable(table: DocsTable): DirectTable | null {
  const cellsOk = (cells: readonly string[]) => cells.every((cell) => !UNSAFE_TEXT.test(cell));
  if (!cellsOk(table.header) || !cellsOk(table.delimiters) || !table.rows.every(cellsOk)) {
    return null;
  }
  const aligns = cachedAligns(tableRowLine(table.delimiters));
  const header = rowCells(tableRowLine(table.header));
  if (aligns === null || header.length === 0 || header.length !== aligns.length) return null;
  let autocompleted = 0;
  const rows: string[][] = [];
  for (const row of table.rows) {
    const cells = rowCells(tableRowLine(row));
    autocompleted += header.length - cells.length;
    if (autocompleted > MAX_AUTOCOMPLETED_CELLS) return null;
    rows.push(Array.from({ length: header.length }, (_, i) => cells[i]?.trim() ?? ''));
  }
  return { aligns, header: header.map((cell) => cell.trim()), rows };
}

/** Characters at which one of markdown-it's inline rules other than `text` may start. */
const INLINE_SYNTAX = /[\n\\`~*_[!<&]/;

/**
 * The HTML of a {@link DirectTable}, as markdown-it's renderer prints the table tokens; a cell with
 * no inline syntax is its escaped text, any other cell goes through `renderInline` (the page's
 * markdown-it with the page's `env`, so link references resolve as on the whole page).
 */
export function tableHtml(
  table: DirectTable,
  escapeHtml: EscapeHtml,
  renderInline: (text: string) => string,
): string {
  const cell = (tag: string, text: string, align: string) => {
    const open = align ? `<${tag} style="text-align:${align}">` : `<${tag}>`;
    const inner =
      text === '' ? '' : INLINE_SYNTAX.test(text) ? renderInline(text) : escapeHtml(text);
    return `${open}${inner}</${tag}>\n`;
  };
  let html = '<table>\n<thead>\n<tr>\n';
  table.header.forEach((text, i) => (html += cell('th', text, table.aligns[i]!)));
  html += '</tr>\n</thead>\n';
  if (table.rows.length > 0) {
    html += '<tbody>\n';
    for (const row of table.rows) {
      html += '<tr>\n';
      row.forEach((text, i) => (html += cell('td', text, table.aligns[i]!)));
      html += '</tr>\n';
    }
    html += '</tbody>\n';
  }
  return html + '</table>\n';
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
  return !code.text.split('\n').some((line) => line.trimStart().startsWith(code.fence));
}

/**
 * The HTML markdown-it's fence renderer gives a {@link isDirectFence} block: the renderer's
 * `highlight` option called as markdown-it calls it (the content with its last line break, the
 * language name), inside `<pre><code class="language-…">`, or the escaped content when it returns
 * nothing.
 */
export function fenceHtml(
  code: DocsCode,
  escapeHtml: EscapeHtml,
  highlight: (content: string, lang: string) => string,
): string {
  const content = code.text + '\n';
  const highlighted = highlight(content, code.lang) || escapeHtml(content);
  if (highlighted.startsWith('<pre')) return highlighted + '\n';
  const open = code.lang
    ? `<pre><code class="${escapeHtml(`language-${code.lang}`)}">`
    : '<pre><code>';
  return `${open}${highlighted}</code></pre>\n`;
}
