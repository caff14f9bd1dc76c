import type { HarnessRunFailedPayload } from '../../generated/harness/types.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import type { Timeline } from '../../timeline.js';
import { appendHarnessEvent, type DirectHarnessEvents } from '../harness-events.js';
import { eventIdOf } from './harness-ids.js';
import type { RunRecord } from './run-record.js';

/**
 * The statuses of a harness run. `queued` is where every new record starts (a dry run stays
 * there and is never written); `running` while its cases execute; `blocked` when preflight refused
 * it; `completed` when every case passed; `failed` when a case failed or errored, or the run ended
 * abnormally (see {@link RunFailureReason}); `cancelled` by `harness.run.cancel`.
 */
export type HarnessRunStatus =
  'queued' | 'running' | 'blocked' | 'completed' | 'failed' | 'cancelled';

/**
 * Why a run ended `failed` other than by its cases: `interrupted` (its runner died or was stopped:
 * recovery found it `running` with its runner gone, or a server shut down), `internal` (a store or
 * runtime error; the message names it, e.g. ENOSPC and the path).
 */
export type RunFailureReason = 'interrupted' | 'internal';

/** The allowed edges; every other change of status is refused. Terminal statuses have none. */
export const HARNESS_RUN_EDGES: Readonly<Record<HarnessRunStatus, readonly HarnessRunStatus[]>> = {
  queued: ['running', 'blocked'],
  running: ['completed', 'failed', 'cancelled'],
  blocked: [],
  completed: [],
  failed: [],
  cancelled: [],
};

/** True for a status after which nothing changes any more. */
export function isTerminalRunStatus(status: string): boolean {
  return Object.hasOwn(HARNESS_RUN_EDGES, status)
    ? HARNESS_RUN_EDGES[status as HarnessRunStatus].length === 0
    : false;
}

/** The timeline event a transition appends: its key and payload (ids are per run and key). */
export type RunTransitionEvent =
  | { key: 'harness.run.started'; payload: DirectHarnessEvents['harness.run.started'] }
  | { key: 'harness.run.completed'; payload: DirectHarnessEvents['harness.run.completed'] }
  | { key: 'harness.run.failed'; payload: DirectHarnessEvents['harness.run.failed'] };

/** Thrown for an edge {@link HARNESS_RUN_EDGES} does not allow: a bug, never a caller's mistake. */
export class IllegalRunTransitionError extends Error {
  constructor(runId: string, from: string, to: string) {
    super(`harness run ${runId}: no transition from ${from} to ${to}`);
    this.name = 'IllegalRunTransitionError';
  }
}

/**
 * Moves `record` (mutated in place) to `to` at `at` (ISO 8601) and returns the timeline event that
 * announces it: `harness.run.started` for `running`, `harness.run.completed` for `completed`,
 * `harness.run.failed` for every other end, whose reason is `cancelled[: why]`, `blocked by
 * preflight: n problem(s)`, `interrupted: …`, `internal error: …` or `f of n cases failed or
 * errored`. For `failed` with a {@link RunFailureReason}, `failure` is recorded on the record;
 * steps still `pending` or `running` then become `failed` with that message.
 * @throws IllegalRunTransitionError for an edge not in {@link HARNESS_RUN_EDGES}.
 */
export function transition(
  record: RunRecord,
  to: HarnessRunStatus,
  at: string,
  failure?: { reason: RunFailureReason; message: string },
): RunTransitionEvent {
  const from = record.run.status as HarnessRunStatus;
  if (!(HARNESS_RUN_EDGES[from] ?? []).includes(to)) {
    throw new IllegalRunTransitionError(record.run.runId, from, to);
  }
  record.run.status = to;
  record.run.updatedAt = at;
  if (failure !== undefined) {
    record.failure = { reason: failure.reason, message: maskSecrets(failure.message) };
    record.run.steps = record.run.steps.map((step) =>
      step.status === 'pending' || step.status === 'running'
        ? { ...step, status: 'failed', summary: `${failure.reason}: ${record.failure!.message}` }
        : step,
    );
  }
  return runEventOf(record, at);
}

/** The event that announces the status `record` has now (see {@link transition}). */
export function runEventOf(record: RunRecord, at: string): RunTransitionEvent {
  const { runId, status } = record.run;
  if (status === 'running') {
    return {
      key: 'harness.run.started',
      payload: {
        runId,
        ...(record.run.scenarioKey === undefined ? {} : { scenarioKey: record.run.scenarioKey }),
        ...(record.run.suiteKey === undefined ? {} : { suiteKey: record.run.suiteKey }),
        mode: 'code-execution',
        startedAt: at,
      },
    };
  }
  if (status === 'completed') {
    return {
      key: 'harness.run.completed',
      payload: { runId, completedAt: at, evidenceCount: record.run.evidenceCount ?? 0, status },
    };
  }
  const { total, failed, errored, skipped } = record.summary;
  const payload: HarnessRunFailedPayload = {
    runId,
    failedAt: at,
    reason: endReasonOf(record),
    problem: {
      status,
      summary: { total, failed, errored, skipped },
      ...(record.failure ? { failure: record.failure.reason } : {}),
    },
  };
  return { key: 'harness.run.failed', payload };
}

/** The `reason` of `harness.run.failed` for a record that has just ended other than `completed`. */
export function endReasonOf(record: RunRecord): string {
  const { status } = record.run;
  if (status === 'cancelled') {
    return `cancelled${record.cancel?.reason ? `: ${maskSecrets(record.cancel.reason)}` : ''}`;
  }
  if (status === 'blocked') {
    return `blocked by preflight: ${record.preflight.problems.length} problem(s)`;
  }
  if (record.failure) return `${record.failure.reason}: ${record.failure.message}`;
  const { total, failed, errored } = record.summary;
  return `${failed + errored} of ${total} cases failed or errored`;
}

/** The end a finished run reaches by its cases: `completed` when every case passed, else `failed`. */
export function statusOfResults(summary: RunRecord['summary']): 'completed' | 'failed' {
  return summary.total > 0 && summary.passed === summary.total ? 'completed' : 'failed';
}

/**
 * Appends a transition's event to the timeline under the id `eventIdOf(runId, key)`, so the
 * running process and a cancelling or recovering one write it once between them.
 */
export async function appendRunEvent(
  timeline: Timeline,
  event: RunTransitionEvent,
  at: string,
): Promise<void> {
  const id = eventIdOf(event.payload.runId, event.key);
  await appendHarnessEvent<RunTransitionEvent['key']>(timeline, event.key, id, event.payload, at);
}
