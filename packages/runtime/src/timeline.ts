import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { agentRegistry } from './generated/agent/registry.js';
import { harnessRegistry } from './generated/harness/registry.js';
import { appendJsonl, readJsonl } from './store/jsonl-append.js';

/** One line of the event timeline, `events/<YYYY-MM-DD>.jsonl` under the state directory. */
export interface TimelineEvent {
  /** Unique across the timeline; a second append with the same id is dropped. */
  readonly id: string;
  readonly key: string;
  readonly version: string;
  /** ISO 8601 instant; decides the UTC day file. */
  readonly occurredAt: string;
  /** The event payload, with every pii field of the event's contract replaced by {@link REDACTED}. */
  readonly payload: Record<string, unknown>;
  /** The operation whose handler emitted it, when one did. */
  readonly operation?: { readonly key: string; readonly version: string };
}

/** What a pii value becomes in the timeline. */
export const REDACTED = '[redacted]';

type PiiLookup = (key: string, version: string) => readonly string[];

const registries = [...harnessRegistry, ...agentRegistry];

/**
 * The pii fields the generated registries declare for an event (`policy.pii` of the event spec),
 * so masking follows the contracts and no hand-kept list.
 */
export function contractPii(key: string, version: string): readonly string[] {
  return registries.find((spec) => spec.key === key && spec.version === version)?.policy.pii ?? [];
}

/** A copy of `payload` whose listed top-level fields hold {@link REDACTED}. */
export function redactPii(
  payload: Record<string, unknown>,
  pii: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(payload)) {
    out[field] = pii.includes(field) && value !== undefined ? REDACTED : value;
  }
  return out;
}

/**
 * The append-only event timeline of a state directory: one JSONL file per UTC day, each event at
 * most once. Safe across processes.
 */
export class Timeline {
  readonly eventsDir: string;
  private readonly stateDir: string;

  constructor(
    stateDir: string,
    private readonly piiOf: PiiLookup = contractPii,
  ) {
    this.eventsDir = join(stateDir, 'events');
    this.stateDir = stateDir;
  }

  /**
   * Appends an event, masking its pii fields first. Give a deterministic `id` where a retry could
   * write the same event again; otherwise a random UUID is used.
   * @returns the event as written, and whether it was new; rejects with what `piiOf` or the
   *   append throws (nothing is written then).
   */
  append(event: Omit<TimelineEvent, 'id'> & { readonly id?: string }): Promise<{
    event: TimelineEvent;
    written: boolean;
  }> {
    let written: TimelineEvent;
    try {
      written = {
        ...event,
        id: event.id ?? randomUUID(),
        payload: redactPii(event.payload, this.piiOf(event.key, event.version)),
      };
    } catch (error) {
      // A throwing `piiOf` rejects, as it did when this method was async.
      return Promise.reject(error);
    }
    return appendJsonl(this.eventsDir, { ...written }, { root: this.stateDir }).then((outcome) => ({
      event: written,
      written: outcome === 'written',
    }));
  }

  /** Every event, oldest day first and in file order within a day; optional key / payload.runId filter. */
  async list(filter: { key?: string; runId?: string } = {}): Promise<TimelineEvent[]> {
    let names: string[];
    try {
      names = (await readdir(this.eventsDir)).filter((name) =>
        /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name),
      );
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const events: TimelineEvent[] = [];
    for (const name of names.sort()) {
      for (const entry of await readJsonl(join(this.eventsDir, name))) {
        const event = entry as unknown as TimelineEvent;
        if (filter.key && event.key !== filter.key) continue;
        if (filter.runId && event.payload?.runId !== filter.runId) continue;
        events.push(event);
      }
    }
    return events;
  }
}
