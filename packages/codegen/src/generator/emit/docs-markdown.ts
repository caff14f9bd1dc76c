import { util as prettierUtil } from 'prettier';

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

/** One heading (`hashes` is `#`, `##` or `###`) and its body. */
export interface DocsSection extends DocsSectionBody {
  readonly hashes: string;
  readonly heading: string;
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
  return text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

/**
 * A table whose cells are escaped with {@link escapeCell} and aligned: each column is as wide as
 * its widest cell (at least 3, the shortest delimiter), measured with prettier's own string width
 * so wide characters count as prettier counts them.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): DocsTable {
  const escapedHeader = header.map(escapeCell);
  const escapedRows = rows.map((row) => row.map(escapeCell));
  const widths = escapedHeader.map((cell, column) =>
    Math.max(
      3,
      prettierUtil.getStringWidth(cell),
      ...escapedRows.map((row) => prettierUtil.getStringWidth(row[column] ?? '')),
    ),
  );
  const pad = (cell: string, column: number) =>
    cell + ' '.repeat(widths[column]! - prettierUtil.getStringWidth(cell));
  return {
    header: escapedHeader.map(pad),
    delimiters: widths.map((width) => '-'.repeat(width)),
    rows: escapedRows.map((row) => row.map(pad)),
  };
}

/** A fenced block for `text` kept verbatim: the fence outgrows any backtick run in the text. */
export function codeBlock(lang: string, text: string): DocsCode {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  return { fence: '`'.repeat(Math.max(3, longestRun + 1)), lang, text };
}

/** `text` as an inline code span, with a fence longer than any backtick run inside it (CommonMark). */
export function inlineCode(text: string): string {
  const longestRun = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longestRun + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * GitHub's anchor for a heading without the dedup suffix (github-slugger): lower case, drop every
 * character that is not a letter, mark, number, connector (`_`), space or hyphen, spaces to hyphens.
 * `harness.run.start` -> `harnessrunstart`, `Source Definition` -> `source-definition`.
 */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/**
 * A slugger for one page: call it for every heading in page order; a repeated slug gets `-1`, `-2`,
 * ... as GitHub does (github-slugger's occurrence counter).
 */
export function createSlugger(): (heading: string) => string {
  const taken = new Set<string>();
  return (heading) => {
    const base = githubSlug(heading);
    let slug = base;
    for (let n = 1; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  };
}
