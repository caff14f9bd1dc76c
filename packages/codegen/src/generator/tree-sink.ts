import { compareCodeUnits } from 'contracts-runtime/core';
import { copyFileSync, existsSync, linkSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { OutputFile } from './emit/output-file.js';
import { FileComparer } from './file-comparer.js';
import { FileWriter } from './file-writer.js';
import {
  listFiles,
  refusalToReplace,
  removeStaging,
  stagingPathFor,
  swapInStaging,
  TREE_MARKER,
  type TreeDrift,
} from './write-tree.js';

/**
 * Where a one-shot `generate` puts each file the moment it is emitted (emitAllTo), so that no
 * file's text outlives its emission: the whole tree of a large corpus (tens of MB at 1,000
 * operations) is never in memory at once. Each file is compared with the tree on disk at once.
 * In `write` mode, the first file that differs (stale or missing) opens a staging folder beside
 * the tree; the files found equal before it are linked into it from the tree (copied where the
 * file system cannot link), and from then on each file is written there, or linked when equal, so
 * unchanged files keep their timestamps. {@link finish} swaps the staging folder in by two renames
 * (write-tree.ts), so a failure at any point leaves the old tree as it was; a tree that was
 * already up to date is not touched. In `check` mode nothing is written.
 */
export class TreeSink {
  private onDisk: Set<string> | undefined;
  private readonly stale: string[] = [];
  private readonly missing: string[] = [];
  private readonly equalSoFar: string[] = [];
  private readonly comparer = new FileComparer();
  private readonly writer = new FileWriter();
  private readonly folders = new Set<string>();
  private staging: string | undefined;

  constructor(
    private readonly outDir: string,
    private readonly mode: 'write' | 'check',
  ) {}

  /**
   * Reads which files the tree holds; call it before the first {@link take}.
   * @throws Error in `write` mode when `outDir` is a non-empty folder without the tree marker
   *   (`ir.json`): it was not written by this generator, and replacing it could destroy someone's work.
   */
  async begin(): Promise<void> {
    const existing = await listFiles(this.outDir);
    if (this.mode === 'write' && existing.length > 0 && !existing.includes(TREE_MARKER)) {
      throw refusalToReplace(this.outDir);
    }
    this.onDisk = new Set(existing);
  }

  /**
   * Compares one emitted file with the tree and, in `write` mode, stages it once anything differs.
   * @throws Error from the file system.
   */
  take(file: OutputFile): void {
    const present = this.onDisk!.delete(file.path);
    const equal = present && this.comparer.sameAs(join(this.outDir, file.path), file.contents);
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
   * exactly the emitted files.
   * @throws Error from the file system; the old tree is then as it was.
   */
  async finish(): Promise<TreeDrift> {
    const drift: TreeDrift = {
      stale: this.stale.sort(compareCodeUnits),
      missing: this.missing.sort(compareCodeUnits),
      extra: [...this.onDisk!].sort(compareCodeUnits),
    };
    if (this.mode === 'write' && drift.extra.length > 0 && this.staging === undefined) {
      this.openStaging();
    }
    const staging = this.staging;
    this.staging = undefined;
    if (staging !== undefined) await swapInStaging(this.outDir, staging);
    return drift;
  }

  /** Removes the staging folder, if any, leaving the tree as it was (an emit that failed). */
  async abort(): Promise<void> {
    const staging = this.staging;
    this.staging = undefined;
    if (staging !== undefined) await removeStaging(staging);
  }

  private openStaging(): void {
    const staging = stagingPathFor(this.outDir);
    mkdirSync(staging, { recursive: true });
    this.staging = staging;
    for (const path of this.equalSoFar) this.link(path);
    this.equalSoFar.length = 0;
  }

  private folderFor(path: string): string {
    const target = join(this.staging!, path);
    const folder = dirname(target);
    if (!this.folders.has(folder)) {
      if (!existsSync(folder)) mkdirSync(folder, { recursive: true });
      this.folders.add(folder);
    }
    return target;
  }

  private link(path: string): void {
    const target = this.folderFor(path);
    try {
      linkSync(join(this.outDir, path), target);
    } catch {
      copyFileSync(join(this.outDir, path), target);
    }
  }

  private write(file: OutputFile): void {
    this.writer.write(this.folderFor(file.path), file.contents);
  }
}
