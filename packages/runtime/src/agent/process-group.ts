import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';

/** Default time between SIGTERM and SIGKILL when cancelling an agent, in milliseconds. */
export const DEFAULT_CANCEL_GRACE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True while process `pid` exists and is not a zombie (`/proc/<pid>/stat` state `Z`, on Linux: an
 * exited orphan that no init reaped yet counts as gone). EPERM means it exists.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

/** True while some process of group `pgid` exists (zombies included: the group is still there). */
export function isGroupAlive(pgid: number): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

/**
 * Kills process group `pgid` from any process: SIGTERM, then SIGKILL once `graceMs` passed with
 * a member left, then waits (at most `graceMs` more) for the group to vanish. This is how
 * agent.cancel stops a run that a worker in another process started. Never throws; a pgid of 0 or 1 is ignored.
 */
export async function killProcessGroup(
  pgid: number,
  graceMs = DEFAULT_CANCEL_GRACE_MS,
): Promise<void> {
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  signalGroup(pgid, 'SIGTERM');
  const termDeadline = Date.now() + graceMs;
  while (isGroupAlive(pgid) && Date.now() < termDeadline) await sleep(20);
  if (!isGroupAlive(pgid)) return;
  signalGroup(pgid, 'SIGKILL');
  const killDeadline = Date.now() + graceMs;
  while (isGroupAlive(pgid) && Date.now() < killDeadline) await sleep(20);
}

/** The agent pid the worker wrote to `file` at spawn (its process group id); undefined when none. */
export async function readPidFile(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}
