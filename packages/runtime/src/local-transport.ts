import type { Actor } from './actor.js';
import type { EventSink } from './events.js';
import type { Router } from './router.js';
import type { Transport } from './transport.js';

/** The fixed caller of a local transport and where emitted events go. */
export interface LocalTransportOptions {
  readonly actor: Actor;
  readonly onEvent?: EventSink;
}

/**
 * An in-process {@link Transport}: every call goes straight to `router.call` as `options.actor`,
 * so a generated client runs against generated handlers without a network (used by `contracts
 * call` and the tests). Problem answers reject with the router's `ContractError` unchanged.
 */
export function localTransport(router: Router, options: LocalTransportOptions): Transport {
  return {
    call: (request) => router.call(request.key, request.input, options, request.version),
  };
}
