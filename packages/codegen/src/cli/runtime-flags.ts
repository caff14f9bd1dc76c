import { Option, type Command } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Actor } from 'contracts-runtime/actor';
import {
  type AppRuntime,
  createAppRuntime,
  resolveRuntimeOptions,
  type RuntimeOptions,
} from 'contracts-runtime/app';
import {
  type ContractError,
  isContractError,
  type ValidationIssue,
} from 'contracts-runtime/errors';
import type { EventSink } from 'contracts-runtime/events';
import { localTransport } from 'contracts-runtime/local-transport';
import type { Transport } from 'contracts-runtime/transport';
import { CliError, ExitCode } from './exit-codes.js';
import { parseJsonText } from './json-text.js';

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

/** Runtime options from the shared flags and the environment (runtime/runtime-options.ts). */
export function runtimeOptionsOf(
  flags: RuntimeFlags,
  agentWorker?: RuntimeOptions['agentWorker'],
  policy: { inlineExecutors?: boolean } = {},
): RuntimeOptions {
  return resolveRuntimeOptions({
    ...(flags.cwd === undefined ? {} : { cwd: flags.cwd }),
    ...(flags.stateDir === undefined ? {} : { stateDir: flags.stateDir }),
    ...(flags.agentsDir === undefined ? {} : { agentsDir: flags.agentsDir }),
    ...(flags.executorsDir === undefined ? {} : { executorsDir: flags.executorsDir }),
    ...(agentWorker === undefined ? {} : { agentWorker }),
    ...policy,
  });
}

/**
 * Where a command's calls go. `local` (the only kind today): the app runtime's routers in this
 * process. `http` is the hook for `--url <base> [--token]`: a later transport plugs in here and
 * every command that uses {@link openTransport} follows.
 */
export type TransportTarget = { kind: 'local' } | { kind: 'http'; url: string; token?: string };

/** A transport for `domain`'s operations plus what to do when the command is done with it. */
export interface OpenedTransport {
  transport: Transport;
  /** The in-process runtime behind a local transport (undefined over HTTP). */
  app?: AppRuntime;
  close(): Promise<void>;
}

/**
 * Opens a transport to the operations of `domain` as `actor`: locally, builds the app runtime
 * (`createAppRuntime`) and wraps the domain's router in `localTransport`, sending emitted events
 * to the timeline and then to `onEvent`.
 * @throws CliError (exit 2) for an `http` target, which is not available yet.
 */
export async function openTransport(
  target: TransportTarget,
  options: RuntimeOptions,
  domain: string,
  actor: Actor,
  onEvent?: EventSink,
): Promise<OpenedTransport> {
  if (target.kind === 'http') {
    throw new CliError(
      `--url: the HTTP transport is not available yet (${target.url})`,
      ExitCode.Usage,
    );
  }
  const app = await createAppRuntime(options);
  const router = app.routerFor(`${domain}.`);
  const sink: EventSink = async (event) => {
    await app.onEvent(event);
    await onEvent?.(event);
  };
  return {
    transport: localTransport(router, { actor, onEvent: sink }),
    app,
    close: () => app.close(),
  };
}

/**
 * Reads an `--input` value, the same way for every command: `-` reads stdin; `@file` reads that
 * file; a value starting with `{` or `[` (after spaces) is inline JSON; any other value is inline
 * JSON too, or, when `plainPath` (`harness run`), a file path. A file path is relative to the
 * shell's folder (never `--cwd`): the paths inside the document are the ones that resolve in
 * `--cwd`.
 * @throws CliError (exit 2) naming `--input`: the absolute path tried when a file cannot be read,
 *   `stdin was empty`, or the line and column where the JSON breaks.
 */
export async function readInputValue(value: string, plainPath = false): Promise<unknown> {
  if (value === '-') return parseJsonText(await readStdin(), 'stdin', '--input');
  const inline = /^\s*[[{]/.test(value);
  if (value.startsWith('@') || (plainPath && !inline)) {
    const file = value.startsWith('@') ? value.slice(1) : value;
    const absolute = path.resolve(file);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const why = code === 'ENOENT' ? 'no such file' : code;
      throw new CliError(
        `--input: cannot read ${absolute} (${why}); an --input path is relative to the current folder, not --cwd`,
        ExitCode.Usage,
      );
    }
    return parseJsonText(text, file, '--input');
  }
  return parseJsonText(value, 'the inline value', '--input');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A ContractError as JSON: `{error: {code, status, message, details}}` (`details` null if none). */
export function contractErrorJson(error: ContractError): string {
  const { code, status, message } = error;
  return `${JSON.stringify({ error: { code, status, message, details: error.details ?? null } }, null, 2)}\n`;
}

/**
 * Exit code of a failed call: 2 when the caller's input is at fault (VALIDATION_FAILED, and the
 * operation's declared 400 errors such as SCENARIO_OR_SUITE_REQUIRED), else 1.
 */
export function exitCodeOfError(error: unknown): number {
  return isContractError(error) && error.status === 400 ? ExitCode.Usage : ExitCode.Failure;
}

/** The issues of a VALIDATION_FAILED error; `[]` for any other error. */
export function issuesOf(error: unknown): ValidationIssue[] {
  if (!isContractError(error) || error.code !== 'VALIDATION_FAILED') return [];
  return Array.isArray(error.details) ? (error.details as ValidationIssue[]) : [];
}
