import { readdirSync, readFileSync } from 'node:fs';
import { TEMPLATES_DIR } from './render-template.js';

/**
 * A label catalog: every fixed text of the docs pages by key (`field.key.label` -> `Key`). Stored as
 * flat JSON in `templates/labels/<locale>.json`. The seed pages printed raw keys
 * such as `field.owners.label`; here a missing key throws instead.
 */
export type LabelCatalog = Readonly<Record<string, string>>;

/** Looks up one label. @throws Error naming the key when the catalog lacks it. */
export type Labeler = (key: string) => string;

/** Whether parsed JSON is a flat object of strings. */
function isFlatStringObject(value: unknown): value is LabelCatalog {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.values(value).every((text) => typeof text === 'string');
}

/** The locales that have a label catalog (`templates/labels/<locale>.json`), sorted. */
export function labelLocales(): string[] {
  return readdirSync(`${TEMPLATES_DIR}labels`)
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
}

/** The catalog file of a locale, relative to the package: `templates/labels/<locale>.json`. */
export function catalogPath(locale: string): string {
  return `templates/labels/${locale}.json`;
}

/**
 * Reads `templates/labels/<locale>.json`. The shipped catalogs hold Latin-1 text only (a
 * typewriter apostrophe, `-` for an empty value): one character above U+00FF in a label shown on
 * every page makes V8 hold each page at two bytes per character, which at 1,000 operations is
 * some 35 MiB more memory for the site and slower UTF-8 encoding when it is compared and written.
 * @throws Error when the file is missing, is not JSON, or is not a flat object of strings.
 */
export function loadLabelCatalog(locale = 'en'): LabelCatalog {
  const path = `${TEMPLATES_DIR}labels/${locale}.json`;
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
  if (!isFlatStringObject(parsed)) {
    throw new Error(`label catalog ${path} is not a flat object of strings`);
  }
  return parsed;
}

/**
 * A {@link Labeler} over `catalog`. Lookups use own keys only, so `toString` is not a label.
 * `name` (e.g. `templates/labels/fr.json`) is named in the error.
 * @throws Error `label catalog <name> has no key "<key>"` on a miss, so a raw key never reaches a page.
 */
export function createLabeler(catalog: LabelCatalog, name = 'label catalog'): Labeler {
  return (key) => {
    if (!Object.hasOwn(catalog, key)) {
      throw new Error(
        name === 'label catalog'
          ? `label catalog has no key "${key}"`
          : `label catalog ${name} has no key "${key}"`,
      );
    }
    return catalog[key]!;
  };
}

/**
 * Checks that every catalog holds every key of the reference catalog (the English one), so that a
 * page of one locale never lacks a label another locale has. Catalogs are `[name, catalog]` pairs.
 * @throws Error naming the first missing key of each incomplete catalog, one line per catalog:
 *   `label catalog templates/labels/fr.json has no key "field.key.label" (templates/labels/en.json has it)`.
 */
export function checkCatalogsComplete(
  reference: readonly [string, LabelCatalog],
  catalogs: readonly (readonly [string, LabelCatalog])[],
): void {
  const [referenceName, referenceCatalog] = reference;
  const problems = catalogs.flatMap(([name, catalog]) => {
    const missing = Object.keys(referenceCatalog).filter((key) => !Object.hasOwn(catalog, key));
    return missing.map(
      (key) => `label catalog ${name} has no key "${key}" (${referenceName} has it)`,
    );
  });
  if (problems.length > 0) throw new Error(problems.join('\n'));
}
