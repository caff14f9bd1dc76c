import { createClientEmitter } from './client-emitter.js';
import type { CodeEmitterOptions } from './code-surface-helpers.js';
import { createDocsEmitter, type DocsOptions } from './docs-emitter.js';
import { createDomainIndexEmitter } from './domain-index-emitter.js';
import type { Emitter } from './emitter.js';
import { createEventsEmitter } from './events-emitter.js';
import { createHandlersEmitter } from './handlers-emitter.js';
import { DEFAULT_IMPORT_SETTINGS, type ImportSettings } from './import-settings.js';
import { irJsonEmitter } from './ir-json-emitter.js';
import { createJsonSchemaEmitter, type JsonSchemaOptions } from './json-schema-emitter.js';
import { createOpenApiEmitter, type OpenApiOptions } from './openapi-emitter.js';
import { registryEmitter } from './registry-emitter.js';
import { treeMarkerEmitter } from './tree-marker-emitter.js';
import { createSiteEmitter } from './site/site-emitter.js';
import type { SiteOptions } from './site/site-options.js';
import { typesEmitter } from './types-emitter.js';
import { createZodEmitter } from './zod-emitter.js';

/** The surfaces `contracts generate` writes, each switched on or off by name in the config. */
export const SURFACE_NAMES = [
  'ir',
  'types',
  'zod',
  'jsonSchema',
  'client',
  'handlers',
  'events',
  'registry',
  'index',
  'docs',
  'openapi',
  'site',
] as const;

/** One of {@link SURFACE_NAMES}. */
export type SurfaceName = (typeof SURFACE_NAMES)[number];

/**
 * The surfaces whose files each surface's files import: a surface cannot be on while one of these
 * is off (the config refuses it).
 */
export const SURFACE_IMPORTS: Readonly<Record<SurfaceName, readonly SurfaceName[]>> = {
  ir: [],
  types: [],
  zod: ['types'],
  jsonSchema: [],
  client: ['types'],
  handlers: ['types', 'zod', 'events'],
  events: ['types', 'zod'],
  registry: [],
  index: [],
  docs: [],
  openapi: [],
  site: [],
};

/** The module each TypeScript surface writes per domain, as the barrel re-exports it. */
const SURFACE_MODULES = {
  types: 'types',
  zod: 'schemas',
  client: 'client',
  handlers: 'handlers',
  events: 'events',
  registry: 'registry',
} as const satisfies Partial<Record<SurfaceName, string>>;

/**
 * What the emitter table is built from: the import settings of the TypeScript surfaces, the
 * surfaces left out, and the options of the docs, OpenAPI, JSON Schema and site surfaces.
 */
export interface EmitterSettings {
  readonly imports: ImportSettings;
  readonly disabled: ReadonlySet<SurfaceName>;
  readonly docs: DocsOptions;
  readonly openapi: OpenApiOptions;
  readonly jsonSchema: JsonSchemaOptions;
  readonly site: SiteOptions;
}

/** Every surface on, runtime imports by package name, default surface options. */
export const DEFAULT_EMITTER_SETTINGS: EmitterSettings = {
  imports: DEFAULT_IMPORT_SETTINGS,
  disabled: new Set(),
  docs: {},
  openapi: {},
  jsonSchema: {},
  site: {},
};

/**
 * The emitters of every enabled surface, one per surface, in one table (shared/design.md, "One
 * emitter per surface"). The barrel (`index`) re-exports the enabled TypeScript surfaces. With the
 * `ir` surface off, the tree marker (`.contracts-tree`) comes first.
 */
export function createEmitters(settings: EmitterSettings = DEFAULT_EMITTER_SETTINGS): Emitter[] {
  const code: CodeEmitterOptions = { imports: settings.imports };
  const modules = Object.entries(SURFACE_MODULES)
    .filter(([surface]) => !settings.disabled.has(surface as SurfaceName))
    .map(([, module]) => module);
  // The two largest files first: watch mode writes each emitter's files while the later ones run
  // (known-tree-writes.ts), so theirs are written during the TypeScript surfaces.
  const table: [SurfaceName, Emitter][] = [
    ['ir', irJsonEmitter],
    ['openapi', createOpenApiEmitter(settings.openapi)],
    ['types', typesEmitter],
    ['zod', createZodEmitter(code)],
    ['jsonSchema', createJsonSchemaEmitter(settings.jsonSchema)],
    ['client', createClientEmitter(code)],
    ['handlers', createHandlersEmitter(code)],
    ['events', createEventsEmitter(code)],
    ['registry', registryEmitter],
    ['index', createDomainIndexEmitter(code, modules)],
    ['docs', createDocsEmitter(settings.docs)],
    ['site', createSiteEmitter({ ...settings.site, openapi: settings.openapi })],
  ];
  const emitters = table
    .filter(([name]) => !settings.disabled.has(name))
    .map(([, emitter]) => emitter);
  // Without ir.json the tree needs another mark of what wrote it (output-folder.ts).
  return settings.disabled.has('ir') ? [treeMarkerEmitter, ...emitters] : emitters;
}

/** The emitters of {@link DEFAULT_EMITTER_SETTINGS}. */
export const ALL_EMITTERS: readonly Emitter[] = createEmitters();
