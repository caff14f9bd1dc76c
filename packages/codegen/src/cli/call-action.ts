import type { ActorKind } from 'contracts-runtime/actor';
import { ContractError, isContractError } from 'contracts-runtime/errors';
import { httpTransport } from 'contracts-runtime/http-transport';
import { contractErrorJson, exitCodeOfError } from './contract-error-output.js';
import { CliError, ExitCode } from './exit-codes.js';
import { readInputValue } from './input-value.js';
import { clientMethodOf } from './operation-clients.js';
import type { RuntimeFlags } from './runtime-flags.js';
import type { OpenedTransport } from './runtime-transport.js';

/** The flags of `contracts call`. */
export interface CallFlags extends RuntimeFlags {
  input?: string;
  actor: ActorKind;
  url?: string;
  token?: string;
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

/**
 * A local transport to `domain`'s operations as `--actor`. The app runtime loads here, not with
 * this module: a call over HTTP needs none of it.
 */
async function openLocal(flags: CallFlags, domain: string): Promise<OpenedTransport> {
  const { openLocalTransport, runtimeOptionsOf } = await import('./runtime-transport.js');
  return openLocalTransport(runtimeOptionsOf(flags), domain, { kind: flags.actor });
}

/**
 * The action of `contracts call` (call-command.ts): calls `operationKey` with the `--input`
 * value, locally as `--actor` or over HTTP to `--url`, and prints the output as JSON on stdout;
 * a ContractError prints `{error: {code, status, message, details}}` on stderr. Returns the exit
 * code: 0 ok, 2 for an unknown operation or an input at fault (HTTP 400), else 1.
 * @throws CliError (exit 2) for `--token` without `--url` and an unreadable `--input`.
 */
export async function callOperation(operationKey: string, flags: CallFlags): Promise<number> {
  if (flags.token !== undefined && flags.url === undefined) {
    throw new CliError(
      '--token needs --url: a token authenticates calls to a `contracts serve`; local calls take --actor',
      ExitCode.Usage,
    );
  }
  const input = await readInputValue(flags.input ?? '{}');
  const domain = operationKey.split('.')[0] ?? '';
  try {
    clientMethodOf(operationKey, { call: async () => undefined });
  } catch (error) {
    if (!isContractError(error)) throw error;
    process.stderr.write(contractErrorJson(error));
    return ExitCode.Usage;
  }
  // Over HTTP the token decides the actor; --actor and the runtime flags apply to local calls only.
  const opened: OpenedTransport =
    flags.url === undefined
      ? await openLocal(flags, domain)
      : {
          transport: httpTransport({
            baseUrl: flags.url,
            ...(flags.token === undefined ? {} : { token: flags.token }),
          }),
          close: async () => undefined,
        };
  try {
    const output = await clientMethodOf(operationKey, opened.transport)(input);
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    return ExitCode.Ok;
  } catch (error) {
    if (!isContractError(error)) throw error;
    process.stderr.write(
      contractErrorJson(withActorHint(error, flags.actor, flags.url === undefined)),
    );
    return exitCodeOfError(error);
  } finally {
    await opened.close();
  }
}
