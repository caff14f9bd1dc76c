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
import type { RuntimeFlags } from './runtime-flags.js';

/** What a command sets of the runtime options besides the shared flags and the agent worker. */
export type RuntimePolicy = Omit<
  Parameters<typeof resolveRuntimeOptions>[0],
  keyof RuntimeFlags | 'agentWorker'
>;

/**
 * Runtime options from the shared flags, the command's own policy and the environment
 * (runtime/runtime-options.ts).
 */
export function runtimeOptionsOf(
  flags: RuntimeFlags,
  agentWorker?: RuntimeOptions['agentWorker'],
  policy: RuntimePolicy = {},
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

/** A transport for `domain`'s operations plus what to do when the command is done with it. */
export interface OpenedTransport {
  transport: Transport;
  /** The in-process runtime behind a local transport (undefined over HTTP). */
  app?: AppRuntime;
  close(): Promise<void>;
}

/**
 * Opens a transport to the operations of `domain` in this process, as `actor`: builds the app
 * runtime (`createAppRuntime`) and wraps the domain's router in `localTransport`, sending emitted
 * events to the timeline and then to `onEvent`. (Calls to a `contracts serve` take
 * `httpTransport` instead: call-action.ts.)
 */
export async function openLocalTransport(
  options: RuntimeOptions,
  domain: string,
  actor: Actor,
  onEvent?: EventSink,
): Promise<OpenedTransport> {
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
