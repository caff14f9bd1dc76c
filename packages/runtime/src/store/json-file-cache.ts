import { statSync, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';

import { deepFreeze } from '../deep-freeze.js';
import { parseRecord } from './store-errors.js';

/**
 * How old (ms, wall clock) a file's mtime must be, when it is opened, before its parse is kept:
 * over the coarsest file timestamps in use (FAT 2 s; ext3/HFS+ 1 s) plus a kernel clock tick.
 */
export const RACY_MARGIN_MS = 3_000;

/** Options of {@link JsonFileCache}. */
export interface JsonFileCacheOptions {
  /** Most JSON text kept, in UTF-16 code units summed over entries; default 16 Mi. */
  readonly maxChars?: number;
  /** Error messages name files relative to this directory (the state directory); else absolute. */
  readonly root?: string;
}

interface Entry {
  readonly dev: number;
  readonly ino: number;
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly value: unknown;
  readonly chars: number;
}

function sameFile(stats: Stats, entry: Entry): boolean {
  return (
    stats.ino === entry.ino &&
    stats.size === entry.size &&
    stats.mtimeMs === entry.mtimeMs &&
    stats.ctimeMs === entry.ctimeMs &&
    stats.dev === entry.dev
  );
}

const STAT_OPTIONS = { throwIfNoEntry: false } as const;

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Parsed JSON files kept in memory, for the harness read path (run records, evidence files,
 * evaluations), which other processes (a cancel, a detached run) rewrite at any time. A read
 * stats the path (once per event-loop turn, see below), and a kept parse is answered only when the
 * file is still the one it was parsed from: same device, inode, size, mtime and ctime. Writers replace files by temp file + rename
 * (runtime/store/atomic-json.ts), so a new version is a new inode while the old one is still
 * linked; an inode number can be reused only by a file created after the old one was read, whose
 * mtime is then later than that read. So a parse is kept only when the file's mtime was more than
 * {@link RACY_MARGIN_MS} before the file was opened (git's "racy clean" rule), and a file written
 * more recently is re-read on every call until it is old enough; files whose inode number is over
 * 2^53 (not exact as a number) are never kept. The stat is synchronous: one metadata syscall,
 * measured at a third of the CPU of the thread-pool `fs.stat` under load.
 *
 * A kept parse is validated at most once per event-loop turn: later reads of the path in the same
 * turn trust that stat, and the set of validated paths is cleared by a `setImmediate`, which runs
 * once the turn's I/O callbacks are done. Requests read from the sockets in one poll phase are
 * answered from one snapshot, as if they had arrived together, so a rewrite by another process
 * shows from the next turn on. The stat was a fifth of the server's CPU per request in a
 * benchmark, where dozens of requests for one record share a turn. Writers in this process call
 * {@link JsonFileCache.forget} after writing, so they always read their own writes.
 * Values are deeply frozen (runtime/deep-freeze.ts), so no caller can change what another reads.
 * The oldest entries go first once the kept text passes `maxChars`.
 */
export class JsonFileCache {
  private readonly entries = new Map<string, Entry>();
  /** Paths whose kept parse was validated by a stat in this event-loop turn. */
  private readonly validatedThisTurn = new Set<string>();
  private chars = 0;
  private readonly maxChars: number;
  private readonly root: string | undefined;

  constructor(options: JsonFileCacheOptions = {}) {
    this.maxChars = options.maxChars ?? 16 * 1024 * 1024;
    this.root = options.root;
  }

  /**
   * The parsed, deeply frozen content of `filePath`; undefined when the file does not exist.
   * @throws CorruptRecordError (a SyntaxError) naming the file (relative to `root`) and the
   *   line:column where it stops being JSON (RFC 8259); the I/O error of a failed read (not ENOENT).
   */
  async read(filePath: string): Promise<unknown> {
    const entry = this.entries.get(filePath);
    if (entry !== undefined) {
      const state = this.check(filePath, entry);
      if (state === 'kept') return entry.value;
      if (state === 'missing') return undefined;
    }
    return this.load(filePath);
  }

  /**
   * The kept parse of `filePath` when the file is still the one it was parsed from (validated as
   * {@link read} validates it: a stat, at most once per event-loop turn), else undefined; never
   * reads the file. So a caller answers at once, without a promise, when the parse is kept, and
   * falls back to {@link read} when it is not.
   * @throws the I/O error of a failed stat other than ENOENT.
   */
  kept(filePath: string): unknown {
    const entry = this.entries.get(filePath);
    return entry !== undefined && this.check(filePath, entry) === 'kept' ? entry.value : undefined;
  }

  /**
   * Whether `entry` still describes the file at `filePath` (`kept`), or the file changed or is
   * gone; an entry that no longer describes it is forgotten.
   */
  private check(filePath: string, entry: Entry): 'kept' | 'changed' | 'missing' {
    if (this.validatedThisTurn.has(filePath)) return 'kept';
    const current = statSync(filePath, STAT_OPTIONS);
    if (current !== undefined && sameFile(current, entry)) {
      this.markValidated(filePath);
      return 'kept';
    }
    this.forget(filePath);
    return current === undefined ? 'missing' : 'changed';
  }

  /** Drops the entry of `filePath`, if any; writers in this process call it after each write. */
  forget(filePath: string): void {
    this.validatedThisTurn.delete(filePath);
    const entry = this.entries.get(filePath);
    if (entry === undefined) return;
    this.entries.delete(filePath);
    this.chars -= entry.chars;
  }

  private markValidated(filePath: string): void {
    if (this.validatedThisTurn.size === 0) setImmediate(() => this.validatedThisTurn.clear());
    this.validatedThisTurn.add(filePath);
  }

  private async load(filePath: string): Promise<unknown> {
    const openedAt = Date.now();
    let handle;
    try {
      handle = await open(filePath, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    let stats: Stats;
    let text: string;
    try {
      stats = await handle.stat();
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
    const value = deepFreeze(parseRecord(text, filePath, this.root));
    const settled = stats.mtimeMs < openedAt - RACY_MARGIN_MS;
    if (settled && Number.isSafeInteger(stats.ino) && text.length <= this.maxChars) {
      this.keep(filePath, stats, value, text.length);
    }
    return value;
  }

  private keep(filePath: string, stats: Stats, value: unknown, chars: number): void {
    this.forget(filePath);
    const { dev, ino, size, mtimeMs, ctimeMs } = stats;
    this.entries.set(filePath, { dev, ino, size, mtimeMs, ctimeMs, value, chars });
    this.chars += chars;
    for (const [path, old] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.entries.delete(path);
      this.validatedThisTurn.delete(path);
      this.chars -= old.chars;
    }
  }
}
