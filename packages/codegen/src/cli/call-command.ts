import { Command, Option } from 'commander';
import type { ActorKind } from 'contracts-runtime/actor';
import { createAgentClient } from 'contracts-runtime/domains/agent';
import { createHarnessClient } from 'contracts-runtime/domains/harness';
import { ContractError, isContractError } from 'contracts-runtime/errors';
import { httpTransport } from 'contracts-runtime/http-transport';
import type { Transport } from 'contracts-runtime/transport';
import { unknownNameHint } from 'contracts-runtime/core';
import { CliError, ExitCode } from './exit-codes.js';
import {
  actorOption,
  addRuntimeFlags,
  contractErrorJson,
  exitCodeOfError,
  openTransport,
  readInputValue,
  runtimeOptionsOf,
  type RuntimeFlags,
  type TransportTarget,
} from './runtime-flags.js';

interface CallFlags extends RuntimeFlags {
  input?: string;
  actor: ActorKind;
  url?: string;
  token?: string;
}

/** The generated client factory of each domain; a new domain adds one line here. */
const CLIENTS: Readonly<Record<string, (transport: Transport) => object>> = {
  agent: createAgentClient,
  harness: createHarnessClient,
};

type Method = (input: unknown) => Promise<unknown>;

/** Every operation key the generated clients offer, sorted: `agent.approvals`, …, `harness.target.resolve`. */
export function operationKeys(): string[] {
  const keys: string[] = [];
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'function') keys.push(prefix);
    else if (typeof node === 'object' && node !== null) {
      for (const [name, child] of Object.entries(node)) walk(child, `${prefix}.${name}`);
    }
  };
  for (const [domain, factory] of Object.entries(CLIENTS)) {
    walk(factory({ call: async () => undefined }), domain);
  }
  return keys.sort();
}

/**
 * The method of `operationKey` on its domain's generated client: `harness.run.start` ->
 * `createHarnessClient(t).run.start`, `agent.run` -> `createAgentClient(t).run`.
 * @throws ContractError NOT_FOUND for an unknown domain or operation, naming the nearest key and
 *   listing every key.
 */
export function clientMethodOf(operationKey: string, transport: Transport): Method {
  const [domain = '', ...segments] = operationKey.split('.');
  const factory = Object.hasOwn(CLIENTS, domain) ? CLIENTS[domain] : undefined;
  let node: unknown = factory?.(transport);
  for (const segment of segments) {
    node =
      typeof node === 'object' && node !== null && Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  if (segments.length === 0 || typeof node !== 'function') {
    throw new ContractError(
      'NOT_FOUND',
      `unknown operation ${JSON.stringify(operationKey)}${unknownNameHint(operationKey, operationKeys(), 'operations')}`,
    );
  }
  return node as Method;
}

/**
 * A FORBIDDEN or UNAUTHORIZED answer to a local call, with the fix: the `--actor` the
 * operation needs (`admin` for admin operations). Other errors are unchanged.
 */
function withActorHint(error: ContractError, actor: ActorKind, local: boolean): ContractError {
  if (!local || (error.code !== 'FORBIDDEN' && error.code !== 'UNAUTHORIZED')) return error;
  const next = actor === 'admin' ? undefined : actor === 'anonymous' ? 'user (or admin)' : 'admin';
  if (next === undefined) return error;
  return new ContractError(
    error.code,
    `${error.message} (called as --actor ${actor}; try --actor ${next})`,
    { status: error.status, ...(error.details === undefined ? {} : { details: error.details }) },
  );
}

async function call(operationKey: string, flags: CallFlags): Promise<number> {
  if (flags.token !== undefined && flags.url === undefined) {
    throw new CliError(
      '--token needs --url: a token authenticates calls to a `contracts serve`; local calls take --actor',
      ExitCode.Usage,
    );
  }
  const input = await readInputValue(flags.input ?? '{}');
  const target: TransportTarget =
    flags.url === undefined
      ? { kind: 'local' }
      : {
          kind: 'http',
          url: flags.url,
          ...(flags.token === undefined ? {} : { token: flags.token }),
        };
  const domain = operationKey.split('.')[0] ?? '';
  try {
    clientMethodOf(operationKey, { call: async () => undefined });
  } catch (error) {
    if (!isContractError(error)) throw error;
    process.stderr.write(contractErrorJson(error));
    return ExitCode.Usage;
  }
  // Over HTTP the token decides the actor; --actor and the runtime flags apply to local calls only.
  const opened =
    target.kind === 'http'
      ? {
          transport: httpTransport({
            baseUrl: target.url,
            ...(target.token === undefined ? {} : { token: target.token }),
          }),
          close: async () => undefined,
        }
      : await openTransport(target, runtimeOptionsOf(flags), domain, { kind: flags.actor });
  try {
    const output = await clientMethodOf(operationKey, opened.transport)(input);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return ExitCode.Ok;
  } catch (error) {
    if (!isContractError(error)) throw error;
    process.stderr.write(
      contractErrorJson(withActorHint(error, flags.actor, target.kind === 'local')),
    );
    return exitCodeOfError(error);
  } finally {
    await opened.close();
  }
}

/**
 * `contracts call <operation-key> --input <json|@file|-> [--actor] [--cwd] [--state-dir]
 * [--agents-dir]`: calls any operation through its domain's generated client over the
 * in-process transport into the app runtime's router, and prints the output as JSON. A
 * `ContractError` prints `{error: {code, status, message, details}}` on stderr; exit 2 when the
 * input is at fault (HTTP 400: VALIDATION_FAILED or a declared 400 error) and for an unknown
 * operation (NOT_FOUND), 1 for any other error. With `--url <base> [--token <t>]` the
 * call goes to a `contracts serve` through `httpTransport`; a network failure exits 1 with its message.
 */
export function callCommand(): Command {
  const command = new Command('call')
    .description(
      'Call any operation through its generated client and router, print its JSON output',
    )
    .argument('<operation-key>', 'e.g. harness.run.get or agent.status')
    .option('--input <json|@file|->', 'the input: inline JSON, @file or - for stdin (default: {})')
    .addOption(actorOption())
    .addOption(new Option('--url <base>', 'call a `contracts serve` at this URL over HTTP'))
    .addOption(
      new Option('--token <token>', 'bearer token for --url (its actor wins); needs --url'),
    )
    .addHelpText(
      'after',
      `
Local calls run in this process as --actor; with --url they go to a \`contracts serve\`, whose
token decides the actor. An --input path is relative to the current folder; paths inside the
input (suiteKey, …) resolve in --cwd.

Examples:
  $ npx contracts call harness.target.resolve
  $ npx contracts call agent.status --input '{"limit": 5}'
  $ npx contracts call agent.cancel --actor admin --input '{"runId": "run-…"}'

Exit codes:
  0  the output is printed as JSON on stdout
  1  the operation failed ({"error": {code, status, message, details}} on stderr)
  2  invalid input (HTTP 400), an unknown operation, or a usage error`,
    );
  return addRuntimeFlags(command, { agentsDir: true }).action(
    async (operationKey: string, flags: CallFlags) => {
      process.exitCode = await call(operationKey, flags);
    },
  );
}
