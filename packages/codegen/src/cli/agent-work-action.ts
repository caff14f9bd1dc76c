import {
  createAgentServices,
  DEFAULT_IDLE_EXIT_MS,
  drainQueue,
  resolveConcurrency,
} from 'contracts-runtime/agent';
import { Timeline } from 'contracts-runtime/timeline';
import { CliError, ExitCode } from './exit-codes.js';
import { runtimeOptionsOf } from './runtime-transport.js';

/** The flags of `contracts agent work`; `concurrency` and `idleExitMs` as typed. */
export interface WorkFlags {
  cwd?: string;
  stateDir?: string;
  agentsDir?: string;
  concurrency?: string;
  idleExitMs?: string;
}

/**
 * `text` as a whole number >= `minimum`.
 * @throws CliError (exit 2) naming `flag` otherwise.
 */
function count(flag: string, text: string, minimum: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < minimum) {
    throw new CliError(
      `${flag} must be an integer >= ${minimum}, got ${JSON.stringify(text)}`,
      ExitCode.Usage,
    );
  }
  return value;
}

/**
 * The action of `contracts agent work` (agent-command.ts): drains the agent run queue of the
 * state directory until idle for `--idle-exit-ms` (default {@link DEFAULT_IDLE_EXIT_MS} ms),
 * writing `<runId> <status>` per finished run on stdout; SIGTERM/SIGINT abort the drain. Returns
 * exit code 0, also when another live worker holds the worker lock (a note goes to stderr).
 * @throws CliError (exit 2) for a `--concurrency` below 1 or an `--idle-exit-ms` that is not a
 *   whole number.
 */
export async function agentWork(flags: WorkFlags): Promise<number> {
  const concurrency = resolveConcurrency(
    flags.concurrency === undefined
      ? {}
      : { concurrency: count('--concurrency', flags.concurrency, 1) },
  );
  const idleExitMs = count('--idle-exit-ms', flags.idleExitMs ?? String(DEFAULT_IDLE_EXIT_MS), 0);
  const options = runtimeOptionsOf(flags, 'none');
  const services = createAgentServices(options, new Timeline(options.stateDir));
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    const outcome = await drainQueue(
      services,
      {
        concurrency,
        pollMs: Math.min(500, Math.max(50, idleExitMs)),
        idleExitMs,
        onFinished: (record) => process.stdout.write(`${record.runId} ${record.status}\n`),
      },
      stop.signal,
    );
    if ('busyWorker' in outcome) {
      process.stderr.write(
        `contracts agent work: worker ${outcome.busyWorker} already drains this queue\n`,
      );
    }
    return ExitCode.Ok;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
  }
}
