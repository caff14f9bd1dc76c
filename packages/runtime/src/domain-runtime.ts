import type { Actor } from './actor.js';
import type { RuntimeOptions } from './runtime-options.js';
import type { Timeline } from './timeline.js';

/** What every domain runtime gets: where to work and the shared event timeline. */
export interface RuntimeContext {
  readonly options: RuntimeOptions;
  readonly timeline: Timeline;
}

/**
 * The hand-written implementation of one domain's generated handlers interface `H`, with optional
 * lifecycle hooks (e.g. the agent worker starts with `start` and stops with `close`).
 */
export interface DomainRuntime<H> {
  readonly handlers: H;
  start?(): Promise<void>;
  close?(): Promise<void>;
  /** Stops background work within `graceMs` (milliseconds), ending what is left `interrupted`. */
  shutdown?(graceMs: number): Promise<void>;
  /**
   * Who started run `runId` of this domain: `{ found: false }` when the domain has no such run;
   * `owner` is absent for records written before runs kept their actor.
   */
  runOwner?(runId: string): Promise<{ found: boolean; owner?: Actor }>;
}
