import { createSlugger, type DocsPageView, type DocsSectionBody } from './docs-markdown.js';

/** Anchor of each planned section that asked for one, by its `anchorKey` (e.g. `model:HarnessRun`). */
export type AnchorMap = ReadonlyMap<string, string>;

/**
 * One section of a page before anchors are known. Links to a page's own sections (a field's type
 * cell pointing at `### HarnessRun`) are written before those sections, and GitHub's anchors depend
 * on every heading above, so bodies are built only once all headings are placed.
 */
export interface PlannedSection {
  readonly level: 1 | 2 | 3;
  readonly heading: string;
  /** Set when other sections link here; the anchor is then found under this key. */
  readonly anchorKey?: string;
  readonly body: (anchors: AnchorMap) => DocsSectionBody;
}

/** A body with only the given parts; the others are empty. */
export function body(parts: Partial<DocsSectionBody>): DocsSectionBody {
  return {
    paragraphs: parts.paragraphs ?? [],
    table: parts.table ?? null,
    code: parts.code ?? null,
  };
}

/**
 * Turns a page plan into the template's view model: slugs every heading in page order (GitHub's
 * rules, see `createSlugger`; each section keeps its `anchor`), then builds each body with the
 * finished anchor map.
 * @throws Error when two sections ask for the same `anchorKey` (a bug in the plan).
 */
export function finishPage(plan: readonly PlannedSection[]): DocsPageView {
  const slug = createSlugger();
  const slugs = plan.map((section) => slug(section.heading));
  const anchors = new Map<string, string>();
  plan.forEach((section, at) => {
    if (section.anchorKey === undefined) return;
    if (anchors.has(section.anchorKey))
      throw new Error(`duplicate anchor key ${section.anchorKey}`);
    anchors.set(section.anchorKey, slugs[at]!);
  });
  return {
    sections: plan.map((section, at) => ({
      hashes: '#'.repeat(section.level),
      heading: section.heading,
      anchor: slugs[at]!,
      ...section.body(anchors),
    })),
  };
}
