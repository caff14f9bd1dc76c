import type * as Levenshtein from 'fastest-levenshtein';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { z } from 'zod';
import { ConfigError } from './config-error.js';
import { CONFIG_KEYS, ConfigSchema, type ContractsConfig } from './config-schema.js';

const require = createRequire(import.meta.url);

/** The name in `known` closest to `name` by Levenshtein distance; its package loads on first use. */
function closestName(name: string, known: readonly string[]): string {
  const { closest } = require('fastest-levenshtein') as typeof Levenshtein;
  return closest(name, [...known]);
}

/** The file names a config is looked up by, in this order, in each folder. */
export const CONFIG_FILE_NAMES = [
  'contracts.config.json',
  'contracts.config.mjs',
  'contracts.config.js',
] as const;

/** A config read from disk: its absolute path and its validated contents. */
export interface LoadedConfig {
  readonly path: string;
  readonly config: ContractsConfig;
}

/**
 * The nearest config file at or above `from`: the first of {@link CONFIG_FILE_NAMES} in `from`,
 * then in each parent folder up to the file system root. Undefined when there is none.
 */
export function findConfigFile(from: string): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function joinPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) =>
      typeof key === 'number' ? `[${key}]` : index === 0 ? String(key) : `.${String(key)}`,
    )
    .join('');
}

/** One line per problem: `<path>: <message>`, with "did you mean" for an unknown key. */
function describeIssues(error: z.ZodError): string[] {
  const lines: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      const known = CONFIG_KEYS[issue.path.map(String).join('.')] ?? [];
      for (const key of issue.keys) {
        const where = joinPath([...issue.path, key]);
        const hint = known.length > 0 ? `; did you mean "${closestName(key, known)}"?` : '';
        lines.push(`${where}: unknown key${hint} (known keys: ${known.join(', ')})`);
      }
      continue;
    }
    lines.push(`${joinPath(issue.path) || '(root)'}: ${issue.message}`);
  }
  return lines;
}

/**
 * Checks `value` against the config schema.
 * @throws ConfigError naming `origin` and every bad key path.
 */
export function parseConfig(value: unknown, origin: string): ContractsConfig {
  const parsed = ConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    `invalid config ${origin}:\n  ${describeIssues(parsed.error).join('\n  ')}`,
  );
}

/**
 * Reads and validates a config file: JSON for `.json`; for `.mjs`/`.js`, the module's default
 * export (this is the one place a user file is executed: a config is code the user chose to run).
 * @throws ConfigError when the file is missing, is not valid JSON, has no default export, or
 *   fails the schema.
 */
export async function loadConfigFile(path: string): Promise<LoadedConfig> {
  const absolute = resolve(path);
  if (!existsSync(absolute)) throw new ConfigError(`config file not found: ${absolute}`);
  let value: unknown;
  if (absolute.endsWith('.json')) {
    try {
      value = JSON.parse(readFileSync(absolute, 'utf8'));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(`config ${absolute} is not valid JSON: ${reason}`);
    }
  } else {
    const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
    if (module.default === undefined) {
      throw new ConfigError(
        `config ${absolute} has no default export; use export default defineConfig({ … })`,
      );
    }
    value = module.default;
  }
  return { path: absolute, config: parseConfig(value, absolute) };
}
