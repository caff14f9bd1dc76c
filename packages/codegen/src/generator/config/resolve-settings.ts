import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, relative, resolve } from 'node:path';
import type * as Tinyglobby from 'tinyglobby';
import { compareCodeUnits } from 'contracts-runtime/core';
import {
  DEFAULT_EMITTER_SETTINGS,
  SURFACE_IMPORTS,
  SURFACE_NAMES,
  type EmitterSettings,
  type SurfaceName,
} from '../emit/all-emitters.js';
import { labelLocales } from '../emit/docs-labels.js';
import { RUNTIME_PACKAGE, type RuntimeLocation } from '../emit/import-settings.js';
import { ConfigError } from './config-error.js';
import type { ContractsConfig } from './config-schema.js';
import { findConfigFile, loadConfigFile } from './load-config.js';
import { toPosix } from '../posix-path.js';

// The CommonJS build, required: its ESM build imports picomatch, a CommonJS module whose exports
// Node would first have to read.
const { globSync, isDynamicPattern } = createRequire(import.meta.url)(
  'tinyglobby',
) as typeof Tinyglobby;

/** The flags of `contracts generate` that override the config file. */
export interface GenerateFlags {
  readonly config?: string;
  readonly specs?: string;
  readonly out?: string;
  readonly runtime?: string;
  readonly importExtension?: '.js' | 'none';
}

/** Spec files that are never read as specs, whatever the config says. */
export const DEFAULT_EXCLUDE = ['**/*.test.ts', '**/*.d.ts', '**/node_modules/**'];

/** Where specs are looked for without a config or `--specs`. */
export const DEFAULT_SPECS = ['specs/**/*.ts'];

/** The output folder without a config or `--out`. */
export const DEFAULT_OUT = 'generated';

/**
 * Everything one `generate` run needs, resolved with the precedence flags > config > defaults:
 * - `rootDir`: the config file's folder (else the working directory); IR paths are relative to it;
 * - `configPath`: the config used, if any;
 * - `specFiles`: absolute paths, sorted; `specsLabel`: what was searched, for messages;
 * - `outDir`: absolute;
 * - `emitters`: the emitter table's settings.
 */
export interface GenerateSettings {
  readonly rootDir: string;
  readonly configPath?: string;
  readonly specFiles: readonly string[];
  readonly specsLabel: string;
  readonly outDir: string;
  readonly emitters: EmitterSettings;
}

function isPathLike(value: string): boolean {
  return value.startsWith('./') || value.startsWith('../') || isAbsolute(value);
}

/** Where to look for specs: globs relative to `base`, and a label for messages. */
interface SpecSearch {
  readonly base: string;
  readonly patterns: readonly string[];
  readonly label: string;
}

/**
 * A `--specs` flag, relative to `cwd`: a glob, or a folder (every `*.ts` below it, labelled by
 * the folder's path relative to `rootDir`).
 * @throws ConfigError when it is neither a glob nor an existing folder.
 */
function specSearchOfFlag(cwd: string, rootDir: string, specs: string): SpecSearch {
  if (isDynamicPattern(specs)) return { base: cwd, patterns: [specs], label: specs };
  const absolute = resolve(cwd, specs);
  if (!existsSync(absolute) || !statSync(absolute).isDirectory()) {
    throw new ConfigError(`spec folder not found: ${specs} (looked at ${absolute})`);
  }
  return {
    base: absolute,
    patterns: ['**/*.ts'],
    label: toPosix(relative(rootDir, absolute)) || '.',
  };
}

function specSearchOfConfig(rootDir: string, config: ContractsConfig): SpecSearch {
  const patterns =
    typeof config.specs === 'string' ? [config.specs] : (config.specs ?? DEFAULT_SPECS);
  return { base: rootDir, patterns, label: patterns.join(', ') };
}

function runtimeLocation(value: string, base: string, outDir: string): RuntimeLocation {
  if (!isPathLike(value)) return { kind: 'package', specifier: value };
  return { kind: 'folder', fromOut: toPosix(relative(outDir, resolve(base, value))) || '.' };
}

