import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';

/** The part of a `node:fs/promises` FileHandle the store writers use. */
export interface StoreFileHandle {
  writeFile(data: string): Promise<void>;
  /** fsync(2): data and metadata on stable storage. */
  sync(): Promise<void>;
  close(): Promise<void>;
  read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }>;
  /** Cuts the file to `length` bytes. */
  truncate(length: number): Promise<void>;
}

/**
 * The file system calls of the store writers (atomic JSON writes, the timeline, file locks), with
 * `node:fs/promises` semantics: a rejection is a Node `ErrnoException` (`code` `ENOSPC`, `EIO` …).
 * Production code uses {@link nodeStoreFs}; tests pass a wrapper that logs calls or injects faults.
 */
export interface StoreFs {
  /** `flags` as `fs.open`: `'wx'` create exclusively, `'a'` append, `'r'` read. */
  open(path: string, flags: string): Promise<StoreFileHandle>;
  /** Creates `path` and missing parents; resolves with the first directory created, if any. */
  mkdir(path: string, options: { recursive: true }): Promise<string | undefined>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  stat(path: string): Promise<{ size: number; mtimeMs: number }>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

/** {@link StoreFs} on `node:fs/promises`. */
export const nodeStoreFs: StoreFs = { open, mkdir, rename, unlink, stat, readFile };
