import { stat, type BigIntStats } from 'node:fs';
import { open } from 'node:fs/promises';

import { deepFreeze } from '../deep-freeze.js';

/**
 * How old (ms, wall clock) a file's mtime must be, when it is opened, before its parse is kept:
 * over the coarsest file timestamps in use (FAT 2 s; ext3/HFS+ 1 s) plus a kernel clock tick.
 */
export const RACY_MARGIN_MS = 3_000;

/** Options of {@link JsonFileCache}; `now` (ms since the epoch) is injectable for tests. */
export interface JsonFileCacheOptions {
  /** Most JSON text kept, in UTF-16 code units summed over entries; default 16 Mi. */
  readonly maxChars?: number;
  readonly now?: () => number;
}

interface FileIdentity {
  readonly dev: bigint;
  readonly ino: bigint;
  readonly size: bigint;
  readonly mtimeNs: bigint;
  readonly ctimeNs: bigint;
}

interface Entry {
  readonly identity: FileIdentity;
  readonly value: unknown;
  readonly chars: number;
}

function identityOf(stats: BigIntStats): FileIdentity {
  const { dev, ino, size, mtimeNs, ctimeNs } = stats;
  return { dev, ino, size, mtimeNs, ctimeNs };
}

function sameFile(stats: BigIntStats, identity: FileIdentity): boolean {
  return (
    stats.ino === identity.ino &&
    stats.size === identity.size &&
    stats.mtimeNs === identity.mtimeNs &&
    stats.ctimeNs === identity.ctimeNs &&
    stats.dev === identity.dev
  );
}

/** `fs.stat` through its callback: a third of the CPU of `fs/promises`' stat on Node 20. */
function statOf(filePath: string): Promise<BigIntStats> {
  return new Promise((resolve, reject) =>
    stat(filePath, { bigint: true }, (error, stats) => (error ? reject(error) : resolve(stats))),
  );
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

/**
 * Parsed JSON files kept in memory, for the harness read path (run records, evidence files,
 * evaluations), which other processes (a cancel, a detached run) rewrite at any time. Every read
 * stats the path, and a kept parse is answered only when the file is still the one it was parsed
 * from: same device, inode, size, mtime and ctime (nanoseconds). Writers replace files by temp file
 * + rename (runtime/store/atomic-json.ts), so a new version is a new inode; an inode number can be
 * reused only by a file created after the old one was read, and that file's mtime is then later
 * than the read. So a parse is kept only when the file's mtime was more than
 * {@link RACY_MARGIN_MS} before the file was opened (git's "racy clean" rule): a newer file is
 * re-read on every call until it is old enough. Values are deeply frozen (runtime/deep-freeze.ts),
 * so no caller can change what another one reads. Least recently used entries go first once the
 * kept text passes `maxChars`.
 */
export class JsonFileCache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;
  private readonly maxChars: number;
  private readonly now: () => number;

  constructor(options: JsonFileCacheOptions = {}) {
    this.maxChars = options.maxChars ?? 16 * 1024 * 1024;
    this.now = options.now ?? Date.now;
  }

  /**
   * The parsed, deeply frozen content of `filePath`; undefined when the file does not exist.
   * @throws the I/O error (other than ENOENT) or the SyntaxError of invalid JSON.
   */
  async read(filePath: string): Promise<unknown> {
    const entry = this.entries.get(filePath);
    if (entry !== undefined) {
      let current: BigIntStats;
      try {
        current = await statOf(filePath);
      } catch (error) {
        this.forget(filePath);
        if (isMissing(error)) return undefined;
        throw error;
      }
      if (sameFile(current, entry.identity)) {
        this.entries.delete(filePath);
        this.entries.set(filePath, entry);
        return entry.value;
      }
      this.forget(filePath);
    }
    return this.load(filePath);
  }

  /** Drops the entry of `filePath`, if any. */
  forget(filePath: string): void {
    const entry = this.entries.get(filePath);
    if (entry === undefined) return;
    this.entries.delete(filePath);
    this.chars -= entry.chars;
  }

  private async load(filePath: string): Promise<unknown> {
    const openedAt = this.now();
    let handle;
    try {
      handle = await open(filePath, 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    let stats: BigIntStats;
    let text: string;
    try {
      stats = await handle.stat({ bigint: true });
      text = await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
    const value = deepFreeze(JSON.parse(text) as unknown);
    const settled = Number(stats.mtimeNs / 1_000_000n) < openedAt - RACY_MARGIN_MS;
    if (settled && text.length <= this.maxChars) {
      this.forget(filePath);
      this.entries.set(filePath, { identity: identityOf(stats), value, chars: text.length });
      this.chars += text.length;
      for (const [path, old] of this.entries) {
        if (this.chars <= this.maxChars) break;
        this.entries.delete(path);
        this.chars -= old.chars;
      }
    }
    return value;
  }
}
