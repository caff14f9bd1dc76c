import { relative, resolve } from 'node:path';
import { generateWithCache, type Generation } from '../generator/cache/cached-generation.js';
import { defaultCacheDir, GenerationCache } from '../generator/cache/generation-cache.js';
import type { GenerateFlags, GenerateSettings } from '../generator/config/resolve-settings.js';
import { formatDiagnostic, summarizeDiagnostics } from '../generator/format-diagnostics.js';
import { OutputFolderError } from '../generator/output-folder.js';
import { TreeSink } from '../generator/tree-sink.js';
import { isClean, type TreeDrift } from '../generator/write-tree.js';
import { CliError, ExitCode } from './exit-codes.js';
import { generateSettingsOf } from './generate-settings.js';
import { plural } from './plural.js';

/** The flags of `contracts generate`. */
export interface GenerateOptions extends GenerateFlags {
  check?: boolean;
  watch?: boolean;
  /** False with `--no-cache`. */
  cache?: boolean;
  cacheDir?: string;
  format: 'text' | 'json';
}

function elapsed(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function printDrift(drift: TreeDrift, out: string): void {
  for (const [label, paths] of [
    ['stale', drift.stale],
    ['missing', drift.missing],
    ['extra', drift.extra],
  ] as const) {
    for (const path of paths) process.stderr.write(`  ${label}: ${out}/${path}\n`);
  }
}

/** `contracts: <line>` on stderr. */
export function progressLine(line: string): void {
  process.stderr.write(`contracts: ${line}\n`);
}

/**
 * The cache `options` ask for: none with `--no-cache`, else `--cache-dir` (relative to the current
 * folder) or `node_modules/.cache/contracts` under the project root. Cache warnings go to stderr.
 */
export function cacheOf(options: GenerateOptions, settings: GenerateSettings) {
  if (options.cache === false) return undefined;
  const dir = options.cacheDir
    ? resolve(process.cwd(), options.cacheDir)
    : defaultCacheDir(settings.rootDir);
  return new GenerationCache(dir, (message) => progressLine(`warning: ${message}`));
}

/** Prints a generation's diagnostics with code frames (colors on a terminal). */
export function printDiagnostics(generation: Generation, rootDir: string): void {
  const color = process.stderr.isTTY === true;
  for (const diagnostic of generation.diagnostics) {
    process.stderr.write(formatDiagnostic(diagnostic, rootDir, color));
  }
}

/**
 * Runs `contracts generate` and returns its exit code: 0 ok, 1 error diagnostics or drift under
 * `--check`. With `--watch` it keeps running (watch-generate.ts) and returns 0 on Ctrl-C.
 * @throws CliError (exit 2) for `--watch` with `--check` or `--format json`, or a config error.
 * Kept apart from the command's definition so that other commands never load ts-morph; a cache hit
 * (generator/cache) does not load it either.
 */
export async function runGenerate(options: GenerateOptions): Promise<number> {
  if (options.watch && (options.check || options.format === 'json')) {
    throw new CliError(
      '--watch writes the tree and prints text: it takes neither --check nor --format json',
      ExitCode.Usage,
    );
  }
  if (options.watch) {
    const { watchGenerate } = await import('./watch-generate.js');
    return watchGenerate(options);
  }
  return generate(options);
}

function hasErrors(generation: Generation): boolean {
  return generation.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/**
 * Runs `work` with the sink's staging folder removed when it fails, and when SIGINT or SIGTERM
 * stops the process meanwhile (exit code 130 or 143, as a shell reports a process those signals
 * killed). A signal is handled at the next turn of the event loop (emitAllTo gives one between
 * emitters); the swap of the new tree is synchronous, so it is never cut in half. An output folder
 * the generator may not replace is a usage error.
 * @throws CliError (exit 2) for an OutputFolderError; whatever else `work` throws.
 */
async function withSinkCleanup<T>(sink: TreeSink, work: () => Promise<T>): Promise<T> {
  const stop = (signal: NodeJS.Signals) => {
    sink.abort();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    return await work();
  } catch (error) {
    sink.abort();
    if (error instanceof OutputFolderError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

async function generate(options: GenerateOptions): Promise<number> {
  const started = performance.now();
  const settings = await generateSettingsOf(options);
  const rootDir = settings.rootDir;
  const out = relative(process.cwd(), settings.outDir) || '.';
  const json = options.format === 'json';
  const progress = (line: string) => {
    if (!json) progressLine(line);
  };
  // Each file is compared (and, when the tree differs, staged) as soon as it is emitted.
  const mode = options.check ? 'check' : 'write';
  const sink = new TreeSink(settings.outDir, mode);
  const { generation, drift: streamedDrift } = await withSinkCleanup(sink, async () => {
    const generation = await generateWithCache(settings, cacheOf(options, settings), mode, sink);
    if (hasErrors(generation) || generation.drift) return { generation };
    // The sink has compared every file as it was emitted and, in write mode, staged the new tree.
    return { generation, drift: await sink.finish() };
  });
  progress(
    generation.cached
      ? `${plural(generation.specs, 'spec')} and ${plural(generation.models, 'model')} unchanged since a cached run; parsing skipped`
      : `parsed ${plural(generation.specs, 'spec')} and ${plural(generation.models, 'model')} in ${Math.round(generation.parseMs)} ms`,
  );
  if (!json) printDiagnostics(generation, rootDir);
  if (hasErrors(generation)) {
    if (json) {
      process.stdout.write(
        JSON.stringify({ ok: false, diagnostics: generation.diagnostics }, null, 2) + '\n',
      );
    } else {
      progress(`${summarizeDiagnostics(generation.diagnostics)}; ${out}/ left untouched`);
    }
    return ExitCode.Failure;
  }
  if (!generation.cached) {
    progress(
      `emitted and compared ${plural(generation.fileCount, 'file')} in ${Math.round(generation.emitMs)} ms`,
    );
  }
  const drift = generation.drift ?? streamedDrift!;
  const count = generation.fileCount;
  if (options.check) {
    const clean = isClean(drift);
    if (json) {
      process.stdout.write(
        JSON.stringify({ ok: clean, diagnostics: generation.diagnostics, drift }, null, 2) + '\n',
      );
    } else if (clean) {
      progress(`${out}/ is up to date (${plural(count, 'file')})`);
    } else {
      printDrift(drift, out);
      progress(
        `${out}/ is out of date: ${drift.stale.length} stale, ${drift.missing.length} missing, ${drift.extra.length} extra; run \`npm run codegen\``,
      );
    }
    return clean ? ExitCode.Ok : ExitCode.Failure;
  }
  // An unchanged tree is left alone, so its files keep their timestamps (and watchers stay quiet);
  // the sink swapped a changed one in. A cache hit is used only when the tree is already clean.
  const changed = drift.stale.length + drift.missing.length + drift.extra.length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        { ok: true, diagnostics: generation.diagnostics, files: count, drift },
        null,
        2,
      ) + '\n',
    );
  } else {
    const what =
      changed === 0
        ? `${out}/ already up to date (${plural(count, 'file')})`
        : `wrote ${plural(count, 'file')} to ${out}/ (${changed} changed)`;
    progress(`${what} in ${elapsed(started)}; ${summarizeDiagnostics(generation.diagnostics)}`);
  }
  return ExitCode.Ok;
}
