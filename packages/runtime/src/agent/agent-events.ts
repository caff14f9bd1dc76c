import {
  AgentApprovalRequestedEvent,
  AgentRunCompletedEvent,
  AgentRunFailedEvent,
  AgentRunStartedEvent,
  type AgentEventPayloads,
} from '../generated/agent/events.js';
import { agentRegistry } from '../generated/agent/registry.js';
import { ContractError, describeIssues, validationIssues } from '../errors.js';
import type { EventDefinition } from '../events.js';
import type { Timeline } from '../timeline.js';

const DEFINITIONS: {
  readonly [K in keyof AgentEventPayloads]: EventDefinition<AgentEventPayloads[K]>;
} = {
  'agent.approval.requested': AgentApprovalRequestedEvent,
  'agent.run.completed': AgentRunCompletedEvent,
  'agent.run.failed': AgentRunFailedEvent,
  'agent.run.started': AgentRunStartedEvent,
};

/** The time field of each payload: it becomes the timeline's `occurredAt`. */
const OCCURRED_AT: { readonly [K in keyof AgentEventPayloads]: string } = {
  'agent.approval.requested': 'requestedAt',
  'agent.run.completed': 'completedAt',
  'agent.run.failed': 'failedAt',
  'agent.run.started': 'startedAt',
};

/**
 * Appends an agent event to the timeline after validating its payload with the generated zod
 * schema (generated/agent/events.ts). The timeline masks the pii fields the generated registry
 * declares (`errorMessage`, `reason`), so no hand-kept list exists here. The id is
 * `<runId>/<key>`: each event happens at most once per run, and a retry never writes it twice.
 * An event some operation declares in its `emits` (agent.run.started: agent.run) is attributed to
 * that operation, found in the generated registry.
 * @throws ContractError OUTPUT_INVALID when the payload breaks the contract.
 */
export async function appendAgentEvent<K extends keyof AgentEventPayloads>(
  timeline: Timeline,
  key: K,
  payload: AgentEventPayloads[K],
): Promise<void> {
  const definition = DEFINITIONS[key];
  const parsed = definition.payload.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const issues = validationIssues('payload', parsed.error.issues);
    throw new ContractError('OUTPUT_INVALID', `invalid ${key} payload: ${describeIssues(issues)}`, {
      details: issues,
    });
  }
  const data = parsed.data as unknown as Record<string, unknown>;
  const declaring = agentRegistry.find(
    (spec) =>
      spec.kind === 'operation' &&
      spec.emits.some((ref) => ref.key === definition.key && ref.version === definition.version),
  );
  await timeline.append({
    id: `${String(data.runId)}/${key}`,
    key: definition.key,
    version: definition.version,
    occurredAt: String(data[OCCURRED_AT[key]]),
    payload: data,
    ...(declaring ? { operation: { key: declaring.key, version: declaring.version } } : {}),
  });
}
