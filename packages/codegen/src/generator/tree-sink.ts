import { compareCodeUnits, makeFoldersSync } from 'contracts-runtime/core';
import { copyFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from './emit/output-file.js';
import { FileComparer } from './file-comparer.js';
import { FileWriter } from './file-writer.js';
import {
  checkReplaceable,
  resolveOutDir,
  stagingPathFor,
  swapInStaging,
  sweepLeftovers,
} from './output-folder.js';
import { linkedFile, listTree, type TreeDrift } from './write-tree.js';

/**
 * Where a one-shot `generate` puts each file the moment it is emitted (emitAllTo), so that no
 * file's text outlives its emission: the whole tree of a large corpus (tens of MB at 1,000
 * operations) is never in memory at once. Each file is compared with the tree on disk at once.
 * In `write` mode, the first file that differs (stale or missing) opens a staging folder beside
 * the tree; the files found equal before it are linked into it from the tree (copied, timestamps
 * kept, where the file system cannot link), and from then on each file is written there, or
 * linked when equal, so unchanged files keep their timestamps. {@link finish} swaps the staging
 * folder in by two renames (output-folder.ts), so a failure at any point leaves the old tree as it
 * was; a tree that was already up to date is not touched. In `check` mode nothing is written. A
 * symbolic link to a folder stays a link: its target gets the tree.
 */
export class TreeSink {
  private readonly outDir: string;
  private onDisk: Set<string> | undefined;
  /** The tree's symbolic links and empty folders (write-tree.ts `listTree`), all drift. */
  private others: Set<string> | undefined;
  private readonly stale: string[] = [];
  private readonly missing: string[] = [];
  private readonly equalSoFar: string[] = [];
  private readonly comparer = new FileComparer();
  private writer: FileWriter | undefined;
  private readonly folders = new Set<string>();
  private staging: string | undefined;
  /** The first folder the staging folder's creation made (it or a parent), removed on abort. */
  private created: string | undefined;

  constructor(
    outDir: string,
    private readonly mode: 'write' | 'check',
  ) {
    this.outDir = resolveOutDir(outDir);
  }

  /**
   * Reads which files the tree holds, and in `write` mode removes the staging folders of runs that
   * were killed; call it before the first {@link take}.
   * @throws OutputFolderError when the output folder is a file.
   */
  async begin(): Promise<void> {
    if (this.mode === 'write') sweepLeftovers(this.outDir);
    try {
      const listing = await listTree(this.outDir);
      this.onDisk = new Set(listing.files);
      this.others = new Set(listing.others);
    } catch (error) {
      checkReplaceable(this.outDir);
      throw error;
    }
  }

  /**
   * Compares one emitted file with the tree and, in `write` mode, stages it once anything differs.
   * @throws OutputFolderError when the tree must change but the folder was not written by this
   *   generator; Error from the file system.
   */
  take(file: OutputFile): void {
    // A symbolic link where a file belongs is replaced by the file, whatever it points at.
    const linked = this.others!.delete(file.path);
    const present = linked || this.onDisk!.delete(file.path);
    const equal =
      !linked && present && this.comparer.sameAs(join(this.outDir, file.path), file.contents);
    if (!equal) (present ? this.stale : this.missing).push(file.path);
    if (this.mode === 'check') return;
    if (this.staging === undefined) {
      if (equal) {
        this.equalSoFar.push(file.path);
        return;
      }
      this.openStaging();
    }
    if (equal) this.link(file.path);
    else this.write(file);
  }

  /**
   * How the tree differed from the emitted files (paths sorted); in `write` mode the tree is then
   * exactly the emitted files. On a failure the staging folder is removed.
   * @throws Error from the file system; the old tree is then as it was.
   */
  async finish(): Promise<TreeDrift> {
    const drift: TreeDrift = {
      stale: this.stale.sort(compareCodeUnits),
      missing: this.missing.sort(compareCodeUnits),
      extra: [...this.onDisk!, ...this.others!].sort(compareCodeUnits),
    };
    try {
      if (this.mode === 'write' && drift.extra.length > 0 && this.staging === undefined) {
        this.openStaging();
      }
      if (this.staging !== undefined) {
        swapInStaging(this.outDir, this.staging);
        this.staging = undefined;
      }
    } catch (error) {
      this.abort();
      throw error;
    }
    return drift;
  }

  /**
   * Removes the staging folder, if any, and the parent folders its creation made, leaving the tree
   * as it was (an emit that failed, or a signal handler's: synchronous, it cannot wait).
   */
  abort(): void {
    const staging = this.staging;
    this.staging = undefined;
    if (staging !== undefined) rmSync(this.created ?? staging, { recursive: true, force: true });
  }

  private openStaging(): void {
    checkReplaceable(this.outDir);
    const staging = stagingPathFor(this.outDir);
    this.created = makeFoldersSync(staging);
    this.staging = staging;
    for (const path of this.equalSoFar) this.link(path);
    this.equalSoFar.length = 0;
  }

  private folderFor(path: string): string {
    const target = join(this.staging!, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      makeFoldersSync(folder);
      this.folders.add(folder);
    }
    return target;
  }

  private link(path: string): void {
    const source = join(this.outDir, path);
    const target = this.folderFor(path);
    if (!linkedFile(source, target)) {
      copyFileSync(source, target);
      const { atime, mtime } = statSync(source);
      utimesSync(target, atime, mtime);
    }
  }

  private write(file: OutputFile): void {
    this.writer ??= new FileWriter();
    this.writer.writeFile(this.folderFor(file.path), file);
  }
}

/**
 * How `outDir` differs from `files`, through a {@link TreeSink} in `check` mode; reads only.
 * @throws Error from the file system.
 */
export async function checkTree(outDir: string, files: readonly OutputFile[]): Promise<TreeDrift> {
  const sink = new TreeSink(outDir, 'check');
  await sink.begin();
  for (const file of files) sink.take(file);
  return sink.finish();
}

/**
 * Brings `outDir` to exactly `files` through a {@link TreeSink} in `write` mode (compared, staged
 * beside the tree once anything differs, swapped in) and returns how it differed: watch mode's
 * first build, which holds the files already.
 * @throws OutputFolderError when the tree must change but was not written by this generator; Error
 *   from the file system. The old tree is then as it was.
 */
export async function writeTree(outDir: string, files: readonly OutputFile[]): Promise<TreeDrift> {
  const sink = new TreeSink(outDir, 'write');
  try {
    await sink.begin();
    for (const file of files) sink.take(file);
    return await sink.finish();
  } catch (error) {
    sink.abort();
    throw error;
  }
}
