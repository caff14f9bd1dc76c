import type { AgentRunRecord } from './run-record.js';

/**
 * The states of an agent run: `queued -> awaiting_approval -> queued` (approved) `-> running ->
 * completed | failed`; `rejected` from `awaiting_approval`; `cancelled` from any state before the
 * end. Terminal: completed, failed, cancelled, rejected.
 */
export const AGENT_RUN_STATUSES = [
  'awaiting_approval',
  'cancelled',
  'completed',
  'failed',
  'queued',
  'rejected',
  'running',
] as const;

/** One of {@link AGENT_RUN_STATUSES}. */
export type AgentRunStatus = (typeof AGENT_RUN_STATUSES)[number];

/** True when no further transition can happen. */
export function isTerminal(status: AgentRunStatus): boolean {
  return (
    status === 'completed' || status === 'failed' || status === 'cancelled' || status === 'rejected'
  );
}

/** Why a run failed: a non-zero exit, the agent's timeout, a spawn error, a dead worker, a missing definition or snapshot (setup). */
export type AgentFailureReason =
  'exit-code' | 'timed-out' | 'spawn-error' | 'interrupted' | 'setup';

/**
 * The allowed edges: `queued -> awaiting_approval | running | cancelled`, `awaiting_approval ->
 * queued (approved) | rejected | cancelled`, `running -> completed | failed | cancelled`, and
 * `running -> queued` for a run claimed while its worker was stopping (it goes back untouched).
 */
export const AGENT_RUN_EDGES: Readonly<Record<AgentRunStatus, readonly AgentRunStatus[]>> = {
  queued: ['awaiting_approval', 'running', 'cancelled'],
  awaiting_approval: ['queued', 'rejected', 'cancelled'],
  running: ['completed', 'failed', 'cancelled', 'queued'],
  completed: [],
  failed: [],
  cancelled: [],
  rejected: [],
};

/** Thrown for an edge {@link AGENT_RUN_EDGES} does not allow: a bug, never a caller's mistake. */
export class IllegalAgentTransitionError extends Error {
  constructor(runId: string, from: string, to: string) {
    super(`agent run ${runId}: no transition from ${from} to ${to}`);
    this.name = 'IllegalAgentTransitionError';
  }
}

/**
 * Moves `record` to `status` at `at` (ISO 8601), appending to its history (mutates and returns
 * it); reaching a terminal status sets `completedAt`.
 * @throws IllegalAgentTransitionError for an edge not in {@link AGENT_RUN_EDGES}.
 */
export function transition(
  record: AgentRunRecord,
  status: AgentRunStatus,
  at: string,
): AgentRunRecord {
  if (!AGENT_RUN_EDGES[record.status].includes(status)) {
    throw new IllegalAgentTransitionError(record.runId, record.status, status);
  }
  record.status = status;
  record.history.push({ status, at });
  if (isTerminal(status)) record.completedAt = at;
  return record;
}
