import type { LabelCatalog } from '../docs-labels.js';
import type { OpenApiOptions } from '../openapi-emitter.js';

/**
 * Options of the site surface (`surfaces.site` in the config):
 * - `out`: the site's folder inside the output folder (default `site`);
 * - `locales`: the label catalogs to build the site in, the first being the default (default:
 *   every shipped catalog, English first: `en`, `fr`);
 * - `title`: the site title (default: the catalog's `index.title.label`);
 * - `repoUrl`: the URL prefix of the source files, for the File line (top-level `repoUrl`);
 * - `openapi`: the OpenAPI surface's options, for the API reference and `openapi.json` copy;
 * - `catalogs`: catalogs given directly by locale (tests), instead of `templates/labels/`.
 */
export interface SiteOptions {
  readonly out?: string;
  readonly locales?: readonly string[];
  readonly title?: string;
  readonly repoUrl?: string;
  readonly openapi?: OpenApiOptions;
  readonly catalogs?: Readonly<Record<string, LabelCatalog>>;
}

/** The locales of a site without `locales`: every shipped catalog, `en` first. */
export const DEFAULT_SITE_LOCALES: readonly string[] = ['en', 'fr'];
