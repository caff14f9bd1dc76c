import { isProcessAlive } from '../core/process-alive.js';
import { asStoreWriteError, displayPath } from './store-errors.js';
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from './store-fs.js';

/** How long a lock may be held before another process may break it, in milliseconds. */
export const STALE_LOCK_MS = 10_000;
const RETRY_MS = 5;
const GIVE_UP_MS = 30_000;

const inProcess = new Map<string, Promise<unknown>>();

/** Options of {@link withFileLock}. */
export interface FileLockOptions {
  /** The file system (default `node:fs/promises`); tests pass one that logs calls or fails. */
  readonly fs?: StoreFs;
  /** Error messages name the lock file relative to this directory (the state directory); else absolute. */
  readonly root?: string;
}

/**
 * Runs `action` while holding an exclusive lock on `lockPath`: in-process callers queue on a
 * promise chain; across processes the lock is a file created with `wx` that holds the owner's pid.
 * A lock whose owner is dead, or older than `STALE_LOCK_MS`, is broken. The lock file is removed
 * and its handle closed on every path: after `action`, and when writing the pid fails (a full
 * disk), so no empty lock file is left behind.
 * @throws StoreWriteError naming the errno and `lockPath` (relative to `root`) when the lock file
 *   cannot be created or written; Error when the lock cannot be taken within 30 s; whatever
 *   `action` throws (the lock is released either way).
 */
export async function withFileLock<T>(
  lockPath: string,
  action: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const fs = options.fs ?? nodeStoreFs;
  const previous = inProcess.get(lockPath) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      await acquire(fs, lockPath, options.root);
      try {
        return await action();
      } finally {
        await fs.unlink(lockPath).catch(() => undefined);
      }
    });
  inProcess.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(lockPath) === run) inProcess.delete(lockPath);
  }
}

async function acquire(fs: StoreFs, lockPath: string, root: string | undefined): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    const handle = await fs.open(lockPath, 'wx').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return undefined;
      throw asStoreWriteError(error, 'locking', lockPath, root);
    });
    if (handle !== undefined) {
      try {
        await writeOwner(handle);
      } catch (error) {
        await fs.unlink(lockPath).catch(() => undefined);
        throw asStoreWriteError(error, 'locking', lockPath, root);
      }
      return;
    }
    if (await isStale(fs, lockPath)) {
      await fs.unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`could not lock ${displayPath(lockPath, root)} within ${GIVE_UP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

/** Writes this process's pid into the new lock file and closes it (on failure too). */
async function writeOwner(handle: StoreFileHandle): Promise<void> {
  try {
    await handle.writeFile(String(process.pid));
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

async function isStale(fs: StoreFs, lockPath: string): Promise<boolean> {
  try {
    const [info, owner] = await Promise.all([fs.stat(lockPath), fs.readFile(lockPath, 'utf8')]);
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(owner);
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    return pid !== process.pid && !isProcessAlive(pid);
  } catch {
    return false; // gone already: the next attempt takes it
  }
}
