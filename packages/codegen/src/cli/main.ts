#!/usr/bin/env node
import { Command, CommanderError } from './commander.js';
import { readFileSync } from 'node:fs';
import { agentCommand } from './agent-command.js';
import { callCommand } from './call-command.js';
import { docsCommand } from './docs-command.js';
import { generateCommand } from './generate-command.js';
import { harnessCommand } from './harness-command.js';
import { initCommand } from './init-command.js';
import { irCommand } from './ir-command.js';
import { serveCommand } from './serve-command.js';
import { dropOutputWhenStdoutCloses } from './closed-stdout.js';
import { CliError, ExitCode } from './exit-codes.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

const PROGRAM_HELP = `
Examples:
  $ npx contracts init --yes && npx contracts generate
  $ npx contracts harness run --input examples/harness/run-input.json
  $ npx contracts help harness

Exit codes (every command): 0 ok, 1 failure (error diagnostics, drift, a failed case or call, a
server that cannot listen), 2 usage or invalid input. With --format json, stdout holds one JSON
document in every outcome.
`;

/**
 * Makes `command` and every command under it (`docs serve`, `harness run`, …) throw a
 * CommanderError instead of exiting on a usage error (commander's `exitOverride()`), so that
 * {@link main} ends with exit code 2, and print the `--help` hint and a "Did you mean" suggestion
 * after the error. Commander copies these settings only to subcommands created after they are set
 * (`copyInheritedSettings`), hence the walk over the finished tree.
 */
function handleUsageErrors(command: Command): void {
  command
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .showSuggestionAfterError(true);
  for (const sub of command.commands) handleUsageErrors(sub);
}

/** Builds the `contracts` program; every command gets `--help`, examples and its exit codes. */
export function buildProgram(): Command {
  const program = new Command('contracts')
    .description('Generate every surface of contract specs, and run the runtime behind them')
    .version(packageJson.version)
    .addHelpText('after', PROGRAM_HELP);
  for (const command of [
    initCommand(),
    generateCommand(),
    irCommand(),
    agentCommand(),
    serveCommand(),
    harnessCommand(),
    callCommand(),
    docsCommand(),
  ]) {
    program.addCommand(command);
  }
  handleUsageErrors(program);
  return program;
}

/**
 * `argv` with `help <command> <subcommand>…` (two or more command names after `help`) turned into
 * `<command> <subcommand>… --help`: commander's own help command reads only the first name, so
 * `contracts help docs serve` would print the help of `docs`. Other argv come back as given.
 */
export function withNestedHelp(program: Command, argv: readonly string[]): string[] {
  if (argv[2] !== 'help') return [...argv];
  const path: string[] = [];
  let command = program;
  for (const word of argv.slice(3)) {
    const sub = command.commands.find((one) => one.name() === word || one.aliases().includes(word));
    if (sub === undefined) break;
    path.push(word);
    command = sub;
  }
  if (path.length < 2) return [...argv];
  return [...argv.slice(0, 2), ...path, '--help', ...argv.slice(3 + path.length)];
}

/** True when `argv` asks for `--format json` (either spelling), so errors go out as JSON too. */
export function wantsJson(argv: readonly string[]): boolean {
  return argv.some(
    (arg, index) => arg === '--format=json' || (arg === '--format' && argv[index + 1] === 'json'),
  );
}

/** `{ok: false, error: {code, message, problems: []}}` on stdout, for `--format json`. */
function writeErrorJson(code: string, message: string): void {
  process.stdout.write(
    `${JSON.stringify({ ok: false, error: { code, message, problems: [] } }, null, 2)}\n`,
  );
}

async function main(argv: readonly string[]): Promise<void> {
  const json = wantsJson(argv);
  try {
    const program = buildProgram();
    await program.parseAsync(withNestedHelp(program, argv));
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and --version end with exit code 0 (also `contracts help <command>`); the rest is usage.
      process.exitCode = error.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      if (error.exitCode !== 0 && json)
        writeErrorJson('USAGE', error.message.replace(/^error: /, ''));
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`contracts: ${error.message}\n`);
      if (json)
        writeErrorJson(error.exitCode === ExitCode.Usage ? 'USAGE' : 'FAILURE', error.message);
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`contracts: ${message}\n`);
    if (json) writeErrorJson('INTERNAL', message);
    process.exitCode = ExitCode.Failure;
  }
}

dropOutputWhenStdoutCloses();
await main(process.argv);
