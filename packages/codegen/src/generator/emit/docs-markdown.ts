import { isWhitespace } from 'contracts-runtime/core';
import { createRequire } from 'node:module';
import type * as Prettier from 'prettier';

/**
 * Markdown building blocks of the docs pages: the page view model the template lays out, table-cell
 * escaping, code fences and GitHub's heading anchors. Rules follow GitHub Flavored Markdown (tables,
 * `\|` inside cells) and github-slugger (the anchors GitHub gives headings).
 */

/**
 * A markdown table ready to print: every cell escaped and padded with spaces to its column's width,
 * `delimiters` the `---` cells of the same widths. This is the aligned layout prettier gives GFM
 * tables, so pages need no prettier pass (test/emit-docs checks they are prettier fixpoints).
 */
export interface DocsTable {
  readonly header: readonly string[];
  readonly delimiters: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /**
   * True when the caller keeps each row's array while its cells are unchanged
   * ({@link unalignedTableOfEscaped}): the site then finds a row's HTML by the array.
   */
  readonly rowsKept?: boolean;
}

/** A fenced code block: `fence` is three or more backticks, longer than any run inside `text`. */
export interface DocsCode {
  readonly fence: string;
  readonly lang: string;
  readonly text: string;
}

/** What a section holds below its heading, printed in this order: paragraphs, table, code. */
export interface DocsSectionBody {
  readonly paragraphs: readonly string[];
  readonly table: DocsTable | null;
  readonly code: DocsCode | null;
}

/**
 * One heading (`hashes` is `#`, `##` or `###`) and its body; `anchor`, when set, is the heading's
 * GitHub anchor on its page (`createSlugger` over the page's headings in order).
 */
export interface DocsSection extends DocsSectionBody {
  readonly hashes: string;
  readonly heading: string;
  readonly anchor?: string;
}

/** The view model of `templates/docs/page.md.hbs`: every section of one page, in page order. */
export interface DocsPageView {
  readonly sections: readonly DocsSection[];
}

/**
 * Makes text safe for one GFM table cell: line breaks and runs of whitespace become one space, `|`
 * becomes `\|` (GFM requires it even inside code spans).
 */
export function escapeCell(text: string): string {
  if (!changedByCellEscape(text)) return text;
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/**
 * True when {@link escapeCell} changes `text`: it holds `|`, white space (`\s`) other than one space
 * between words. A loop over the code units: a site's 100,000 cells are short, and a regular
 * expression of this shape cost more per cell than its scan.
 */
function changedByCellEscape(text: string): boolean {
  const last = text.length - 1;
  for (let at = 0; at <= last; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x20) {
      if (at === 0 || at === last || text.charCodeAt(at + 1) === 0x20) return true;
    } else if (code === 0x7c || (code >= 0x09 && code <= 0x0d)) {
      return true;
    } else if (code >= 0x80 && isWhitespace(code)) {
      return true;
    }
  }
  return false;
}

const NOT_PRINTABLE_ASCII = /[^\x20-\x7f]/;
const widthsOfWideText = new Map<string, number>();

let prettierUtil: typeof Prettier.util | undefined;

/** prettier's `util`, loaded on the first cell that is not printable ASCII. */
function prettierUtilities(): typeof Prettier.util {
  prettierUtil ??= (createRequire(import.meta.url)('prettier') as typeof Prettier).util;
  return prettierUtil;
}

/**
 * prettier's `getStringWidth` of a cell, in columns: its length when it is printable ASCII (as
 * prettier counts it), else prettier's count, kept by text (a table repeats the same labels).
 */
function cellWidth(cell: string): number {
  if (!NOT_PRINTABLE_ASCII.test(cell)) return cell.length;
  let width = widthsOfWideText.get(cell);
  if (width === undefined) {
    width = prettierUtilities().getStringWidth(cell);
    if (widthsOfWideText.size >= 10_000) widthsOfWideText.clear();
    widthsOfWideText.set(cell, width);
  }
  return width;
}

