import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { TEMPLATES_DIR } from './render-template.js';

/**
 * A label catalog: every fixed text of the docs pages by key (`field.key.label` -> `Key`). Stored as
 * flat JSON in `templates/labels/<locale>.json`. The seed pages printed raw keys
 * such as `field.owners.label`; here a missing key throws instead.
 */
export type LabelCatalog = Readonly<Record<string, string>>;

/** Looks up one label. @throws Error naming the key when the catalog lacks it. */
export type Labeler = (key: string) => string;

const CatalogSchema = z.record(z.string(), z.string());

/** The locales that have a label catalog (`templates/labels/<locale>.json`), sorted. */
export function labelLocales(): string[] {
  return readdirSync(`${TEMPLATES_DIR}labels`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/**
 * Reads `templates/labels/<locale>.json`.
 * @throws Error when the file is missing, is not JSON, or is not a flat object of strings.
 */
export function loadLabelCatalog(locale = 'en'): LabelCatalog {
  const path = `${TEMPLATES_DIR}labels/${locale}.json`;
  const parsed = CatalogSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) throw new Error(`label catalog ${path} is not a flat object of strings`);
  return parsed.data;
}

/**
 * A {@link Labeler} over `catalog`. Lookups use own keys only, so `toString` is not a label.
 * @throws Error `label catalog has no key "<key>"` on a miss, so a raw key never reaches a page.
 */
export function createLabeler(catalog: LabelCatalog): Labeler {
  return (key) => {
    if (!Object.hasOwn(catalog, key)) throw new Error(`label catalog has no key "${key}"`);
    return catalog[key]!;
  };
}
