import { watch, type FSWatcher } from 'chokidar';
import { existsSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { generateWithCache, type Generation } from '../generator/cache/cached-generation.js';
import type { GenerateSettings } from '../generator/config/resolve-settings.js';
import { summarizeDiagnostics } from '../generator/format-diagnostics.js';
import { GenerationSession } from '../generator/session/generation-session.js';
import { writeTree } from '../generator/tree-sink.js';
import type { PartedText } from '../generator/emit/parted-text.js';
import { KnownTreeWrites } from '../generator/known-tree-writes.js';
import { knownContents, type TreeDrift } from '../generator/write-tree.js';
import { cacheOf, printDiagnostics, progressLine, type GenerateOptions } from './run-generate.js';
import { ExitCode } from './exit-codes.js';
import { FolderWatch } from './folder-watch.js';
import { generateSettingsOf } from './generate-settings.js';
import { plural } from './plural.js';

/**
 * How long a burst of file events is waited out before one rebuild starts, in ms: webpack 5's
 * default `watchOptions.aggregateTimeout`. A save whose events come further apart costs one more
 * rebuild, never a stale tree (events during a rebuild queue the next one).
 */
export const DEBOUNCE_MS = 20;

/**
 * The tree watch mode last wrote: where, and what it holds (path -> contents), kept up to date by
 * each rebuild's {@link KnownTreeWrites}.
 */
interface WrittenTree {
  readonly outDir: string;
  readonly files: Map<string, string | PartedText>;
}

/** What is watched for one settings: the files (inputs, specs, config) and the spec folders. */
function watchedPaths(
  settings: GenerateSettings,
  inputs: readonly string[],
): { files: Set<string>; folders: Set<string> } {
  const files = new Set([...inputs, ...settings.specFiles]);
  if (settings.configPath) files.add(settings.configPath);
  const folders = new Set(settings.specFiles.map((path) => dirname(path)));
  return { files, folders };
}

/** True for a path a spec glob may match: a `.ts` or `.mts` file. */
function isSpecFileName(path: string): boolean {
  return path.endsWith('.ts') || path.endsWith('.mts');
}

/** Makes `watcher` watch `next` instead of `previous`: adds what is new, unwatches what is gone. */
function rewatch(
  watcher: FSWatcher | undefined,
  previous: ReadonlySet<string>,
  next: ReadonlySet<string>,
): void {
  if (!watcher) return;
  const added = [...next].filter((path) => !previous.has(path));
  const removed = [...previous].filter((path) => !next.has(path));
  if (added.length > 0) watcher.add(added);
  if (removed.length > 0) watcher.unwatch(removed);
}

/**
 * `contracts generate --watch`: {@link watchLoop} until SIGINT (Ctrl-C) or SIGTERM; resolves with
 * exit code 0 after closing the watcher.
 * @throws CliError (exit 2) when the settings cannot be resolved at start.
 */
export async function watchGenerate(options: GenerateOptions): Promise<number> {
  await watchLoop(
    options,
    new Promise<void>((stop) => {
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    }),
  );
  return ExitCode.Ok;
}

/**
 * The watch loop of `contracts generate --watch` and `contracts docs serve`: one generation (with
 * the cache, like `generate`), then a rebuild (incremental: generator/session/
 * generation-session.ts) after every burst of changes to a spec file, a file a spec imports, a
 * spec folder (a new spec) or the config file, all watched with chokidar. The settings are
 * resolved again only after a burst that added or removed a path or changed the config file. Each
 * rebuild prints one line on stderr, `contracts: rebuilt: N files changed in T ms`, and writes only
 * the files that changed (deleting those no longer generated). A rebuild with error diagnostics
 * prints them and `contracts: rebuild failed: …` (`build failed: …` for the first one), and leaves
 * the last good tree as it is. Resolves once `stopped` has resolved and the rebuild under way (if
 * any) has finished, after closing the watcher.
 * @throws CliError (exit 2) when the settings cannot be resolved at start.
 */
export async function watchLoop(options: GenerateOptions, stopped: Promise<void>): Promise<void> {
  let settings = await generateSettingsOf(options);
  let written: WrittenTree | undefined;
  let watcher: FSWatcher | undefined;
  let folderWatch: FolderWatch | undefined;
  let watched = new Set<string>();
  let folders = new Set<string>();
  // Settings are a function of the config file and of which spec files exist, so a burst that only
  // changed the contents of specs (or of files they import) keeps them: resolving them again globs
  // every spec folder (15-40 ms at 1,000 specs).
  let settingsStale = false;
  // What the next rebuild reads again: the files whose change events came, or every file read so
  // far after an event that may have made, removed or renamed one.
  let changedFiles: Set<string> | 'every' = new Set();
  const fileChanged = (path: string) => {
    if (changedFiles !== 'every') changedFiles.add(path);
  };
  const session = new GenerationSession();

  const rebuild = async (first: boolean): Promise<void> => {
    const started = performance.now();
    const took = () => `${Math.round(performance.now() - started)} ms`;
    if (settingsStale) {
      settingsStale = false;
      try {
        settings = await generateSettingsOf(options);
      } catch (error) {
        settingsStale = true;
        progressLine(
          `rebuild failed: ${(error as Error).message}; the last good tree is kept (${took()})`,
        );
        return;
      }
    }
    const out = relative(process.cwd(), settings.outDir) || '.';
    // The first build may be answered by the disk cache; rebuilds keep their state in memory.
    const cache = first ? cacheOf(options, settings) : undefined;
    const reread = changedFiles;
    changedFiles = new Set();
    const known = written?.outDir === settings.outDir ? written : undefined;
    // Against the tree last written, each changed file is written as soon as its emitter is done,
    // while the later emitters run; else the tree on disk is compared once the emit is over and,
    // when it differs, replaced (unchanged files linked, keeping their mtimes).
    const writes = known && !cache ? new KnownTreeWrites(settings.outDir, known.files) : undefined;
    let generation: Generation;
    try {
      generation = cache
        ? await generateWithCache(settings, cache)
        : await session.generate(
            settings,
            reread === 'every' ? undefined : [...reread],
            writes && ((emitted) => writes.take(emitted)),
          );
    } catch (error) {
      changedFiles = 'every';
      await writes?.abandon();
      throw error;
    }
    const paths = watchedPaths(settings, generation.inputs);
    rewatch(watcher, watched, paths.files);
    folderWatch?.set(paths.folders);
    watched = paths.files;
    folders = paths.folders;
    printDiagnostics(generation, settings.rootDir);
    const files = generation.files;
    if (generation.cached) {
      // The cache found the tree on disk already up to date: the next rebuild diffs against it.
      written = undefined;
      progressLine(
        `built: 0 files changed in ${took()}; ${summarizeDiagnostics(generation.diagnostics)}`,
      );
      return;
    }
    if (!files) {
      progressLine(
        `${first ? 'build' : 'rebuild'} failed: ${summarizeDiagnostics(generation.diagnostics)}; ${out}/ keeps the last good tree (${took()})`,
      );
      return;
    }
    let drift: TreeDrift;
    if (writes) {
      drift = await writes.finish();
    } else {
      drift = await writeTree(settings.outDir, files);
      written = {
        outDir: settings.outDir,
        files: new Map(files.map((file) => [file.path, knownContents(file)])),
      };
    }
    const changed = drift.stale.length + drift.missing.length + drift.extra.length;
    progressLine(
      `${first ? 'built' : 'rebuilt'}: ${plural(changed, 'file')} changed in ${took()}; ${summarizeDiagnostics(generation.diagnostics)}`,
    );
  };

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = rebuild(false)
      .catch((error: unknown) => progressLine(`rebuild failed: ${(error as Error).message}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  };
  await rebuild(true);
  watcher = watch([...watched], {
    ignoreInitial: true,
    depth: 0,
    ignored: (path) => path.startsWith(settings.outDir) || path.includes('/node_modules/'),
  });
  await new Promise<void>((ready) => watcher!.once('ready', () => ready()));
  // An entry event changes the settings only when a spec file came or went. An editor's atomic
  // save (a temporary file renamed over a watched file) leaves the file there, with a new inode:
  // it is watched afresh, since chokidar's watch of the old inode can miss the rename and go
  // silent, and it is rebuilt as a content change.
  folderWatch = new FolderWatch((path) => {
    const exists = existsSync(path);
    if (watched.has(path) && exists) {
      watcher?.unwatch(path);
      watcher?.add(path);
      if (path === settings.configPath) settingsStale = true;
      fileChanged(path);
      schedule();
      return;
    }
    const entryChanged = isSpecFileName(path) && watched.has(path) !== exists;
    if (!entryChanged && !folders.has(path)) return;
    settingsStale = true;
    changedFiles = 'every';
    schedule();
  });
  folderWatch.set(folders);
  progressLine(
    `watching ${plural(watched.size + folders.size, 'path')} for changes; Ctrl-C to stop`,
  );

  watcher.on('all', (event, path) => {
    if (!isSpecFileName(path) && !watched.has(path)) return;
    if (event === 'change') fileChanged(path);
    else changedFiles = 'every';
    if (event !== 'change' || path === settings.configPath) settingsStale = true;
    schedule();
  });

  await stopped;
  clearTimeout(timer);
  await running;
  folderWatch.close();
  await watcher.close();
}
