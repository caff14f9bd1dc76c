import type { Actor } from '../actor.js';
import type { AgentFailureReason, AgentRunStatus } from './run-lifecycle.js';

/**
 * The run record, `<stateDir>/agent/runs/<runId>/run.json`: one JSON file per run, written
 * atomically, and the queue itself. It keeps the provenance the issue asks for (agent
 * argv, env keys only, snapshot id, actor, timestamps, exit code) and never the prompt (pii): the
 * prompt lives only in the content-addressed snapshot. Times are ISO 8601 UTC instants.
 */
export interface AgentRunRecord {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly agentKey: string;
  status: AgentRunStatus;
  /** Higher runs first; default 0. */
  readonly priority: number;
  readonly submittedAt: string;
  startedAt?: string;
  /** When the run reached a terminal status (any of them). */
  completedAt?: string;
  readonly contextSnapshotId: string;
  readonly mode?: string;
  readonly metadata?: Record<string, unknown>;
  readonly tenantId?: string;
  /** `actorId` of the input: whom the run is on behalf of. */
  readonly actorId?: string;
  /** The caller of agent.run. */
  readonly actor: Actor;
  readonly requiresApproval: boolean;
  /** Every status the run went through, oldest first. */
  history: { status: AgentRunStatus; at: string }[];
  /** Set when the agent requires approval. `decision` once resolved. */
  approval?: {
    approvalId: string;
    requestedAt: string;
    decision?: 'approved' | 'rejected';
    resolvedAt?: string;
    approverId?: string;
    comment?: string;
  };
  /** What actually ran, recorded when the worker starts the run. */
  execution?: {
    argv: string[];
    /** Relative to the runtime's cwd (`.` for itself), or absolute when the definition says so. */
    cwd: string;
    /** Sorted names of the variables added to the parent environment; values are never stored. */
    envKeys: string[];
    timeoutMs: number;
    /** Present when the agent ran under bubblewrap. */
    sandbox?: 'bwrap';
  };
  /** The worker process that claimed the run. */
  worker?: { pid: number };
  /** The agent's process group (its leader's pid), once known; what cancel kills. */
  processGroup?: number;
  exit?: {
    outcome: 'exited' | 'timed-out' | 'spawn-error' | 'aborted';
    exitCode: number | null;
    signal: string | null;
    durationMs: number;
  };
  failureReason?: AgentFailureReason;
  /** Message of the failure; the `errorMessage` of agent.run.failed (pii in the timeline). */
  lastError?: string;
  cancellation?: { cancelledAt: string; reason?: string; requestedBy?: string; actor: Actor };
}
