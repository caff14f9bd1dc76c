import type { RuntimeOptions } from '../runtime-options.js';
import type { Timeline } from '../timeline.js';
import { DEFAULT_KILL_GRACE_MS } from '../process/process-group.js';
import { AgentRunStore } from './run-store.js';
import { SnapshotStore } from './snapshot-store.js';

/** What the agent handlers and workers share: where to work, the stores and the timeline. */
export interface AgentServices {
  readonly options: RuntimeOptions;
  readonly timeline: Timeline;
  readonly store: AgentRunStore;
  readonly snapshots: SnapshotStore;
  /** SIGTERM -> SIGKILL grace when a run is cancelled or its worker stops, in milliseconds. */
  readonly killGraceMs: number;
}

/** The services over `options.stateDir`. */
export function createAgentServices(
  options: RuntimeOptions,
  timeline: Timeline,
  killGraceMs = DEFAULT_KILL_GRACE_MS,
): AgentServices {
  return {
    options,
    timeline,
    store: new AgentRunStore(options.stateDir),
    snapshots: new SnapshotStore(options.stateDir),
    killGraceMs,
  };
}
