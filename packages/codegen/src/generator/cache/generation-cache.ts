import { makeFoldersSync } from 'contracts-runtime/core';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { GenerateSettings } from '../config/resolve-settings.js';
import type { OutputFile } from '../emit/output-file.js';
import { DiagnosticSchema, type Diagnostic } from '../ir/ir-schema.js';
import { generatorIdentity } from './generator-identity.js';
import type { InputClosure } from './input-closure.js';
import { toPosix } from '../posix-path.js';

/** One generated file as the cache records it: its path, its size in bytes and its hash. */
export interface FileDigest {
  readonly path: string;
  readonly size: number;
  /** Hex SHA-1 of the file's bytes (a change detector, not a security measure). */
  readonly sha1: string;
  /** The file's mtime (ms) when it was last seen to match, so an unchanged file is not read. */
  readonly mtimeMs?: number;
}

/**
 * What a generation produced, as the cache keeps it: its counts, diagnostics and the digest of
 * every file, sorted by path. Not the contents: a 1,000-operation tree is tens of megabytes, and
 * reading them back cost more than a tree already on disk needs. A hit is used only when the tree
 * on disk matches the digests (or to report drift under `--check`).
 */
export interface CachedGeneration {
  readonly specs: number;
  readonly models: number;
  /** The IR's diagnostics (warnings and infos: a generation with errors is never cached). */
  readonly diagnostics: readonly Diagnostic[];
  readonly files: readonly FileDigest[];
}

/**
 * The digest of one file's contents as UTF-8 (no mtime): its size in bytes and its SHA-1. Hashes
 * the text without a Buffer copy of it (a generated tree is tens of MB).
 */
export function digestOf(file: OutputFile): FileDigest {
  return {
    path: file.path,
    size: Buffer.byteLength(file.contents, 'utf8'),
    sha1: createHash('sha1').update(file.contents, 'utf8').digest('hex'),
  };
}

const ENTRY_FORMAT = 2;

const EntrySchema = z.strictObject({
  format: z.literal(ENTRY_FORMAT),
  key: z.string(),
  specs: z.number().int().min(0),
  models: z.number().int().min(0),
  diagnostics: z.array(DiagnosticSchema),
  files: z.array(
    z.strictObject({
      path: z.string(),
      size: z.number().int().min(0),
      sha1: z.string().regex(/^[0-9a-f]{40}$/),
      mtimeMs: z.number().optional(),
    }),
  ),
});

/** How many entries a cache folder keeps (the newest by modification time). */
const KEPT_ENTRIES = 4;

/** `<rootDir>/node_modules/.cache/contracts`: the default cache folder, safe to delete. */
export function defaultCacheDir(rootDir: string): string {
  return join(rootDir, 'node_modules', '.cache', 'contracts');
}

/**
 * The cache key of a generation, a hex SHA-256 over everything its bytes depend on: the generator
 * ({@link generatorIdentity}, or `generator` when given), the resolved settings (config file text,
 * spec label, surfaces and their options, runtime imports) and the path and text of every spec file
 * and every file they import. Paths are relative to `settings.rootDir`.
 */
export function generationKey(
  settings: GenerateSettings,
  closure: InputClosure,
  generator: string = generatorIdentity(),
): string {
  const hash = createHash('sha256');
  const field = (name: string, value: string) => hash.update(`${name}\0${value}\0`);
  field('generator', generator);
  field(
    'settings',
    JSON.stringify(
      {
        specsLabel: settings.specsLabel,
        outDir: toPosix(relative(settings.rootDir, settings.outDir)),
        emitters: settings.emitters,
      },
      (_key, value: unknown) => (value instanceof Set ? [...value].sort() : value),
    ),
  );
  if (settings.configPath) field('config', readFileSync(settings.configPath, 'utf8'));
  field('specs', closure.files.length.toString());
  for (const path of closure.files) {
    field('file', toPosix(relative(settings.rootDir, path)));
    field('text', closure.texts.get(path) ?? '');
  }
  return hash.digest('hex');
}

/** Where a warning about the cache goes (stderr in the CLI). */
export type CacheWarning = (message: string) => void;

/**
 * A folder of cached generations, one JSON file per key. Reading never fails: an unreadable,
 * truncated or foreign entry is reported through `warn` and treated as a miss, and the next store
 * replaces it. Writing is atomic (a temporary file renamed into place), so a run killed while
 * storing leaves no half entry behind. Safe to delete at any time.
 */
export class GenerationCache {
  constructor(
    readonly dir: string,
    private readonly warn: CacheWarning,
  ) {}

  private pathOf(key: string): string {
    return join(this.dir, `${key}.json`);
  }

  /** The generation stored under `key`, or undefined (a miss, or an entry that cannot be used). */
  lookup(key: string): CachedGeneration | undefined {
    const path = this.pathOf(key);
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = EntrySchema.parse(JSON.parse(text));
      if (entry.key !== key) throw new Error(`it holds key ${entry.key.slice(0, 12)}…`);
      const { specs, models, diagnostics, files } = entry;
      return { specs, models, diagnostics, files };
    } catch (error) {
      const reason = error instanceof z.ZodError ? 'not a cache entry' : (error as Error).message;
      this.warn(`ignoring corrupt cache entry ${path} (${reason.split('\n')[0]})`);
      return undefined;
    }
  }

  /**
   * Stores `generation` under `key` and drops all but the newest {@link KEPT_ENTRIES} entries. A
   * failure to write (read-only folder, full disk) is reported through `warn`, never thrown.
   */
  store(key: string, generation: CachedGeneration): void {
    const entry = { format: ENTRY_FORMAT, key, ...generation };
    const path = this.pathOf(key);
    const temporary = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      makeFoldersSync(this.dir);
      writeFileSync(temporary, JSON.stringify(entry));
      renameSync(temporary, path);
      this.prune();
    } catch (error) {
      removeIfThere(temporary);
      this.warn(`could not write the cache in ${this.dir}: ${(error as Error).message}`);
    }
  }

  private prune(): void {
    const entries = readdirSync(this.dir)
      .filter((name) => /^[0-9a-f]{64}\.json$/.test(name))
      .map((name) => ({ name, mtime: statSync(join(this.dir, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const stale of entries.slice(KEPT_ENTRIES))
      rmSync(join(this.dir, stale.name), { force: true });
  }
}

/**
 * Removes `path` if it exists; any failure is ignored. After a failed store there may be no such
 * file, or no such folder: a cache folder that is a file makes even `rmSync`'s `force` throw
 * ENOTDIR.
 */
function removeIfThere(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there.
  }
}
