import { open, readFile, stat, unlink } from 'node:fs/promises';

/** How long a lock may be held before another process may break it, in milliseconds. */
export const STALE_LOCK_MS = 10_000;
const RETRY_MS = 5;
const GIVE_UP_MS = 30_000;

const inProcess = new Map<string, Promise<unknown>>();

/**
 * Runs `action` while holding an exclusive lock on `lockPath`: in-process callers queue on a
 * promise chain; across processes the lock is a file created with `wx` that holds the owner's pid.
 * A lock whose owner is dead, or older than `STALE_LOCK_MS`, is broken. Throws when the lock cannot
 * be taken within 30 s, or whatever `action` throws (the lock is released either way).
 */
export async function withFileLock<T>(lockPath: string, action: () => Promise<T>): Promise<T> {
  const previous = inProcess.get(lockPath) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      await acquire(lockPath);
      try {
        return await action();
      } finally {
        await unlink(lockPath).catch(() => undefined);
      }
    });
  inProcess.set(lockPath, run);
  try {
    return await run;
  } finally {
    if (inProcess.get(lockPath) === run) inProcess.delete(lockPath);
  }
}

async function acquire(lockPath: string): Promise<void> {
  const deadline = Date.now() + GIVE_UP_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (await isStale(lockPath)) {
      await unlink(lockPath).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(`could not lock ${lockPath} within ${GIVE_UP_MS} ms`);
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  try {
    const [info, owner] = await Promise.all([stat(lockPath), readFile(lockPath, 'utf8')]);
    if (Date.now() - info.mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(owner);
    if (!Number.isInteger(pid) || pid <= 0) return false; // being written right now
    return pid !== process.pid && !isAlive(pid);
  } catch {
    return false; // gone already: the next attempt takes it
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
