import { createHash } from 'node:crypto';
import { createAgentRouter } from './generated/agent/handlers.js';
import { createHarnessRouter } from './generated/harness/handlers.js';
import type { Actor } from './actor.js';
import { createAgentRuntime } from './agent/agent-runtime.js';
import type { DomainRuntime, RuntimeContext } from './domain-runtime.js';
import { ContractError } from './errors.js';
import type { EmittedEvent } from './events.js';
import { createHarnessRuntime } from './harness/harness-runtime.js';
import type { Router } from './router.js';
import type { RuntimeOptions } from './runtime-options.js';
import { canActorSee } from './ownership.js';
import { Timeline, type TimelineEvent } from './timeline.js';

/**
 * Every domain's generated router wired to its hand-written runtime, sharing one timeline: what
 * `contracts call`, `contracts serve` and the tests run operations through.
 */
export interface AppRuntime {
  readonly options: RuntimeOptions;
  readonly timeline: Timeline;
  /** One router per domain, each over the generated zod schemas and policies. */
  readonly routers: readonly Router[];
  /** The router serving `key`, by its domain (the first key segment). */
  routerFor(key: string): Router;
  /**
   * Calls an operation as `actor`; events its handler emits go to the timeline (pii masked).
   * @throws ContractError (NOT_FOUND for an unknown key, and whatever the router throws).
   */
  call(key: string, input: unknown, actor: Actor, version?: string): Promise<unknown>;
  /** Event sink to pass to `localTransport` or HTTP handlers: appends to the timeline. */
  readonly onEvent: (event: EmittedEvent) => Promise<void>;
  /**
   * The filter of `actor`'s event stream: an admin sees every event; anyone else only the events
   * whose `payload.runId` names a run they may see (ownership.ts). Each run's answer is kept for
   * the life of the filter, since a run's owner never changes.
   */
  eventVisibility(actor: Actor): (event: TimelineEvent) => Promise<boolean>;
  /** Stops background work (the agent worker) and waits for it. */
  close(): Promise<void>;
  /**
   * Stops within `graceMs` (milliseconds): runs still executing after it are stopped and recorded
   * `failed`, reason `interrupted` (how `serve` ends on SIGTERM).
   */
  shutdown(graceMs: number): Promise<void>;
}

/**
 * A timeline id derived from the event's content, so a retried handler that emits the same event
 * again (same key, version and payload) does not write it twice. Payloads carry their run id and instant, so distinct events stay distinct.
 */
export function emittedEventId(event: EmittedEvent): string {
  const digest = createHash('sha256').update(JSON.stringify(event.payload)).digest('hex');
  return `${event.key}@${event.version}:${digest.slice(0, 32)}`;
}

/**
 * The event sink of the app runtime: appends each emitted event to `timeline` (pii masked there)
 * under its {@link emittedEventId}, with `occurredAt` = `emittedAt` and the emitting operation.
 */
export function timelineSink(timeline: Timeline): (event: EmittedEvent) => Promise<void> {
  return async (event) => {
    await timeline.append({
      id: emittedEventId(event),
      key: event.key,
      version: event.version,
      occurredAt: event.emittedAt,
      payload: event.payload as Record<string, unknown>,
      operation: event.operation,
    });
  };
}

/** Builds the runtime of every domain and starts their background work. */
export async function createAppRuntime(options: RuntimeOptions): Promise<AppRuntime> {
  const timeline = new Timeline(options.stateDir);
  const context: RuntimeContext = { options, timeline };
  const harness = createHarnessRuntime(context);
  const agent = createAgentRuntime(context);
  const domains: DomainRuntime<unknown>[] = [harness, agent];
  const byDomain = new Map<string, Router>([
    ['harness', createHarnessRouter(harness.handlers)],
    ['agent', createAgentRouter(agent.handlers)],
  ]);
  const onEvent = timelineSink(timeline);
  const routerFor = (key: string): Router => {
    const router = byDomain.get(key.split('.')[0]!);
    if (!router) throw new ContractError('NOT_FOUND', `no operation ${key}`);
    return router;
  };
  for (const domain of domains) await domain.start?.();
  return {
    options,
    timeline,
    routers: [...byDomain.values()],
    routerFor,
    onEvent,
    eventVisibility: (actor) => {
      if (actor.kind === 'admin') return async () => true;
      const seen = new Map<string, boolean>();
      return async (event) => {
        const runId = event.payload?.runId;
        if (typeof runId !== 'string') return false;
        let visible = seen.get(runId);
        if (visible === undefined) {
          visible = false;
          for (const domain of domains) {
            const answer = await domain.runOwner?.(runId);
            if (answer?.found) {
              visible = canActorSee(actor, answer.owner);
              break;
            }
          }
          seen.set(runId, visible);
        }
        return visible;
      };
    },
    call: async (key, input, actor, version) =>
      routerFor(key).call(key, input, { actor, onEvent }, version),
    close: async () => {
      for (const domain of domains) await domain.close?.();
    },
    shutdown: async (graceMs) => {
      await Promise.all(
        domains.map((domain) => (domain.shutdown ? domain.shutdown(graceMs) : domain.close?.())),
      );
    },
  };
}
