/**
 * YAML frontmatter of the Markdown pages, read by VitePress (`title`, `description`) and Starlight
 * (`title`, `description`, `sidebar.order`). Strings are YAML 1.2 quoted scalars in the quote style
 * prettier keeps (single quotes unless the text holds more single than double quotes), so the pages
 * stay prettier fixpoints.
 */
export interface Frontmatter {
  readonly title: string;
  readonly description?: string;
  /** 1-based position of the page within its domain's sidebar group. */
  readonly order: number;
}

/** `text` as one YAML quoted scalar on one line (runs of whitespace become one space). */
export function yamlString(text: string): string {
  const flat = SPACING.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  if (!flat.includes("'")) return `'${flat}'`;
  const singles = flat.split("'").length - 1;
  const doubles = flat.split('"').length - 1;
  if (singles > doubles) return JSON.stringify(flat);
  return `'${flat.replace(/'/g, "''")}'`;
}

/** White space (`\s`) that {@link yamlString} changes: any but one space between words. */
const SPACING = /[\t-\r\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}|^ | $/;

/** The frontmatter block, `---` lines included, ending with a newline. */
export function frontmatterText(front: Frontmatter): string {
  const lines = ['---', `title: ${yamlString(front.title)}`];
  if (front.description) lines.push(`description: ${yamlString(front.description)}`);
  lines.push('sidebar:', `  order: ${front.order}`, '---');
  return lines.join('\n') + '\n';
}
