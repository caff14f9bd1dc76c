import { Command } from './commander.js';
import type { WorkFlags } from './agent-work-action.js';
import { DEFAULT_IDLE_EXIT_MS } from 'contracts-runtime/defaults';

/**
 * `contracts agent work [--cwd DIR] [--state-dir DIR] [--agents-dir DIR] [--concurrency N]
 * [--idle-exit-ms MS]`: drains the agent run queue of
 * the state directory and exits once idle for `--idle-exit-ms`. Prints `<runId> <status>` per
 * finished run on stdout (never a prompt or an error message: pii). Exits 0 at once, with a note
 * on stderr, when another live worker holds the worker lock. SIGTERM/SIGINT stop it: runs in
 * flight end failed, reason `interrupted`. The action (agent-work-action.ts) and the runtime load
 * only when the command runs, so `--help` and every other command skip them.
 */
export function agentCommand(): Command {
  const agent = new Command('agent')
    .description('Background agent runs')
    .addHelpText('after', '\nExample:\n  $ npx contracts agent work --idle-exit-ms 500\n');
  agent
    .command('work')
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
      const { agentWork } = await import('./agent-work-action.js');
      process.exitCode = await agentWork(flags);
    });
  return agent;
}
