import { randomUUID } from 'node:crypto';
import type { AgentRunInput, AgentRunOutput } from '../generated/agent/types.js';
import type { Actor } from '../actor.js';
import { ContractError } from '../errors.js';
import { loadAgentDefinition } from './agent-definition.js';
import { appendAgentEvent } from './agent-events.js';
import type { AgentServices } from './agent-services.js';
import { transition } from './run-lifecycle.js';
import type { AgentRunRecord } from './run-record.js';
import { newRunId } from './run-store.js';
import { canonicalJson } from './snapshot-store.js';

function refuse(path: string, message: string): ContractError {
  return new ContractError('VALIDATION_FAILED', `${path}: ${message}`, {
    details: [{ path, message }],
  });
}

/**
 * The context snapshot of a submission. Without
 * `contextSnapshotId` the prompt and input are stored as a new content-addressed snapshot. With
 * it, the snapshot must exist and holds the prompt and input the agent gets; a `prompt` or `input`
 * given next to it must equal the snapshot's, so the id always names what the agent saw.
 * @throws ContractError VALIDATION_FAILED at `input.contextSnapshotId` (unknown snapshot; chosen
 *   over NOT_FOUND, which the router uses for an unknown operation), `input.prompt` or
 *   `input.input` (differs from the snapshot; the value is never quoted: it may be pii).
 */
async function resolveSnapshot(services: AgentServices, input: AgentRunInput): Promise<string> {
  if (input.contextSnapshotId === undefined) {
    return services.snapshots.put({ prompt: input.prompt ?? null, input: input.input ?? null });
  }
  const snapshot = await services.snapshots.get(input.contextSnapshotId);
  if (!snapshot) {
    throw refuse(
      'input.contextSnapshotId',
      `unknown context snapshot ${JSON.stringify(input.contextSnapshotId)}`,
    );
  }
  if (input.prompt !== undefined && input.prompt !== snapshot.prompt) {
    throw refuse(
      'input.prompt',
      'differs from the prompt of the context snapshot; omit it or omit contextSnapshotId',
    );
  }
  if (input.input !== undefined && canonicalJson(input.input) !== canonicalJson(snapshot.input)) {
    throw refuse(
      'input.input',
      'differs from the input of the context snapshot; omit it or omit contextSnapshotId',
    );
  }
  return input.contextSnapshotId;
}

/**
 * agent.run: checks the agent exists (unknown key: VALIDATION_FAILED naming it and the
 * known ones, nothing queued), resolves the context snapshot, writes the run record — `queued`, or
 * at once `awaiting_approval` with agent.approval.requested when the agent requires approval — and
 * returns without waiting for the run. `kick` then gets a worker to look at the queue.
 * The prompt is never written to the record, only to the snapshot.
 */
export async function submitRun(
  services: AgentServices,
  input: AgentRunInput,
  actor: Actor,
  kick: () => Promise<void>,
): Promise<AgentRunOutput> {
  const definition = await loadAgentDefinition(
    services.options.agentsDir,
    input.agentKey,
    services.options.cwd,
  );
  const contextSnapshotId = await resolveSnapshot(services, input);
  const submittedAt = new Date().toISOString();
  const record: AgentRunRecord = {
    schemaVersion: 1,
    runId: newRunId(),
    agentKey: input.agentKey,
    status: 'queued',
    priority: input.priority ?? 0,
    submittedAt,
    contextSnapshotId,
    ...(input.mode === undefined ? {} : { mode: input.mode }),
    ...(input.metadata === undefined ? {} : { metadata: input.metadata }),
    ...(input.tenantId === undefined ? {} : { tenantId: input.tenantId }),
    ...(input.actorId === undefined ? {} : { actorId: input.actorId }),
    actor: { kind: actor.kind, ...(actor.id === undefined ? {} : { id: actor.id }) },
    requiresApproval: definition.requiresApproval === true,
    history: [{ status: 'queued', at: submittedAt }],
  };
  if (record.requiresApproval) {
    record.approval = { approvalId: `apr-${randomUUID()}`, requestedAt: submittedAt };
    transition(record, 'awaiting_approval', submittedAt);
  }
  await services.store.create(record);
  if (record.approval) {
    await appendAgentEvent(services.timeline, 'agent.approval.requested', {
      runId: record.runId,
      approvalId: record.approval.approvalId,
      reason: `agent ${record.agentKey} requires approval before it runs`,
      requestedAt: submittedAt,
    });
  } else {
    await kick();
  }
  return { runId: record.runId, status: record.status, submittedAt, contextSnapshotId };
}
