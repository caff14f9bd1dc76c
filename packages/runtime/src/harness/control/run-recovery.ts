import { readdir } from 'node:fs/promises';

import {
  DEFAULT_KILL_GRACE_MS,
  isSameProcessAlive,
  killProcessGroups,
} from '../../process/process-group.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import { appendRunEvent, transition, type RunTransitionEvent } from '../records/run-lifecycle.js';
import type { RunRecord } from '../records/run-record.js';
import { liveGroupsOf, liveOwnerOf, RunControl } from './run-control.js';

/** True when `record` is `running` but no process executes it any more. */
export function isOrphanedRun(deps: HarnessDeps, record: RunRecord): boolean {
  if (record.run.status !== 'running') return false;
  const pid = record.owner?.pid ?? liveOwnerOf(deps.layout, record.run.runId);
  if (pid === undefined) return true;
  return !isSameProcessAlive(pid, record.owner?.startTicks);
}

/**
 * Ends a run whose runner died (`kill -9`, a crash, a power cut), the way agent runs recover:
 * every case process group its live folder lists is killed (SIGTERM, SIGKILL after the grace),
 * the record becomes `failed` with reason `interrupted` and its unfinished steps `failed` (or
 * `cancelled` when a cancel marker was written first), the live folder is removed and the run's
 * end event appended. Idempotent: a run that is not orphaned is returned as it is.
 * @returns the record as it now stands; undefined when there is none.
 */
export async function recoverHarnessRun(
  deps: HarnessDeps,
  runId: string,
): Promise<RunRecord | undefined> {
  const control = new RunControl(deps.layout, runId);
  let event: RunTransitionEvent | undefined;
  const at = deps.now().toISOString();
  const record = await deps.runs.update(runId, (current) => {
    if (!isOrphanedRun(deps, current)) return undefined;
    const next = structuredClone(current) as RunRecord;
    const pid = current.owner?.pid;
    const message = `the runner${pid === undefined ? '' : ` (pid ${pid})`} ended before the run did`;
    event = transition(next, 'failed', at, { reason: 'interrupted', message });
    return next;
  });
  if (event === undefined) return record;
  await killProcessGroups(
    liveGroupsOf(deps.layout, runId),
    deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
  );
  await control.close();
  await appendRunEvent(deps.timeline, event, at);
  return record;
}

/**
 * Recovers every orphaned run of the state directory: those whose live folder
 * (`harness-runs/<runId>.live/`) is still there while their runner is gone. Runs at the start of
 * every harness runtime (a `contracts harness run`, `call` or `serve`).
 * @returns the ids of the runs it ended, in code-unit order.
 */
export async function recoverHarnessRuns(deps: HarnessDeps): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(deps.layout.runsDir());
  } catch {
    return [];
  }
  const ended: string[] = [];
  for (const name of names.filter((entry) => entry.endsWith('.live')).sort()) {
    const runId = name.slice(0, -'.live'.length);
    try {
      const before = await deps.runs.read(runId);
      if (before === undefined || !isOrphanedRun(deps, before)) continue;
      const after = await recoverHarnessRun(deps, runId);
      if (after?.run.status !== before.run.status) ended.push(runId);
    } catch {
      // A corrupt record stays for harness.run.get to report; recovery goes on with the others.
    }
  }
  return ended;
}
