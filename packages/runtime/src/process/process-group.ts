import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { constants as osConstants } from 'node:os';

/** Default time between SIGTERM and SIGKILL when a process group is stopped, in milliseconds. */
export const DEFAULT_KILL_GRACE_MS = 500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * True while process `pid` exists and is not a zombie. `kill(pid, 0)` answering EPERM means it
 * exists under another user; on Linux `/proc/<pid>/stat` state `Z` (an exited process nobody reaped
 * yet) counts as gone. Where /proc is missing, existence alone decides.
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

/**
 * The start time of process `pid` in clock ticks since boot (`/proc/<pid>/stat` field 22), so a
 * recorded pid can be told apart from a later process that reuses it; undefined off Linux or when
 * the process is gone.
 */
export function processStartTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    return Number.isInteger(ticks) ? ticks : undefined;
  } catch {
    return undefined;
  }
}

/**
 * True while the process that was `pid` when `startTicks` was read still runs: alive, and (when
 * both are known) started at the same tick, so a reused pid counts as dead.
 */
export function isSameProcessAlive(pid: number, startTicks: number | undefined): boolean {
  if (!isProcessAlive(pid)) return false;
  if (startTicks === undefined) return true;
  const now = processStartTicks(pid);
  return now === undefined || now === startTicks;
}

/**
 * kill(2) of `pid` (negative: the process group `-pid`) with `signal`: 0 when sent, else the
 * negated errno (`-ESRCH` when no process is there), from the ErrnoException `process.kill` throws.
 */
function kill(pid: number, signal: NodeJS.Signals | 0): number {
  // Only the error's code is read, so no stack is captured for it: every case ends with a SIGKILL
  // to its group that finds the group gone (ESRCH), and the stack was most of what that call cost.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    process.kill(pid, signal);
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code as keyof typeof osConstants.errno;
    return -(osConstants.errno[code] ?? osConstants.errno.ESRCH);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/** True while some process of group `pgid` exists (zombies included: the group is still there). */
export function isGroupAlive(pgid: number): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  const error = kill(-pgid, 0);
  return error === 0 || error === -osConstants.errno.EPERM;
}

/**
 * Sends `signal` to every process of group `pgid`; returns false when the group is gone (ESRCH)
 * or may not be signalled (EPERM). A pgid of 0 or 1 is never signalled (they name the caller's own
 * group and init).
 */
export function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
  if (!Number.isInteger(pgid) || pgid <= 1) return false;
  return kill(-pgid, signal) === 0;
}

/**
 * Stops process groups from any process: SIGTERM to each, SIGKILL to those with a member left
 * after `graceMs` (milliseconds), then waits at most `graceMs` more for them to vanish. Groups
 * already gone are skipped. Never throws.
 */
export async function killProcessGroups(
  groups: readonly number[],
  graceMs = DEFAULT_KILL_GRACE_MS,
): Promise<void> {
  let alive = groups.filter((pgid) => signalGroup(pgid, 'SIGTERM'));
  const termDeadline = Date.now() + graceMs;
  while (alive.length > 0 && Date.now() < termDeadline) {
    await sleep(20);
    alive = alive.filter(isGroupAlive);
  }
  alive = alive.filter((pgid) => signalGroup(pgid, 'SIGKILL'));
  const killDeadline = Date.now() + graceMs;
  while (alive.length > 0 && Date.now() < killDeadline) {
    await sleep(20);
    alive = alive.filter(isGroupAlive);
  }
}

/** {@link killProcessGroups} of one group: how a cancel stops a run another process started. */
export function killProcessGroup(pgid: number, graceMs = DEFAULT_KILL_GRACE_MS): Promise<void> {
  return killProcessGroups([pgid], graceMs);
}

/** The pid written to `file` at spawn (a process-group id); undefined when none. */
export async function readPidFile(file: string): Promise<number | undefined> {
  const text = await readFile(file, 'utf8').catch(() => '');
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 1 ? pid : undefined;
}

/** The process group of this process (`/proc/self/stat` field 5); undefined off Linux. */
export function ownProcessGroup(): number | undefined {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const pgid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
    return Number.isInteger(pgid) ? pgid : undefined;
  } catch {
    return undefined;
  }
}
