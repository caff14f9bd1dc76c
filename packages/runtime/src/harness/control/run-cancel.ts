import type {
  HarnessRunCancelInput,
  HarnessRunCancelOutput,
} from '../../generated/harness/types.js';
import type { Actor } from '../../actor.js';
import { isContractError } from '../../errors.js';
import {
  DEFAULT_KILL_GRACE_MS,
  isSameProcessAlive,
  killProcessGroups,
} from '../../process/process-group.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import {
  appendRunEvent,
  isTerminalRunStatus,
  transition,
  type RunTransitionEvent,
} from '../records/run-lifecycle.js';
import type { CancelInfo, RunRecord } from '../records/run-record.js';
import { noSuchHarnessRun, readVisibleRun } from './run-access.js';
import {
  liveGroupsOf,
  liveOwnerOf,
  removeCancelMarker,
  RunControl,
  writeCancelMarker,
} from './run-control.js';

/**
 * `harness.run.cancel` (RAGit's `harness run`), from any process: writes the cancel marker, moves
 * the record to `cancelled` under its lock (running steps `failed`), then kills every case process
 * group the run's live folder lists (SIGTERM, SIGKILL after the grace). The running process sees
 * the marker and stops, keeping `cancelled`; when no process runs it any more, the cancel ends it
 * itself: it removes the live folder and appends `harness.run.failed` (reason `cancelled`).
 * Records and evidence already written are kept. A run that has already ended is left as it is and
 * its status returned. A user cancels only their own runs; an admin can also cancel a run whose
 * record is corrupt.
 * @throws ContractError NOT_FOUND when there is no such run or it is another user's;
 *   RECORD_CORRUPT for a user when the record is not JSON.
 */
export async function cancelHarnessRun(
  deps: HarnessDeps,
  input: HarnessRunCancelInput,
  actor: Actor,
): Promise<HarnessRunCancelOutput> {
  const { runId } = input;
  const at = deps.now().toISOString();
  const info: CancelInfo = {
    reason: input.reason === undefined ? null : maskSecrets(input.reason),
    cancelledAt: at,
  };
  let existing: RunRecord;
  try {
    existing = await readVisibleRun(deps, runId, actor);
  } catch (error) {
    if (isContractError(error) && error.code === 'RECORD_CORRUPT' && actor.kind === 'admin') {
      return cancelCorruptRun(deps, runId, info);
    }
    throw error;
  }
  if (isTerminalRunStatus(existing.run.status)) return answer(existing, at);
  await writeCancelMarker(deps.layout, runId, info);
  let alreadyEnded = false;
  let event: RunTransitionEvent | undefined;
  const updated = await deps.runs.update(runId, (record) => {
    if (record.run.status !== 'running') {
      alreadyEnded = record.run.status !== 'cancelled';
      return undefined;
    }
    const next = structuredClone(record) as RunRecord;
    next.cancel = info;
    next.run.steps = next.run.steps.map((step) =>
      step.status === 'running'
        ? { ...step, status: 'failed', summary: 'cancelled while running' }
        : step,
    );
    event = transition(next, 'cancelled', at);
    return next;
  });
  if (!updated) throw noSuchHarnessRun(runId);
  if (alreadyEnded) {
    await removeCancelMarker(deps.layout, runId);
    return answer(updated, at);
  }
  await killProcessGroups(
    liveGroupsOf(deps.layout, runId),
    deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
  );
  const pid = updated.owner?.pid ?? liveOwnerOf(deps.layout, runId);
  if (pid === undefined || !isSameProcessAlive(pid, updated.owner?.startTicks)) {
    await new RunControl(deps.layout, runId).close();
    if (event) await appendRunEvent(deps.timeline, event, at);
  }
  return answer(updated, at);
}

/**
 * The cancel of a run whose record is corrupt (admin only: its owner cannot be read): the marker
 * is written, so a runner still executing it stops and rewrites the record `cancelled`, and every
 * case process group of its live folder is killed. The corrupt file itself is left for inspection.
 */
async function cancelCorruptRun(
  deps: HarnessDeps,
  runId: string,
  info: CancelInfo,
): Promise<HarnessRunCancelOutput> {
  await writeCancelMarker(deps.layout, runId, info);
  await killProcessGroups(
    liveGroupsOf(deps.layout, runId),
    deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
  );
  return { runId, status: 'cancelled', cancelledAt: info.cancelledAt };
}

function answer(record: RunRecord, at: string): HarnessRunCancelOutput {
  return {
    runId: record.run.runId,
    status: record.run.status,
    cancelledAt: record.cancel?.cancelledAt ?? at,
  };
}
