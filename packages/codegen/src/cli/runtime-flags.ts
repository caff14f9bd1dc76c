import { Option, type Command } from './commander.js';

/**
 * The flags every runtime command shares (`--cwd`, `--state-dir`, `--executors-dir`,
 * `--agents-dir`).
 */
export interface RuntimeFlags {
  cwd?: string;
  stateDir?: string;
  agentsDir?: string;
  executorsDir?: string;
}

/**
 * Adds `--cwd`, `--state-dir` and `--executors-dir` (and `--agents-dir` when asked) to a runtime
 * command.
 */
export function addRuntimeFlags(command: Command, options: { agentsDir?: boolean } = {}): Command {
  command
    .option(
      '--cwd <path>',
      'folder every path inside the input resolves in: suites, executor cwd, state (default: the current folder)',
    )
    .option(
      '--state-dir <path>',
      'state directory (default: $CONTRACTS_STATE_DIR, else <cwd>/.contracts)',
    )
    .option(
      '--executors-dir <path>',
      'folder of named executor definitions, <name>.json (default: <cwd>/executors)',
    );
  if (options.agentsDir) {
    command.option('--agents-dir <path>', 'folder of agent definitions (default: <cwd>/agents)');
  }
  return command;
}

/** An `--actor` option limited to the three actor kinds; `user` by default. */
export function actorOption(): Option {
  return new Option('--actor <kind>', 'who calls')
    .choices(['anonymous', 'user', 'admin'])
    .default('user');
}
