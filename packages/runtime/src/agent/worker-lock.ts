import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileLock } from '../store/file-lock.js';
import { isProcessAlive } from '../process/process-group.js';
import { makeFolders } from '../core/make-folders.js';

/** `<stateDir>/agent/worker.lock`: holds the pid of the detached worker draining the queue. */
export function workerLockPath(agentRoot: string): string {
  return join(agentRoot, 'worker.lock');
}

async function holderOf(lock: string): Promise<number | undefined> {
  const text = await readFile(lock, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

/** The pid of the live detached worker of `agentRoot`; undefined when none holds the lock. */
export async function workerLockHolder(agentRoot: string): Promise<number | undefined> {
  const pid = await holderOf(workerLockPath(agentRoot));
  return pid !== undefined && isProcessAlive(pid) ? pid : undefined;
}

/**
 * Takes the worker lock for this process. A lock whose holder is dead is taken over. The check and the take happen under a
 * short guard lock, so two starting workers never both win. Resolves true when this process holds
 * it now (also when it held it already).
 */
export async function tryAcquireWorkerLock(agentRoot: string): Promise<boolean> {
  await makeFolders(agentRoot);
  const lock = workerLockPath(agentRoot);
  return withFileLock(`${lock}.guard`, async () => {
    const holder = await holderOf(lock);
    if (holder === process.pid) return true;
    if (holder !== undefined && isProcessAlive(holder)) return false;
    await unlink(lock).catch(() => undefined);
    const handle = await open(lock, 'wx');
    try {
      await handle.writeFile(String(process.pid));
    } finally {
      await handle.close();
    }
    return true;
  });
}

/** Gives the worker lock up, if this process holds it. */
export async function releaseWorkerLock(agentRoot: string): Promise<void> {
  const lock = workerLockPath(agentRoot);
  await withFileLock(`${lock}.guard`, async () => {
    if ((await holderOf(lock)) === process.pid) await unlink(lock).catch(() => undefined);
  });
}
