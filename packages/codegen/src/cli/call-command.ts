import { Command, Option } from 'commander';
import type { ActorKind } from 'contracts-runtime/actor';
import { createAgentClient } from 'contracts-runtime/domains/agent';
import { createHarnessClient } from 'contracts-runtime/domains/harness';
import { ContractError, isContractError } from 'contracts-runtime/errors';
import { httpTransport } from 'contracts-runtime/http-transport';
import type { Transport } from 'contracts-runtime/transport';
import { ExitCode } from './exit-codes.js';
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
  input: string;
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

/**
 * The method of `operationKey` on its domain's generated client: `harness.run.start` ->
 * `createHarnessClient(t).run.start`, `agent.run` -> `createAgentClient(t).run`.
 * @throws ContractError NOT_FOUND for an unknown domain or operation.
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
      `no operation ${operationKey} (domains: ${Object.keys(CLIENTS).join(', ')})`,
    );
  }
  return node as Method;
}

async function call(operationKey: string, flags: CallFlags): Promise<number> {
  const input = await readInputValue(flags.input);
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
    process.stderr.write(contractErrorJson(error));
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
    .option('--input <json|@file|->', 'the input: inline JSON, @file or - for stdin', '{}')
    .addOption(actorOption())
    .addOption(new Option('--url <base>', 'call a `contracts serve` at this URL over HTTP'))
    .addOption(new Option('--token <token>', 'bearer token for --url (its actor wins)'));
  return addRuntimeFlags(command, { agentsDir: true }).action(
    async (operationKey: string, flags: CallFlags) => {
      process.exitCode = await call(operationKey, flags);
    },
  );
}
