import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileTemplate } from './template-compiler.js';
import { TemplateEnvironment } from './template-environment.js';

function findPackageRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** The `templates/` folder of this package, found from this file in both `generator/` and `dist/`. */
export const TEMPLATES_DIR =
  join(findPackageRoot(dirname(fileURLToPath(import.meta.url))), 'templates') + '/';

const cache = new Map<string, HandlebarsTemplateDelegate>();
/** The Handlebars environment every template is compiled in, with the `json` and `eq` helpers. */
export const templateEnvironment = new TemplateEnvironment({
  json: (value: unknown) => JSON.stringify(value),
  eq: (a: unknown, b: unknown) => a === b,
});

/** How every template is compiled: `strict`, `noEscape`, `knownHelpersOnly` (shared/design.md). */
export const TEMPLATE_OPTIONS = {
  strict: true,
  noEscape: true,
  knownHelpers: { json: true, eq: true },
  knownHelpersOnly: true,
} as const;

/**
 * Renders `templates/<name>` with a view model whose text is already resolved. Handlebars runs with
 * `strict`, `noEscape` and `knownHelpersOnly` (shared/design.md), so a missing field throws instead
 * of printing nothing; a template without `@` is compiled with `data: false` (no `@index` frames).
 * Registered helpers: `json` (JSON.stringify) and `eq`.
 * @throws Error when the template is missing, does not compile, or reads a missing field.
 */
export function renderTemplate(name: string, view: object): string {
  let template = cache.get(name);
  if (!template) {
    const text = readFileSync(TEMPLATES_DIR + name, 'utf8');
    // A template that reads no `@` variable renders the same without them; then Handlebars'
    // `each` builds no data frame per block (a docs page has a block per table row).
    template = compileTemplate(
      templateEnvironment,
      text,
      text.includes('@') ? TEMPLATE_OPTIONS : { ...TEMPLATE_OPTIONS, data: false },
    );
    cache.set(name, template);
  }
  return template(view);
}
