import { harnessEvents } from '../generated/harness/events.js';
import type * as types from '../generated/harness/types.js';
import { ContractError, describeIssues, validationIssues } from '../errors.js';
import type { Timeline, TimelineEvent } from '../timeline.js';

/**
 * The harness events the runtime appends itself, by key: those that happen while a run executes,
 * outside any handler's `ctx.emit`, and `harness.run.started` of a run that `harness.evaluation.run`
 * starts (that operation declares only `harness.evaluation.completed`).
 */
export interface DirectHarnessEvents {
  'harness.run.started': types.HarnessRunStartedPayload;
  'harness.step.started': types.HarnessStepStartedPayload;
  'harness.step.completed': types.HarnessStepCompletedPayload;
  'harness.step.blocked': types.HarnessStepBlockedPayload;
  'harness.evidence.captured': types.HarnessEvidenceCapturedPayload;
  'harness.run.completed': types.HarnessRunCompletedPayload;
  'harness.run.failed': types.HarnessRunFailedPayload;
  'harness.evaluation.completed': types.HarnessEvaluationCompletedPayload;
}

/** Receives each harness event this process appended (for progress lines). */
export type HarnessEventListener = (event: TimelineEvent) => void;

const listeners = new WeakMap<Timeline, Set<HarnessEventListener>>();

/**
 * Calls `listener` with every harness event the runtime appends to `timeline` in this process
 * (the CLI prints a progress line per `harness.step.completed`). Returns the unsubscribe function.
 */
export function watchHarnessEvents(timeline: Timeline, listener: HarnessEventListener): () => void {
  const set = listeners.get(timeline) ?? new Set<HarnessEventListener>();
  listeners.set(timeline, set);
  set.add(listener);
  return () => set.delete(listener);
}

/**
 * Appends a harness event the operation's router does not carry (step, evidence and run-end events
 * happen while a run executes, outside `ctx.emit`): the payload is validated against the generated
 * zod schema of the event first, and `id` must be deterministic (see `eventIdOf`) so the timeline
 * keeps it once even when written again, by this process or another.
 * Resolves once the event is on stable storage (see Timeline.append); a run appends four per case,
 * so this is one promise over the timeline's, not an async function awaiting it.
 * @throws ContractError OUTPUT_INVALID for a payload that breaks the event's contract (as the
 *   rejection; nothing is appended).
 */
export function appendHarnessEvent<K extends keyof DirectHarnessEvents>(
  timeline: Timeline,
  key: K,
  id: string,
  payload: DirectHarnessEvents[K],
  occurredAt: string,
): Promise<void> {
  const definition = harnessEvents.find((event) => event.key === key);
  if (!definition) {
    return Promise.reject(new ContractError('UNDECLARED_EVENT', `no harness event ${key}`));
  }
  const parsed = definition.payload.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const issues = validationIssues('payload', parsed.error.issues);
    return Promise.reject(
      new ContractError(
        'OUTPUT_INVALID',
        `invalid ${key}@${definition.version} payload: ${describeIssues(issues)}`,
        { details: issues },
      ),
    );
  }
  const appended = timeline.append({
    id,
    key,
    version: definition.version,
    occurredAt,
    payload: parsed.data as Record<string, unknown>,
  });
  return appended.then(({ event, written }) => {
    if (written) for (const listener of listeners.get(timeline) ?? []) listener(event);
  });
}
