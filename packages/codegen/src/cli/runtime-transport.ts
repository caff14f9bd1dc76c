import type { Actor } from 'contracts-runtime/actor';
import {
  type AppRuntime,
  createAppRuntime,
  resolveRuntimeOptions,
  type RuntimeOptions,
} from 'contracts-runtime/app';
import type { EventSink } from 'contracts-runtime/events';
import { localTransport } from 'contracts-runtime/local-transport';
import type { Transport } from 'contracts-runtime/transport';
import { CliError, ExitCode } from './exit-codes.js';
import type { RuntimeFlags } from './runtime-flags.js';

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
