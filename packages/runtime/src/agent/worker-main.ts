import { parseArgs } from 'node:util';
import { Timeline } from '../timeline.js';
import { resolveRuntimeOptions } from '../runtime-options.js';
import { createAgentServices } from './agent-services.js';
import { resolveConcurrency } from './agent-runtime.js';
import { DEFAULT_IDLE_EXIT_MS, drainQueue } from './detached-worker.js';

/**
 * The detached agent worker that `ensureDetachedWorker` starts:
 * `node worker-main.js --cwd DIR --state-dir DIR --agents-dir DIR --concurrency N`. It drains the
 * queue and exits once idle for {@link DEFAULT_IDLE_EXIT_MS} ms; SIGTERM/SIGINT stop it, and runs
 * in flight end failed with reason `interrupted`. Its stdio is ignored, so it prints nothing.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      cwd: { type: 'string' },
      'state-dir': { type: 'string' },
      'agents-dir': { type: 'string' },
      concurrency: { type: 'string' },
    },
    strict: true,
  });
  const options = resolveRuntimeOptions({
    ...(values.cwd === undefined ? {} : { cwd: values.cwd }),
    ...(values['state-dir'] === undefined ? {} : { stateDir: values['state-dir'] }),
    ...(values['agents-dir'] === undefined ? {} : { agentsDir: values['agents-dir'] }),
    agentWorker: 'none',
  });
  const concurrency = resolveConcurrency(
    values.concurrency === undefined ? {} : { concurrency: Number(values.concurrency) },
  );
  const stop = new AbortController();
  process.once('SIGTERM', () => stop.abort());
  process.once('SIGINT', () => stop.abort());
  await drainQueue(
    createAgentServices(options, new Timeline(options.stateDir)),
    { concurrency, pollMs: 500, idleExitMs: DEFAULT_IDLE_EXIT_MS },
    stop.signal,
  );
}

await main();
