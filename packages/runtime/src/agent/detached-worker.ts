import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContractError } from '../errors.js';
import type { RuntimeOptions } from '../runtime-options.js';
import { AgentWorker, type AgentWorkerSettings } from './agent-worker.js';
import type { AgentServices } from './agent-services.js';
import { releaseWorkerLock, tryAcquireWorkerLock, workerLockHolder } from './worker-lock.js';

export { DEFAULT_IDLE_EXIT_MS } from '../defaults.js';

/**
 * The compiled worker script (`agent/worker-main.js`) that a detached worker runs: next to this
 * module in a build, else in the package's `dist/` when this module runs from its TypeScript
 * source (tests). Undefined when neither exists.
 */
export function defaultWorkerPath(): string | undefined {
  for (const candidate of ['./worker-main.js', '../../dist/agent/worker-main.js']) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return undefined;
}

/**
 * Refuses a missing worker script before anything is queued.
 * @throws ContractError INTERNAL when `workerPath` is undefined or does not exist (package not
 *   built).
 */
export function assertWorkerPath(workerPath: string | undefined): asserts workerPath is string {
  if (workerPath === undefined || !existsSync(workerPath)) {
    throw new ContractError(
      'INTERNAL',
      'cannot start the agent worker: the compiled worker (dist/agent/worker-main.js) is missing; run `npm run build`',
    );
  }
}

/**
 * Makes sure a detached worker drains the queue of `options.stateDir`, so that a caller without a
 * server (`contracts call agent.run`) still gets its run executed: when no live worker holds the
 * worker lock, starts `node <workerPath> --cwd … --state-dir … --agents-dir … --concurrency N` in
 * its own session with stdio ignored and unreferenced, so the caller may exit. Starting one twice
 * is harmless: the second finds the lock taken and exits.
 * @throws ContractError INTERNAL when `workerPath` does not exist (the package is not built).
 */
export async function ensureDetachedWorker(
  options: RuntimeOptions,
  agentRoot: string,
  settings: { readonly concurrency: number; readonly workerPath: string | undefined },
): Promise<void> {
  assertWorkerPath(settings.workerPath);
  if ((await workerLockHolder(agentRoot)) !== undefined) return;
  const child = spawn(
    process.execPath,
    [
      settings.workerPath,
      '--cwd',
      options.cwd,
      '--state-dir',
      options.stateDir,
      '--agents-dir',
      options.agentsDir,
      '--concurrency',
      String(settings.concurrency),
    ],
    { cwd: options.cwd, detached: true, stdio: 'ignore', windowsHide: true },
  );
  child.on('error', () => undefined);
  child.unref();
}

/** What {@link drainQueue} did: runs it executed, or the pid of the worker that already drains. */
export type DrainOutcome = { readonly ran: number } | { readonly busyWorker: number };

/**
 * The body of `contracts agent work`: takes the worker lock (or returns at once when a live
 * worker holds it), drains the queue with `settings.concurrency` runs at once until idle for
 * `idleExitMs`, and releases the lock. A run queued while it was about to exit is picked up:
 * after releasing, it looks at the queue again and goes on when it can retake the lock. `signal`
 * (SIGTERM/SIGINT of the CLI) stops it: runs in flight end failed, reason `interrupted`.
 */
export async function drainQueue(
  services: AgentServices,
  settings: AgentWorkerSettings & { readonly idleExitMs: number },
  signal?: AbortSignal,
): Promise<DrainOutcome> {
  const root = services.store.root;
  let ran = 0;
  for (;;) {
    if (!(await tryAcquireWorkerLock(root))) {
      const holder = await workerLockHolder(root);
      return ran === 0 && holder !== undefined ? { busyWorker: holder } : { ran };
    }
    const worker = new AgentWorker(services, settings);
    const stop = () => void worker.stop();
    signal?.addEventListener('abort', stop, { once: true });
    try {
      ran += await worker.drain(settings.idleExitMs);
    } finally {
      signal?.removeEventListener('abort', stop);
      await releaseWorkerLock(root);
    }
    if (signal?.aborted || !(await worker.hasClaimable())) return { ran };
  }
}
