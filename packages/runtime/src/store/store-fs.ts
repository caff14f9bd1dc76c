import {
  closeSync,
  fdatasync,
  fsync,
  ftruncate,
  open as openCallback,
  read as readCallback,
  rename as renameCallback,
  unlink as unlinkCallback,
  write as writeCallback,
  writeSync,
  writev,
  writevSync,
} from 'node:fs';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { makeFolders } from '../core/make-folders.js';

/** The part of a `node:fs/promises` FileHandle the store writers use. */
export interface StoreFileHandle {
  writeFile(data: string): Promise<void>;
  /**
   * Writes the chunks in order at the file position (writev(2)); a handle without it gets their
   * concatenation through `writeFile`.
   */
  writeChunks?(chunks: readonly Buffer[]): Promise<void>;
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

/**
 * Texts up to this size, in bytes, are written with one synchronous write(2): a small write lands
 * in the page cache in microseconds, less than handing it to the thread pool and back costs.
 * Larger texts (a run record) are written from the thread pool, so the event loop never copies
 * megabytes at once.
 */
export const SYNC_WRITE_MAX_BYTES = 64 * 1024;

/** A Node callback call as a promise. */
function settled<T>(
  start: (done: (error: NodeJS.ErrnoException | null, value: T) => void) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    start((error, value) => (error ? reject(error) : resolve(value)));
  });
}

/**
 * open(2) of `path` with `flags` (as `fs.open`: `'wx'`, `'a+'`, `'r'` …; mode 0o666 before the
 * umask) from the thread pool: creating a file waits for the file system's journal while another
 * thread's fsync commits it (1.4 ms per evidence temp file in a CPU profile of a harness run that
 * opened them synchronously), which the event loop must not. Resolves with the descriptor.
 * @throws the open's ErrnoException (ENOENT, EEXIST, EACCES …).
 */
export function openDescriptor(path: string, flags: string): Promise<number> {
  return settled<number>((done) => openCallback(path, flags, 0o666, done));
}

/**
 * pread(2) of up to `length` bytes at file `position` into `buffer` from `offset`, from the thread
 * pool; resolves with the bytes read (0 at the end of the file).
 * @throws the read's ErrnoException (EIO, EBADF …).
 */
export function readAt(
  fd: number,
  buffer: Buffer,
  offset: number,
  length: number,
  position: number,
): Promise<number> {
  return settled<number>((done) => readCallback(fd, buffer, offset, length, position, done));
}

/**
 * fsync(2) of `fd` (data and metadata) from the thread pool.
 * @throws the fsync's ErrnoException (EIO, ENOSPC, EINVAL for a descriptor that cannot sync …).
 */
export function syncDescriptor(fd: number): Promise<void> {
  return settled<void>((done) => fsync(fd, (error) => done(error, undefined)));
}

/**
 * fdatasync(2) of `fd` (the data, and the metadata needed to read it back, such as the size) from
 * the thread pool.
 * @throws the fdatasync's ErrnoException (EIO, ENOSPC …).
 */
export function syncDescriptorData(fd: number): Promise<void> {
  return settled<void>((done) => fdatasync(fd, (error) => done(error, undefined)));
}

/**
 * ftruncate(2): cuts the file of `fd` to `length` bytes, from the thread pool.
 * @throws the ftruncate's ErrnoException (EIO, EINVAL …).
 */
export function truncateDescriptor(fd: number, length: number): Promise<void> {
  return settled<void>((done) => ftruncate(fd, length, (error) => done(error, undefined)));
}

/**
 * A file descriptor with the {@link StoreFileHandle} calls. Opening, fsync, reading, truncating and
 * large writes go through the thread pool (they may wait for the disk); small writes and close(2)
 * are synchronous (see {@link SYNC_WRITE_MAX_BYTES}). After `close` the descriptor is forgotten, so
 * a second `close` never closes a number the kernel has since given to another file.
 */
class FdHandle implements StoreFileHandle {
  private fd: number | undefined;

  constructor(fd: number) {
    this.fd = fd;
  }

  /** The descriptor; throws EBADF once closed. */
  private get descriptor(): number {
    if (this.fd === undefined) {
      throw Object.assign(new Error('EBADF: file already closed'), {
        code: 'EBADF',
        syscall: 'write',
      });
    }
    return this.fd;
  }