/**
 * A table whose cells are escaped with {@link escapeCell} and aligned: each column is as wide as
 * its widest cell (at least 3, the shortest delimiter), measured with prettier's own string width
 * so wide characters count as prettier counts them.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): DocsTable {
  const escapedHeader = header.map(escapeCell);
  const headerWidths = escapedHeader.map(cellWidth);
  const widths = headerWidths.map((width) => Math.max(3, width));
  const escapedRows = rows.map((row) => row.map(escapeCell));
  const rowWidths = escapedRows.map((row) => row.map(cellWidth));
  for (const cellWidths of rowWidths) {
    for (let column = 0; column < widths.length && column < cellWidths.length; column++) {
      if (cellWidths[column]! > widths[column]!) widths[column] = cellWidths[column]!;
    }
  }
  // A cell past the header's columns stays as it is.
  const pad = (cell: string, width: number, column: number) =>
    column < widths.length ? cell + ' '.repeat(widths[column]! - width) : cell;
  return {
    header: escapedHeader.map((cell, column) => pad(cell, headerWidths[column]!, column)),
    delimiters: widths.map((width) => '-'.repeat(width)),
    rows: escapedRows.map((row, at) =>
      row.map((cell, column) => pad(cell, rowWidths[at]![column]!, column)),
    ),
  };
}

/**
 * A table whose cells are escaped with {@link escapeCell} but not padded, its delimiters `---`:
 * the same table to a reader that trims cells, as markdown-it's table rule does (GFM), for pages
 * no one reads as Markdown (the site's).
 */
export function unalignedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): DocsTable {
  return unalignedTableOfEscaped(header, rows.map(escapeCells));
}

/** Every cell of `row` escaped with {@link escapeCell}. */
export function escapeCells(row: readonly string[]): string[] {
  return row.map(escapeCell);
}

/**
 * {@link unalignedTable} of rows escaped already ({@link escapeCells}): the row arrays are the
 * table's own, so a caller that keeps a row's array while its cells are unchanged lets the site
 * find the row's HTML by identity (site-direct-blocks.ts).
 */
export function unalignedTableOfEscaped(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): DocsTable {
  return { header: escapeCells(header), delimiters: header.map(() => '---'), rows, rowsKept: true };
}

/** A fenced block for `text` kept verbatim: the fence outgrows any backtick run in the text. */
export function codeBlock(lang: string, text: string): DocsCode {
  return { fence: '`'.repeat(Math.max(3, longestBacktickRun(text) + 1)), lang, text };
}

/** `text` as an inline code span, with a fence longer than any backtick run inside it (CommonMark). */
export function inlineCode(text: string): string {
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

function longestBacktickRun(text: string): number {
  if (!text.includes('`')) return 0;
  let longest = 0;
  for (const run of text.match(/`+/g)!) if (run.length > longest) longest = run.length;
  return longest;
}

/**
 * GitHub's anchor for a heading without the dedup suffix (github-slugger): lower case, drop every
 * character that is not a letter, mark, number, connector (`_`), space or hyphen, spaces to hyphens.
 * `harness.run.start` -> `harnessrunstart`, `Source Definition` -> `source-definition`.
 */
export function githubSlug(heading: string): string {
  const lower = heading.toLowerCase();
  // In ASCII the letters, numbers and connectors are `a-z`, `0-9` and `_`.
  if (/^[a-z0-9_-]*$/.test(lower)) return lower;
  if (!/[^\x00-\x7f]/.test(lower)) return lower.replace(/[^a-z0-9_ -]/g, '').replace(/ /g, '-');
  return lower.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

const slugsOfHeadings = new Map<string, string>();

/**
 * {@link githubSlug}, kept by heading: pages repeat the same headings (the catalog's section labels,
 * model names), and a label with accents goes through a Unicode-class replace.
 */
function knownSlug(heading: string): string {
  let slug = slugsOfHeadings.get(heading);
  if (slug === undefined) {
    slug = githubSlug(heading);
    if (slugsOfHeadings.size >= 10_000) slugsOfHeadings.clear();
    slugsOfHeadings.set(heading, slug);
  }
  return slug;
}

/**
 * A slugger for one page: call it for every heading in page order; a repeated slug gets `-1`, `-2`,
 * ... as GitHub does (github-slugger's occurrence counter).
 */
export function createSlugger(): (heading: string) => string {
  const taken = new Set<string>();
  // Per slug, a suffix below which every `slug-n` is taken: the search resumes there.
  const nextSuffix = new Map<string, number>();
  return (heading) => {
    const base = knownSlug(heading);
    let slug = base;
    if (taken.has(slug)) {
      let n = nextSuffix.get(base) ?? 1;
      for (slug = `${base}-${n}`; taken.has(slug); slug = `${base}-${n}`) n++;
      nextSuffix.set(base, n + 1);
    }
    taken.add(slug);
    return slug;
  };
}
