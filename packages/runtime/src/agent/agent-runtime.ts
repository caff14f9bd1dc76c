import type { AgentHandlers } from '../generated/agent/handlers.js';
import type { DomainRuntime, RuntimeContext } from '../domain-runtime.js';
import { createAgentServices } from './agent-services.js';
import { AgentWorker, DEFAULT_AGENT_CONCURRENCY } from './agent-worker.js';
import { assertWorkerPath, defaultWorkerPath, ensureDetachedWorker } from './detached-worker.js';
import { DEFAULT_KILL_GRACE_MS } from '../process/process-group.js';
import { cancelAgentRun, resolveApproval } from './run-control.js';
import { queryArtifacts, queryStatus } from './run-queries.js';
import { submitRun } from './submit-run.js';

/** How often an idle in-process worker re-reads the queue, in milliseconds. */
export const DEFAULT_POLL_MS = 500;

/** Tuning of {@link createAgentRuntime}; every field is optional. Times in milliseconds. */
export interface AgentRuntimeSettings {
  /**
   * Runs executing at once per worker (>= 1): default the runtime options' `agentConcurrency`
   * (`serve --agent-concurrency`), else `CONTRACTS_AGENT_CONCURRENCY` from the environment, else
   * {@link DEFAULT_AGENT_CONCURRENCY}. The detached worker gets it as
   * `--concurrency`.
   */
  readonly concurrency?: number;
  /** Idle re-read interval of the in-process worker; default {@link DEFAULT_POLL_MS}. */
  readonly pollMs?: number;
  /** SIGTERM -> SIGKILL grace of cancel and shutdown; default {@link DEFAULT_KILL_GRACE_MS}. */
  readonly killGraceMs?: number;
  /** The compiled worker script a detached worker runs; default {@link defaultWorkerPath}. */
  readonly workerPath?: string;
}

/** The concurrency from settings, else `CONTRACTS_AGENT_CONCURRENCY`, else the default. */
export function resolveConcurrency(
  settings: AgentRuntimeSettings,
  env: NodeJS.ProcessEnv = process.env,
): number {
  const fromEnv = Number.parseInt(env.CONTRACTS_AGENT_CONCURRENCY ?? '', 10);
  const value =
    settings.concurrency ?? (Number.isInteger(fromEnv) ? fromEnv : DEFAULT_AGENT_CONCURRENCY);
  return Math.max(1, Math.floor(value));
}

/**
 * The agent domain runtime: the five generated handlers over the run queue of
 * `context.options.stateDir`, plus the worker chosen by `context.options.agentWorker`:
 * `in-process` — `start()` launches an {@link AgentWorker} loop that `close()` stops (runs in
 * flight end failed, reason `interrupted`); `detached` — agent.run and an approval start a
 * detached `contracts agent work` when none runs; `none` — runs only queue.
 */
export function createAgentRuntime(
  context: RuntimeContext,
  settings: AgentRuntimeSettings = {},
): DomainRuntime<AgentHandlers> {
  const services = createAgentServices(
    context.options,
    context.timeline,
    settings.killGraceMs ?? DEFAULT_KILL_GRACE_MS,
  );
  const concurrency = resolveConcurrency({
    ...settings,
    concurrency: settings.concurrency ?? context.options.agentConcurrency,
  });
  const mode = context.options.agentWorker;
  const worker =
    mode === 'in-process'
      ? new AgentWorker(services, { concurrency, pollMs: settings.pollMs ?? DEFAULT_POLL_MS })
      : undefined;
  const workerPath = settings.workerPath ?? (mode === 'detached' ? defaultWorkerPath() : undefined);
  const kick = async (): Promise<void> => {
    if (worker) worker.wake();
    else if (mode === 'detached') {
      await ensureDetachedWorker(context.options, services.store.root, { concurrency, workerPath });
    }
  };

  const handlers: AgentHandlers = {
    run: (input, ctx) => {
      if (mode === 'detached') assertWorkerPath(workerPath);
      return submitRun(services, input, ctx.actor, kick);
    },
    approvals: (input, ctx) => resolveApproval(services, input, ctx.actor, kick),
    cancel: (input, ctx) =>
      cancelAgentRun(services, input, ctx.actor, (runId) => void worker?.abort(runId, 'cancel')),
    status: (input, ctx) => queryStatus(services, input, ctx.actor),
    artifacts: (input, ctx) => queryArtifacts(services, input, ctx.actor),
  };
  return {
    handlers,
    runOwner: async (runId) => {
      const record = await services.store.read(runId).catch(() => undefined);
      return record === undefined ? { found: false } : { found: true, owner: record.actor };
    },
    start: async () => worker?.start(),
    close: async () => worker?.stop(),
  };
}
