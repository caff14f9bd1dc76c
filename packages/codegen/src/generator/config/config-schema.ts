import { z } from 'zod';
import type { SurfaceName } from '../emit/all-emitters.js';

const docsSurface = z.strictObject({
  out: z.string().min(1).optional(),
  locale: z.string().min(1).optional(),
  // A URL path prefix (RFC 3986 path-absolute, ending in a segment boundary): sidebar links are
  // `<base><domain>/<page>`, so `contracts` would glue onto the domain.
  base: z
    .string()
    .regex(
      /^\/(?:[^?#]*\/)?$/,
      'must be a URL path that starts and ends with "/", e.g. "/contracts/"',
    )
    .optional(),
});

const siteSurface = z.strictObject({
  out: z.string().min(1).optional(),
  locales: z.array(z.string().min(1)).min(1).optional(),
  title: z.string().min(1).optional(),
});

const openapiSurface = z.strictObject({
  title: z.string().optional(),
  version: z.string().optional(),
  servers: z
    .array(z.strictObject({ url: z.string(), description: z.string().optional() }))
    .optional(),
});

const jsonSchemaSurface = z.strictObject({
  idBase: z.string().min(1).optional(),
});

const onOff = z.boolean();

/**
 * The `surfaces` section: each surface `true`/`false`, or the options object of the surfaces
 * that take options (docs, openapi, jsonSchema, site), which also switches it on. `docs.base` is
 * the URL path the Markdown pages are mounted at (sidebar links); `site.locales` the label
 * catalogs the site is built in, the first the default.
 */
export const SurfacesSchema = z.strictObject({
  ir: onOff.optional(),
  types: onOff.optional(),
  zod: onOff.optional(),
  jsonSchema: z.union([onOff, jsonSchemaSurface]).optional(),
  client: onOff.optional(),
  handlers: onOff.optional(),
  events: onOff.optional(),
  registry: onOff.optional(),
  index: onOff.optional(),
  docs: z.union([onOff, docsSurface]).optional(),
  openapi: z.union([onOff, openapiSurface]).optional(),
  site: z.union([onOff, siteSurface]).optional(),
} satisfies Record<SurfaceName, z.ZodType>);

/**
 * A `contracts.config.json` (or the object a `contracts.config.mjs` exports): every field is
 * optional; unknown keys are refused. Paths are relative to the config file's folder.
 * - `specs`: globs of spec files (default `specs/**\/*.ts`); `exclude`: more globs to leave out,
 *   beside the default `**\/*.test.ts` and `**\/*.d.ts`.
 * - `out`: the output folder (default `generated`).
 * - `runtime`: the runtime package (default `contracts-runtime`), or a folder of the runtime's
 *   entry modules given as `./…` or `../…`.
 * - `importExtension`: `.js` (NodeNext, the default) or `none` (bundler resolution).
 * - `repoUrl`: the URL prefix of the project's files (e.g. `https://github.com/o/r/blob/main`);
 *   the docs and the site link each spec's File line to `<repoUrl>/<path>#L<line>`.
 */
export const ConfigSchema = z.strictObject({
  $schema: z.string().optional(),
  specs: z
    .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
      error: 'expected a glob or a non-empty list of globs',
    })
    .optional(),
  exclude: z.array(z.string().min(1)).optional(),
  out: z.string().min(1).optional(),
  runtime: z.string().min(1).optional(),
  importExtension: z.enum(['.js', 'none']).optional(),
  repoUrl: z.url().optional(),
  surfaces: SurfacesSchema.optional(),
});

/**
 * The keys each object of the config accepts, by its path (`''` for the top level): what an
 * "unknown key" error lists and picks its "did you mean" from.
 */
export const CONFIG_KEYS: Readonly<Record<string, readonly string[]>> = {
  '': Object.keys(ConfigSchema.shape),
  surfaces: Object.keys(SurfacesSchema.shape),
  'surfaces.docs': Object.keys(docsSurface.shape),
  'surfaces.openapi': Object.keys(openapiSurface.shape),
  'surfaces.jsonSchema': Object.keys(jsonSchemaSurface.shape),
  'surfaces.site': Object.keys(siteSurface.shape),
};

/** The contents of a config file, as {@link ConfigSchema} accepts it. */
export type ContractsConfig = z.infer<typeof ConfigSchema>;

/**
 * Returns `config` unchanged, typed: `export default defineConfig({ … })` in
 * `contracts.config.mjs` gets completion and checks in an editor.
 */
export function defineConfig(config: ContractsConfig): ContractsConfig {
  return config;
}
