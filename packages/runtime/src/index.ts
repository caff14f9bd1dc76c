/**
 * What generated code and the apps that use it import at run time: contract errors, the
 * transport interface with its local (in-process) and HTTP (fetch) implementations, the
 * operation router, event definitions and the wire-format checks of the formatted scalars. Each
 * part is also an entry point of its own (`contracts-runtime/errors`, `…/router`, …).
 */
export * from './errors.js';
export * from './events.js';
export * from './http-transport.js';
export * from './local-transport.js';
export * from './router.js';
export * from './transport.js';
export * from './wire-formats.js';
export type { Actor, ActorKind } from './actor.js';
