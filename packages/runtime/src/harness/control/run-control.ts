import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { rm, unlink, writeFile } from 'node:fs/promises';

import { readJson, writeJsonAtomic } from '../../store/atomic-json.js';
import type { CancelInfo } from '../records/run-record.js';
import type { HarnessStateLayout } from '../records/state-layout.js';
import { makeFolders } from '../../core/make-folders.js';

const GROUP_PREFIX = 'pgid-';

/** How long a case runs before its process group is listed for a cancel, in milliseconds. */
export const REGISTER_AFTER_MS = 50;

/**
 * Cross-process control of one executing run. While the run executes, `harness-runs/<runId>.live/` holds
 * `owner` (the running process's pid) and one empty `pgid-<n>` file per case process group alive.
 * A cancel writes `harness-runs/<runId>.cancel.json` first, then kills every listed group; the
 * running process checks the marker right after registering each group and every 200 ms, so a
 * group spawned during a cancel is killed by one side or the other.
 */
export class RunControl {
  private readonly live: string;
  private readonly marker: string;
  private readonly registrations = new Map<number, Promise<void>>();
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private cancelSeen = false;
  private absentThisTurn = false;

  constructor(
    private readonly layout: HarnessStateLayout,
    readonly runId: string,
  ) {
    this.live = layout.liveDir(runId);
    this.marker = layout.cancelMarker(runId);
  }

  /** Creates the live folder with the owner's pid. */
  async open(pid: number = process.pid): Promise<void> {
    await makeFolders(this.live);
    writeFileSync(`${this.live}/owner`, String(pid));
  }

  /**
   * Records a case's process group and returns true when the run is already cancelled. The group
   * file is written only once the case has run for {@link REGISTER_AFTER_MS} (creating a file per
   * case costs about as much as spawning a trivial command, which the harness benchmark
   * counts): a cancel kills the groups it finds listed, and the running process kills its own
   * groups when it sees the marker (at spawn and every 200 ms), so only a runner that dies within
   * that delay can leave a group that a cancel does not find.
   */
  registerGroup(pgid: number): boolean {
    const timer = setTimeout(() => {
      const file = `${this.live}/${GROUP_PREFIX}${pgid}`;
      this.registrations.set(
        pgid,
        writeFile(file, '').catch(() => undefined),
      );
    }, REGISTER_AFTER_MS);
    timer.unref();
    this.timers.set(pgid, timer);
    return this.isCancelled();
  }

  /**
   * Forgets a case's process group once the case has settled. A registration still waiting is
   * dropped at once, before this returns, so a case that ends within {@link REGISTER_AFTER_MS}
   * never has a group file; a group file already written is removed once it has landed. Resolves
   * when nothing of the group is left; never rejects.
   */
  releaseGroup(pgid: number): Promise<void> {
    clearTimeout(this.timers.get(pgid));
    this.timers.delete(pgid);
    const registered = this.registrations.get(pgid);
    if (registered === undefined) return Promise.resolve();
    return this.removeGroupFile(pgid, registered);
  }

  private async removeGroupFile(pgid: number, registered: Promise<void>): Promise<void> {
    await registered;
    this.registrations.delete(pgid);
    await unlink(`${this.live}/${GROUP_PREFIX}${pgid}`).catch(() => undefined);
  }

  /**
   * True once a cancel marker exists. A marker once seen stays seen (it outlives the run); its
   * absence is looked up at most once per event-loop turn, so the check as one case ends and the
   * one as the next case spawns, made in the same turn, cost one access(2) between them.
   */
  isCancelled(): boolean {
    if (this.cancelSeen) return true;
    if (this.absentThisTurn) return false;
    if (existsSync(this.marker)) {
      this.cancelSeen = true;
      return true;
    }
    this.absentThisTurn = true;
    setImmediate(() => {
      this.absentThisTurn = false;
    });
    return false;
  }

  /** The cancel marker's content, when there is one. */
  async readCancel(): Promise<CancelInfo | undefined> {
    return (await readJson(this.layout.cancelMarker(this.runId), {
      root: this.layout.stateDir,
    })) as CancelInfo | undefined;
  }

  /** Removes the live folder: the run no longer executes. */
  async close(): Promise<void> {
    for (const timer of this.timers.values()) clearTimeout(timer);
    await Promise.all(this.registrations.values());
    await rm(this.live, { recursive: true, force: true });
  }
}

/** Writes the cancel marker of `runId` atomically. */
export async function writeCancelMarker(
  layout: HarnessStateLayout,
  runId: string,
  info: CancelInfo,
): Promise<void> {
  await writeJsonAtomic(layout.cancelMarker(runId), info, { root: layout.stateDir });
}

/** Removes the cancel marker (a cancel that arrived after the run had ended). */
export async function removeCancelMarker(layout: HarnessStateLayout, runId: string): Promise<void> {
  await unlink(layout.cancelMarker(runId)).catch(() => undefined);
}

/** The pid of the process executing `runId`, when its live folder says so. */
export function liveOwnerOf(layout: HarnessStateLayout, runId: string): number | undefined {
  try {
    const pid = Number(readFileSync(`${layout.liveDir(runId)}/owner`, 'utf8'));
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** The case process groups `runId`'s live folder lists, ascending. */
export function liveGroupsOf(layout: HarnessStateLayout, runId: string): number[] {
  let names: string[];
  try {
    names = readdirSync(layout.liveDir(runId));
  } catch {
    return [];
  }
  return names
    .filter((name) => name.startsWith(GROUP_PREFIX))
    .map((name) => Number(name.slice(GROUP_PREFIX.length)))
    .filter((pgid) => Number.isInteger(pgid) && pgid > 1)
    .sort((a, b) => a - b);
}
