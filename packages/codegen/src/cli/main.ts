#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { readFileSync } from 'node:fs';
import { agentCommand } from './agent-command.js';
import { callCommand } from './call-command.js';
import { generateCommand } from './generate-command.js';
import { harnessCommand } from './harness-command.js';
import { initCommand } from './init-command.js';
import { irCommand } from './ir-command.js';
import { serveCommand } from './serve-command.js';
import { CliError, ExitCode } from './exit-codes.js';

const packageJson = JSON.parse(
  readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
) as { version: string };

/** Builds the `contracts` program; every command gets `--help`. */
export function buildProgram(): Command {
  const program = new Command('contracts')
    .description('Generate every surface of contract specs, and run the runtime behind them')
    .version(packageJson.version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)');
  const commands: Command[] = [
    initCommand(),
    generateCommand(),
    irCommand(),
    agentCommand(),
    serveCommand(),
    harnessCommand(),
    callCommand(),
  ];
  for (const command of commands) {
    program.addCommand(command.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return program;
}

async function main(argv: readonly string[]): Promise<void> {
  try {
    await buildProgram().parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) {
      const benign = ['commander.helpDisplayed', 'commander.version'];
      process.exitCode = benign.includes(error.code) ? ExitCode.Ok : ExitCode.Usage;
      return;
    }
    if (error instanceof CliError) {
      process.stderr.write(`contracts: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`contracts: ${message}\n`);
    process.exitCode = ExitCode.Failure;
  }
}

await main(process.argv);
