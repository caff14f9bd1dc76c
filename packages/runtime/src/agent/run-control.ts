import type {
  AgentApprovalsInput,
  AgentApprovalsOutput,
  AgentCancelInput,
  AgentCancelOutput,
} from '../generated/agent/types.js';
import type { Actor } from '../actor.js';
import { unknownNameHint } from '../core/did-you-mean.js';
import { ContractError } from '../errors.js';
import { notFound } from '../not-found.js';
import type { AgentServices } from './agent-services.js';
import { killProcessGroup, readPidFile } from '../process/process-group.js';
import { isTerminal, transition, type AgentRunStatus } from './run-lifecycle.js';

/** The actions agent.approvals takes. */
export const APPROVAL_ACTIONS = ['approve', 'reject'] as const;

function unknownRun(runId: string): ContractError {
  return notFound('agent run', JSON.stringify(runId), {
    details: [{ path: 'input.runId', message: 'unknown run' }],
  });
}

/**
 * agent.approvals (admin): `approve` moves an `awaiting_approval` run back to `queued`
 * (then `onApproved` wakes a worker), `reject` ends it `rejected`, so it never starts. The output's
 * `status` is the decision, `approved` or `rejected`; `approverId` defaults to the actor's id.
 * @throws ContractError VALIDATION_FAILED at `input.action` for another action (the message lists
 *   the valid ones) and at `input.runId` when the run is not awaiting approval; NOT_FOUND for an
 *   unknown run.
 */
export async function resolveApproval(
  services: AgentServices,
  input: AgentApprovalsInput,
  actor: Actor,
  onApproved: () => Promise<void>,
): Promise<AgentApprovalsOutput> {
  const action = input.action as (typeof APPROVAL_ACTIONS)[number];
  if (!APPROVAL_ACTIONS.includes(action)) {
    const message = `unknown action ${JSON.stringify(input.action)}${unknownNameHint(String(input.action), APPROVAL_ACTIONS, 'actions')}`;
    throw new ContractError('VALIDATION_FAILED', `input.action: ${message}`, {
      details: [{ path: 'input.action', message }],
    });
  }
  const at = new Date().toISOString();
  const record = await services.store.update(input.runId, (stored) => {
    if (stored.status !== 'awaiting_approval' || !stored.approval) {
      const message = `run ${stored.runId} is ${stored.status}, not awaiting approval`;
      throw new ContractError('VALIDATION_FAILED', `input.runId: ${message}`, {
        details: [{ path: 'input.runId', message }],
      });
    }
    const approverId = input.approverId ?? actor.id;
    stored.approval = {
      ...stored.approval,
      decision: action === 'approve' ? 'approved' : 'rejected',
      resolvedAt: at,
      ...(approverId === undefined ? {} : { approverId }),
      ...(input.comment === undefined ? {} : { comment: input.comment }),
    };
    transition(stored, action === 'approve' ? 'queued' : 'rejected', at);
  });
  if (!record?.approval) throw unknownRun(input.runId);
  if (action === 'approve') await onApproved();
  return {
    approvalId: record.approval.approvalId,
    status: record.approval.decision!,
    resolvedAt: at,
  };
}

/**
 * agent.cancel (admin): marks a run that has not ended `cancelled` (with when, why and
 * by whom), then, if it was running, aborts it in this process (`abortLocal`) and kills its process
 * group, which also works when a worker of another process runs it: the group id is in the record
 * (or the run's pid file when the worker had no time to record it). Artifacts stay. A run that
 * already ended is left as it is: the output then carries its status and no `cancelledAt`; a
 * second cancel answers like the first.
 * @throws ContractError NOT_FOUND for an unknown run.
 */
export async function cancelAgentRun(
  services: AgentServices,
  input: AgentCancelInput,
  actor: Actor,
  abortLocal: (runId: string) => void,
): Promise<AgentCancelOutput> {
  const at = new Date().toISOString();
  let previous: AgentRunStatus | undefined;
  const record = await services.store.update(input.runId, (stored) => {
    previous = stored.status;
    if (isTerminal(stored.status)) return false;
    const requestedBy = input.requestedBy ?? actor.id;
    stored.cancellation = {
      cancelledAt: at,
      ...(input.reason === undefined ? {} : { reason: input.reason }),
      ...(requestedBy === undefined ? {} : { requestedBy }),
      actor: { kind: actor.kind, ...(actor.id === undefined ? {} : { id: actor.id }) },
    };
    transition(stored, 'cancelled', at);
  });
  if (!record) throw unknownRun(input.runId);
  if (previous === 'running') {
    abortLocal(record.runId);
    const group = record.processGroup ?? (await readPidFile(services.store.pidFile(record.runId)));
    if (group !== undefined) await killProcessGroup(group, services.killGraceMs);
  }
  return {
    runId: record.runId,
    status: record.status,
    ...(record.cancellation ? { cancelledAt: record.cancellation.cancelledAt } : {}),
  };
}
