import type {
  AgentArtifactsInput,
  AgentArtifactsOutput,
  AgentRunSummary,
  AgentStatusInput,
  AgentStatusOutput,
} from '../generated/agent/types.js';
import type { Actor } from '../actor.js';
import { ContractError } from '../errors.js';
import { notFound } from '../not-found.js';
import { canActorSee } from '../ownership.js';
import { ARTIFACT_KINDS, collectArtifacts } from './artifacts.js';
import type { AgentServices } from './agent-services.js';
import { paginate } from './paging.js';
import { AGENT_RUN_STATUSES } from './run-lifecycle.js';
import type { AgentRunRecord } from './run-record.js';

function refuseValue(
  field: string,
  value: string,
  valid: readonly string[],
  what: string,
): ContractError {
  const message = `unknown ${what} ${JSON.stringify(value)}; valid: ${valid.join(', ')}`;
  return new ContractError('VALIDATION_FAILED', `input.${field}: ${message}`, {
    details: [{ path: `input.${field}`, message }],
  });
}

/** The AgentRunSummary of a record: `completedAt` is when it reached any terminal status. */
export function summarize(record: AgentRunRecord): AgentRunSummary {
  return {
    runId: record.runId,
    agentKey: record.agentKey,
    status: record.status,
    submittedAt: record.submittedAt,
    ...(record.startedAt === undefined ? {} : { startedAt: record.startedAt }),
    ...(record.completedAt === undefined ? {} : { completedAt: record.completedAt }),
    contextSnapshotId: record.contextSnapshotId,
    ...(record.lastError === undefined ? {} : { lastError: record.lastError }),
  };
}

/**
 * agent.status: the runs `actor` may see (a user: their own; an admin: all), oldest submission first (stable pages while runs are added),
 * filtered by `runId` (an unknown id is an empty page) and `status`, paged (runtime/agent/paging.ts).
 * @throws ContractError VALIDATION_FAILED at `input.status` for an unknown status (the message
 *   lists the valid ones), at `input.limit`/`input.offset` for negative values.
 */
export async function queryStatus(
  services: AgentServices,
  input: AgentStatusInput,
  actor: Actor,
): Promise<AgentStatusOutput> {
  const { status } = input;
  if (status !== undefined && !(AGENT_RUN_STATUSES as readonly string[]).includes(status)) {
    throw refuseValue('status', status, AGENT_RUN_STATUSES, 'status');
  }
  const records = (await services.store.list()).filter(
    (record) =>
      canActorSee(actor, record.actor) &&
      (input.runId === undefined || record.runId === input.runId) &&
      (status === undefined || record.status === status),
  );
  const page = paginate(records, input.limit, input.offset);
  return {
    runs: page.items.map(summarize),
    total: page.total,
    ...(page.nextOffset === undefined ? {} : { nextOffset: page.nextOffset }),
  };
}

/**
 * agent.artifacts: the artifacts of one run (runtime/agent/artifacts.ts), filtered by
 * `kind` and paged like agent.status.
 * @throws ContractError NOT_FOUND for an unknown run or another user's; VALIDATION_FAILED at `input.kind` for an
 *   unknown kind (the message lists the valid ones) and for negative `limit`/`offset`.
 */
export async function queryArtifacts(
  services: AgentServices,
  input: AgentArtifactsInput,
  actor: Actor,
): Promise<AgentArtifactsOutput> {
  if (input.kind !== undefined && !(ARTIFACT_KINDS as readonly string[]).includes(input.kind)) {
    throw refuseValue('kind', input.kind, ARTIFACT_KINDS, 'artifact kind');
  }
  const record = await services.store.read(input.runId);
  if (!record || !canActorSee(actor, record.actor)) {
    throw notFound('agent run', JSON.stringify(input.runId), {
      details: [{ path: 'input.runId', message: 'unknown run' }],
    });
  }
  const artifacts = (await collectArtifacts(services.store, record.runId)).filter(
    (artifact) => input.kind === undefined || artifact.kind === input.kind,
  );
  const page = paginate(artifacts, input.limit, input.offset);
  return {
    artifacts: page.items,
    total: page.total,
    ...(page.nextOffset === undefined ? {} : { nextOffset: page.nextOffset }),
  };
}