  /** Writes all of `data` at the file position (see {@link writeText}). */
  async writeFile(data: string): Promise<void> {
    await writeText(this.descriptor, data);
  }

  /** Writes all of `chunks` at the file position (see {@link writeBuffers}). */
  async writeChunks(chunks: readonly Buffer[]): Promise<void> {
    await writeBuffers(this.descriptor, chunks);
  }

  async sync(): Promise<void> {
    await syncDescriptor(this.descriptor);
  }

  async read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
  ): Promise<{ bytesRead: number }> {
    const bytesRead = await readAt(this.descriptor, buffer, offset, length, position);
    return { bytesRead };
  }

  async truncate(length: number): Promise<void> {
    await truncateDescriptor(this.descriptor, length);
  }

  /** close(2), synchronously (a local file's close does not wait for the disk); once. */
  async close(): Promise<void> {
    const fd = this.fd;
    if (fd === undefined) return;
    this.fd = undefined;
    closeSync(fd);
  }
}

/** UTF-8 takes at most 3 bytes per UTF-16 code unit. */
const MAX_UTF8_PER_UNIT = 3;

/**
 * Writes all of `data` (UTF-8) to `fd` at its file position (the end, for O_APPEND), looping over
 * short writes: synchronously up to {@link SYNC_WRITE_MAX_BYTES}, else from the thread pool. A
 * string short enough goes to write(2) as it is (Node encodes it outside the JS heap); a longer
 * one is encoded once into a Buffer.
 * @throws the write's ErrnoException (ENOSPC, EIO …).
 */
export async function writeText(fd: number, data: string): Promise<void> {
  if (data.length * MAX_UTF8_PER_UNIT <= SYNC_WRITE_MAX_BYTES) {
    const written = writeSync(fd, data, null, 'utf8');
    if (written < Buffer.byteLength(data, 'utf8')) writeSyncFrom(fd, Buffer.from(data), written);
    return;
  }
  const bytes = Buffer.from(data, 'utf8');
  if (bytes.length <= SYNC_WRITE_MAX_BYTES) {
    writeSyncFrom(fd, bytes, 0);
    return;
  }
  for (let at = 0; at < bytes.length;) {
    at += await settled<number>((done) =>
      writeCallback(fd, bytes, at, bytes.length - at, null, done),
    );
  }
}

/**
 * Writes all of `chunks` to `fd` at its file position, in order, with writev(2) (libuv loops over
 * IOV_MAX and short writes): synchronously up to {@link SYNC_WRITE_MAX_BYTES} in all, else from
 * the thread pool. No chunk is copied into a larger buffer.
 * @throws the write's ErrnoException (ENOSPC, EIO …).
 */
export async function writeBuffers(fd: number, chunks: readonly Buffer[]): Promise<void> {
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const written =
    total <= SYNC_WRITE_MAX_BYTES
      ? writevSync(fd, chunks as Buffer[])
      : await settled<number>((done) => writev(fd, chunks as Buffer[], null, done));
  // A write that stops short without an error (a full disk, on its next call, says ENOSPC).
  if (written < total) writeSyncFrom(fd, Buffer.concat(chunks), written);
}

/** Writes `bytes` from offset `at` on, synchronously. */
function writeSyncFrom(fd: number, bytes: Buffer, at: number): void {
  while (at < bytes.length) at += writeSync(fd, bytes, at, bytes.length - at);
}

/** Opens `path` with `flags` (see {@link openDescriptor}) as an {@link FdHandle}. */
function openHandle(path: string, flags: string): Promise<StoreFileHandle> {
  return openDescriptor(path, flags).then((fd) => new FdHandle(fd));
}

/** rename(2) from the thread pool (it waits for the journal as creating a file does). */
function renameFile(from: string, to: string): Promise<void> {
  return settled<void>((done) => renameCallback(from, to, (error) => done(error, undefined)));
}

/** unlink(2) from the thread pool. */
function unlinkFile(path: string): Promise<void> {
  return settled<void>((done) => unlinkCallback(path, (error) => done(error, undefined)));
}

/**
 * {@link StoreFs} on Node's file system, with {@link FdHandle} handles; open, rename and unlink
 * use Node's callback calls, which cost the event loop less than the `fs/promises` ones.
 */
export const nodeStoreFs: StoreFs = {
  open: openHandle,
  mkdir: makeFolders,
  rename: renameFile,
  unlink: unlinkFile,
  stat,
  readFile,
};
