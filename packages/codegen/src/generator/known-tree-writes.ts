import { compareCodeUnits, makeFoldersSync } from 'contracts-runtime/core';
import { randomBytes } from 'node:crypto';
import { rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sameContents, type OutputFile } from './emit/output-file.js';
import type { PartedText } from './emit/parted-text.js';
import { FileWriter, writeFileInThreadPool } from './file-writer.js';
import { knownContents, linkedFile, removeTreeFiles, type TreeDrift } from './write-tree.js';

type Contents = string | PartedText;

/** The length (UTF-16 code units) from which a file is linked to an equal one written before. */
const LINKED_TEXT_LENGTH = 1 << 20;

/**
 * Brings `outDir`, a tree this generator wrote and known to hold `known` (path -> contents, as
 * {@link knownContents} gives them), to the files of one watch rebuild while the rebuild still
 * emits: {@link take} gets each emitter's files as they are done (emitAll's `onEmitted`) and
 * starts the write of every file that changed at once, in the thread pool, to a temporary file
 * renamed over the old one (a reader never sees half a file); a text of 1 Mi code units or more
 * that equals one written before in the same rebuild (openapi.json and the site's copy) is
 * hard-linked to that file instead. The copying into the page cache then runs on another core
 * while the later emitters (docs, the site) run on this one. {@link finish} waits for the writes
 * and deletes the files no longer generated; {@link abandon}, after a failed emit, puts back what
 * was written, so the tree is the last good one again.
 */
export class KnownTreeWrites {
  private readonly taken: string[] = [];
  /** How many of the paths taken the known tree holds: all of them, when no file is extra. */
  private found = 0;
  private readonly changed: OutputFile[] = [];
  private readonly stale: string[] = [];
  private readonly missing: string[] = [];
  private readonly writes: Promise<void>[] = [];
  private readonly largeTexts = new Map<Contents, { target: string; done: Promise<void> }>();
  private readonly folders = new Set<string>();
  private readonly stamp = randomBytes(6).toString('hex');

  /**
   * `known` is updated by a {@link finish} that succeeds, to what the tree then holds (an unchanged
   * file keeps its known contents); it is left as it is otherwise.
   */
  constructor(
    private readonly outDir: string,
    private readonly known: Map<string, Contents>,
  ) {}

  /** Compares `files` with the known tree and starts writing each one that differs. */
  take(files: readonly OutputFile[]): void {
    for (const file of files) {
      this.taken.push(file.path);
      const before = this.known.get(file.path);
      if (before === undefined) {
        this.missing.push(file.path);
      } else {
        this.found++;
        if (sameContents(before, knownContents(file))) continue;
        this.stale.push(file.path);
      }
      this.changed.push(file);
      const written = this.write(file);
      // Handled here so that a failure is not unhandled before finish reports it.
      written.catch(() => undefined);
      this.writes.push(written);
    }
  }

  /**
   * How the files taken differ from the known tree (paths sorted), once every write has finished
   * and the files not taken are deleted with the folders they leave empty; `known` is then what
   * the tree holds.
   * @throws Error from the file system (the first write that failed); the files written before
   *   the failure stay written.
   */
  async finish(): Promise<TreeDrift> {
    await settled(this.writes);
    let extra: string[] = [];
    if (this.found < this.known.size) {
      const taken = new Set(this.taken);
      extra = [...this.known.keys()].filter((path) => !taken.has(path)).sort(compareCodeUnits);
    }
    await removeTreeFiles(this.outDir, extra);
    for (const file of this.changed) this.known.set(file.path, knownContents(file));
    for (const path of extra) this.known.delete(path);
    return {
      stale: this.stale.sort(compareCodeUnits),
      missing: this.missing.sort(compareCodeUnits),
      extra,
    };
  }

  /**
   * After an emit that failed part way: waits for the writes under way, then writes the known
   * contents of every stale file back and deletes every missing one written, so the tree holds
   * `known` again. Never throws: a file it cannot put back is left as the rebuild wrote it.
   */
  async abandon(): Promise<void> {
    await Promise.allSettled(this.writes);
    const writer = new FileWriter();
    for (const path of this.stale) {
      const target = join(this.outDir, path);
      const contents = this.known.get(path)!;
      const temporary = `${target}.tmp-${this.stamp}-back`;
      try {
        if (typeof contents === 'string') writer.write(temporary, contents);
        else writer.writeParts(temporary, contents.parts);
        await rename(temporary, target);
      } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    }
    await removeTreeFiles(this.outDir, this.missing).catch(() => undefined);
  }

  private write(file: OutputFile): Promise<void> {
    const target = join(this.outDir, file.path);
    const temporary = `${target}.tmp-${this.stamp}-${this.writes.length}`;
    const text = file.parts ?? file.contents;
    const large = file.parts !== undefined || file.contents.length >= LINKED_TEXT_LENGTH;
    const same = large ? this.largeTexts.get(text) : undefined;
    let done: Promise<void>;
    try {
      this.folder(dirname(target));
      // Started before this returns: the thread pool writes while the emit goes on.
      const written = same
        ? same.done.then(async () => {
            if (!linkedFile(same.target, temporary)) await writeFileInThreadPool(temporary, file);
          })
        : writeFileInThreadPool(temporary, file);
      done = written.then(() => rename(temporary, target));
    } catch (error) {
      done = Promise.reject(error as Error);
    }
    // A write that failed leaves no temporary file in the tree.
    done = done.catch(async (error: unknown) => {
      await rm(temporary, { force: true }).catch(() => undefined);
      throw error;
    });
    if (large && same === undefined) this.largeTexts.set(text, { target, done });
    return done;
  }

  /** Makes `folder` (and its parents) once per rebuild. */
  private folder(folder: string): void {
    if (this.folders.has(folder)) return;
    makeFoldersSync(folder);
    this.folders.add(folder);
  }
}

/** Waits for every promise, then rethrows the first failure. */
async function settled(promises: readonly Promise<void>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) throw (failure as PromiseRejectedResult).reason;
}
