import { Command } from 'commander';
import {
  createAgentServices,
  DEFAULT_IDLE_EXIT_MS,
  drainQueue,
  resolveConcurrency,
} from 'contracts-runtime/agent';
import { resolveRuntimeOptions } from 'contracts-runtime/app';
import { Timeline } from 'contracts-runtime/timeline';
import { CliError, ExitCode } from './exit-codes.js';

interface WorkFlags {
  cwd?: string;
  stateDir?: string;
  agentsDir?: string;
  concurrency?: string;
  idleExitMs?: string;
}

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
 * `contracts agent work [--cwd DIR] [--state-dir DIR] [--agents-dir DIR] [--concurrency N]
 * [--idle-exit-ms MS]`: drains the agent run queue of
 * the state directory and exits once idle for `--idle-exit-ms`. Prints `<runId> <status>` per
 * finished run on stdout (never a prompt or an error message: pii). Exits 0 at once, with a note
 * on stderr, when another live worker holds the worker lock. SIGTERM/SIGINT stop it: runs in
 * flight end failed, reason `interrupted`.
 */
export function agentCommand(): Command {
  const agent = new Command('agent')
    .description('Background agent runs')
    .addHelpText('after', '\nExample:\n  $ npx contracts agent work --idle-exit-ms 500\n');
  agent
    .command('work')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true)
    .description('Drain the agent run queue of a state directory, then exit when idle')
    .option(
      '--cwd <dir>',
      'folder agents and relative paths resolve against (default: the current folder)',
    )
    .option(
      '--state-dir <dir>',
      'state directory (default: $CONTRACTS_STATE_DIR, else <cwd>/.contracts)',
    )
    .option(
      '--agents-dir <dir>',
      'folder of agent definitions <agentKey>.json (default: <cwd>/agents)',
    )
    .option(
      '--concurrency <n>',
      'runs executing at once (default: $CONTRACTS_AGENT_CONCURRENCY, else 2)',
    )
    .option(
      '--idle-exit-ms <ms>',
      `exit after this long without work, in milliseconds (default: ${DEFAULT_IDLE_EXIT_MS})`,
    )
    .addHelpText(
      'after',
      `
Prints "<runId> <status>" per finished run on stdout. A second worker on the same state
directory exits at once (exit 0) with a note on stderr.

Examples:
  $ npx contracts agent work
  $ npx contracts agent work --cwd examples/agent --idle-exit-ms 500

Exit codes: 0 the queue is drained (or another worker drains it), 2 usage error.`,
    )
    .action(async (flags: WorkFlags) => {
      const concurrency = resolveConcurrency(
        flags.concurrency === undefined
          ? {}
          : { concurrency: count('--concurrency', flags.concurrency, 1) },
      );
      const idleExitMs = count(
        '--idle-exit-ms',
        flags.idleExitMs ?? String(DEFAULT_IDLE_EXIT_MS),
        0,
      );
      const options = resolveRuntimeOptions({
        ...(flags.cwd === undefined ? {} : { cwd: flags.cwd }),
        ...(flags.stateDir === undefined ? {} : { stateDir: flags.stateDir }),
        ...(flags.agentsDir === undefined ? {} : { agentsDir: flags.agentsDir }),
        agentWorker: 'none',
      });
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
        process.exitCode = ExitCode.Ok;
      } finally {
        process.off('SIGTERM', onSignal);
        process.off('SIGINT', onSignal);
      }
    });
  return agent;
}
