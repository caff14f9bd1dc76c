import {
  createHarnessClient,
  type HarnessClient,
} from '../../packages/runtime/src/generated/harness/client.js';
import {
  createHarnessRouter,
  type HarnessHandlers,
} from '../../packages/runtime/src/generated/harness/handlers.js';
import { timelineSink } from '../../packages/runtime/src/app-runtime.js';
import { createHarnessRuntime } from '../../packages/runtime/src/harness/harness-runtime.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';
import type { Router } from '../../packages/runtime/src/router.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';
import { Timeline, type TimelineEvent } from '../../packages/runtime/src/timeline.js';
import type { Workspace } from './runtime-fixture.js';

/** The fixed clock of {@link pinnedHarness}. */
export const PINNED_AT = '2020-01-02T03:04:05.000Z';

/** A harness runtime with a fixed clock and sequential ids, behind the generated router and client. */
export interface PinnedHarness {
  handlers: HarnessHandlers;
  router: Router;
  client: HarnessClient;
  timeline: Timeline;
  close(): Promise<void>;
  /** The timeline's events of a run, `[key, id]` in file order (ids of routed events are content digests: `*`). */
  eventsOf(runId: string): Promise<[string, string][]>;
}

/**
 * Builds the harness runtime of `workspace` directly (not through `createAppRuntime`) so the clock
 * and ids can be pinned: runs are `hr-1`, `hr-2`, …; evaluations `he-1`, …; `now` is
 * {@link PINNED_AT}. Events emitted through `ctx.emit` go to the timeline as in the app runtime.
 */
export function pinnedHarness(
  workspace: Workspace,
  wrap: (handlers: HarnessHandlers) => HarnessHandlers = (handlers) => handlers,
): PinnedHarness {
  const options = resolveRuntimeOptions({
    cwd: workspace.cwd,
    stateDir: workspace.stateDir,
    agentWorker: 'none',
    // The local runtime of `contracts harness run`: inline executors, as RAGit's input has them.
    inlineExecutors: true,
  });
  const timeline = new Timeline(options.stateDir);
  let runs = 0;
  let evaluations = 0;
  const runtime = createHarnessRuntime(
    { options, timeline },
    {
      now: () => new Date(PINNED_AT),
      newRunId: () => `hr-${++runs}`,
      newEvaluationId: () => `he-${++evaluations}`,
      killGraceMs: 200,
    },
  );
  const handlers = wrap(runtime.handlers);
  const router = createHarnessRouter(handlers);
  const client = createHarnessClient(
    localTransport(router, {
      actor: { kind: 'user' },
      onEvent: timelineSink(timeline),
    }),
  );
  return {
    handlers,
    router,
    client,
    timeline,
    close: async () => runtime.close?.(),
    eventsOf: async (runId) =>
      (await timeline.list({ runId })).map((event: TimelineEvent) => [
        event.key,
        event.id.startsWith(`${runId}:`) ? event.id : '*',
      ]),
  };
}
