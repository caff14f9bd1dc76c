/**
 * The pages a catalog (the API reference, the models) is split into, so that no page of a large
 * IR weighs megabytes: one part per group (a domain) and at most `size` entries per part, in the
 * groups' order. Parts live at the root of the locale folder, beside the catalog's overview page:
 * `<prefix>-<group>.html` for a group in one part, `<prefix>-<group>-<n>.html` (n from 1) for a
 * group in several; a name already taken gets `_` appended until it is free, so no two parts share
 * a file (a group named `bench-2` next to a group `bench` in parts). A part cannot take the name of
 * one of the locale's fixed pages (`index.html`, `api.html`, …): it starts with `<prefix>-`.
 */
export interface CatalogPart<T> {
  /** The file name, relative to the locale folder (`api-bench-2.html`). */
  readonly file: string;
  readonly group: string;
  /** 1-based position within the group, and the group's number of parts. */
  readonly index: number;
  readonly count: number;
  readonly entries: readonly T[];
}

/** Operations per API reference page, and models per models page (a page stays under ~300 kB). */
export const API_PART_SIZE = 100;
export const MODEL_PART_SIZE = 200;

/** The {@link CatalogPart}s of `groups` (each `[group, entries]`, in page order). */
export function catalogParts<T>(
  prefix: string,
  groups: readonly (readonly [string, readonly T[]])[],
  size: number,
): CatalogPart<T>[] {
  const taken = new Set<string>();
  const parts: CatalogPart<T>[] = [];
  for (const [group, entries] of groups) {
    const count = Math.max(1, Math.ceil(entries.length / size));
    for (let index = 1; index <= count; index++) {
      let name = count === 1 ? `${prefix}-${group}` : `${prefix}-${group}-${index}`;
      while (taken.has(name)) name += '_';
      taken.add(name);
      parts.push({
        file: `${name}.html`,
        group,
        index,
        count,
        entries: entries.slice((index - 1) * size, index * size),
      });
    }
  }
  return parts;
}

/** A part's heading and title: `<catalog> · <group>`, with ` (n/k)` when the group has several. */
export function partTitle(catalog: string, part: CatalogPart<unknown>): string {
  return `${catalog} · ${part.group}${part.count > 1 ? ` (${part.index}/${part.count})` : ''}`;
}