function surfaceSettings(config: ContractsConfig): Omit<EmitterSettings, 'imports'> {
  const surfaces = config.surfaces ?? {};
  const disabled = new Set<SurfaceName>();
  for (const [name, value] of Object.entries(surfaces)) {
    if (value === false) disabled.add(name as SurfaceName);
  }
  for (const name of SURFACE_NAMES) {
    if (disabled.has(name)) continue;
    const missing = SURFACE_IMPORTS[name].find((needed) => disabled.has(needed));
    if (missing) {
      throw new ConfigError(
        `surfaces.${missing} is off, but the ${name} surface imports it; turn ${name} off too, or ${missing} on`,
      );
    }
  }
  const locale = typeof surfaces.docs === 'object' ? surfaces.docs.locale : undefined;
  if (!disabled.has('docs') && locale !== undefined && !labelLocales().includes(locale)) {
    throw new ConfigError(
      `surfaces.docs.locale: no label catalog for "${locale}" (available: ${labelLocales().join(', ')})`,
    );
  }
  const siteLocales = typeof surfaces.site === 'object' ? surfaces.site.locales : undefined;
  const unknownLocale = siteLocales?.find((code) => !labelLocales().includes(code));
  if (!disabled.has('site') && unknownLocale !== undefined) {
    throw new ConfigError(
      `surfaces.site.locales: no label catalog for "${unknownLocale}" (available: ${labelLocales().join(', ')})`,
    );
  }
  const repoUrl = config.repoUrl !== undefined ? { repoUrl: config.repoUrl } : {};
  return {
    disabled,
    docs: { ...(typeof surfaces.docs === 'object' ? surfaces.docs : {}), ...repoUrl },
    site: { ...(typeof surfaces.site === 'object' ? surfaces.site : {}), ...repoUrl },
    openapi: typeof surfaces.openapi === 'object' ? surfaces.openapi : {},
    jsonSchema: typeof surfaces.jsonSchema === 'object' ? surfaces.jsonSchema : {},
  };
}

/**
 * Resolves the settings of a `generate` run from `flags`, the config file (`--config`, else the
 * nearest one at or above `cwd`) and the defaults.
 * @throws ConfigError for an unreadable or invalid config, a missing `--specs` folder, a surface
 *   turned off that another imports, or a docs locale without a label catalog.
 */
export async function resolveGenerateSettings(
  cwd: string,
  flags: GenerateFlags,
): Promise<GenerateSettings> {
  const configPath = flags.config !== undefined ? resolve(cwd, flags.config) : findConfigFile(cwd);
  const loaded = configPath === undefined ? undefined : await loadConfigFile(configPath);
  const config: ContractsConfig = loaded?.config ?? {};
  const rootDir = loaded ? resolve(loaded.path, '..') : cwd;

  const search =
    flags.specs !== undefined
      ? specSearchOfFlag(cwd, rootDir, flags.specs)
      : specSearchOfConfig(rootDir, config);
  const ignore = [...DEFAULT_EXCLUDE, ...(flags.specs === undefined ? (config.exclude ?? []) : [])];
  const specFiles = globSync([...search.patterns], {
    cwd: search.base,
    ignore,
    absolute: true,
    onlyFiles: true,
  })
    .filter((path) => path.endsWith('.ts'))
    .map((path) => resolve(path))
    .sort(compareCodeUnits);

  const outDir =
    flags.out !== undefined ? resolve(cwd, flags.out) : resolve(rootDir, config.out ?? DEFAULT_OUT);
  const runtime =
    flags.runtime !== undefined
      ? runtimeLocation(flags.runtime, cwd, outDir)
      : runtimeLocation(config.runtime ?? RUNTIME_PACKAGE, rootDir, outDir);
  const importExtension = (flags.importExtension ?? config.importExtension) === 'none' ? '' : '.js';

  return {
    rootDir,
    ...(loaded ? { configPath: loaded.path } : {}),
    specFiles,
    specsLabel: search.label,
    outDir,
    emitters: {
      ...DEFAULT_EMITTER_SETTINGS,
      ...surfaceSettings(config),
      imports: { runtime, importExtension },
    },
  };
}
