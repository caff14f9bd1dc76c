import type { HarnessRunCancelInput, HarnessRunCancelOutput } from '../../generated/harness/types.js';
import { ContractError } from '../../errors.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import { DEFAULT_KILL_GRACE_MS, isProcessAlive, killProcessGroups } from '../../process/process-group.js';
import {
  liveGroupsOf,
  liveOwnerOf,
  removeCancelMarker,
  RunControl,
  writeCancelMarker,
} from './run-control.js';
import { appendRunEnd, type HarnessDeps } from '../execution/run-execution.js';
import { TERMINAL_RUN_STATUSES, type CancelInfo, type RunRecord } from '../records/run-record.js';

/**
 * `harness.run.cancel` (RAGit's `harness run`), from any process: writes the cancel marker, marks the record `cancelled` under its lock
 * (running steps `failed`), then kills every case process group the run's live folder lists
 * (SIGTERM, SIGKILL after the grace). The running process sees the marker and stops, keeping
 * `cancelled`; when no process runs it any more (killed), the cancel ends it itself: it removes the
 * live folder and appends `harness.run.failed` (reason `cancelled`). Records and evidence already
 * written are kept. A run that has already ended is left as it is and its status returned.
 * @throws ContractError NOT_FOUND when there is no such run.
 */
export async function cancelRun(
  deps: HarnessDeps,
  input: HarnessRunCancelInput,
): Promise<HarnessRunCancelOutput> {
  const { runId } = input;
  const existing = await deps.runs.read(runId);
  if (!existing) throw new ContractError('NOT_FOUND', `no harness run ${runId}`);
  const at = deps.now().toISOString();
  if (TERMINAL_RUN_STATUSES.has(existing.run.status)) return answer(existing, at);
  const info: CancelInfo = {
    reason: input.reason === undefined ? null : maskSecrets(input.reason),
    cancelledAt: at,
  };
  await writeCancelMarker(deps.layout, runId, info);
  let alreadyEnded = false;
  const updated = await deps.runs.update(runId, (record) => {
    if (TERMINAL_RUN_STATUSES.has(record.run.status)) {
      alreadyEnded = record.run.status !== 'cancelled';
      return undefined;
    }
    const steps = record.run.steps.map((step) =>
      step.status === 'running'
        ? { ...step, status: 'failed', summary: 'cancelled while running' }
        : step,
    );
    return {
      ...record,
      run: { ...record.run, status: 'cancelled', steps, updatedAt: at },
      cancel: info,
    };
  });
  if (!updated) throw new ContractError('NOT_FOUND', `no harness run ${runId}`);
  if (alreadyEnded) {
    await removeCancelMarker(deps.layout, runId);
    return answer(updated, at);
  }
  await killProcessGroups(liveGroupsOf(deps.layout, runId), deps.killGraceMs ?? DEFAULT_KILL_GRACE_MS);
  const owner = liveOwnerOf(deps.layout, runId);
  if (owner === undefined || !isProcessAlive(owner)) {
    await new RunControl(deps.layout, runId).close();
    await appendRunEnd(deps.timeline, updated, at);
  }
  return answer(updated, at);
}

function answer(record: RunRecord, at: string): HarnessRunCancelOutput {
  return {
    runId: record.run.runId,
    status: record.run.status,
    cancelledAt: record.cancel?.cancelledAt ?? at,
  };
}
