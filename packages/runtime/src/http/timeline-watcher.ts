import type { TimelineEvent } from '../timeline.js';

/** What the watcher reads: `Timeline.list()` (runtime/timeline.ts). */
export interface TimelineSource {
  list(): Promise<TimelineEvent[]>;
}

/** A live subscriber: `onEvents` gets each batch of new events in timeline order. */
export interface TimelineSubscriber {
  onEvents(events: readonly TimelineEvent[]): void;
  /** The watcher closed (server shutdown): end the stream. */
  onClose(): void;
}

/** What {@link TimelineWatcher.subscribe} hands back. */
export interface TimelineSubscription {
  /** Every event known when the subscription began, in timeline order. */
  readonly backlog: readonly TimelineEvent[];
  unsubscribe(): void;
}

/**
 * Follows the timeline files for the `/events` stream. The timeline is appended by this process's
 * handlers, by its agent worker and by other processes (a detached `contracts agent work`), so the
 * files are the one place every event reaches; the watcher polls them every `pollMs` (default
 * 250 ms) while someone listens, and at once after {@link nudge} (the server nudges after each
 * in-process event). Events keep file order, so a run's events arrive in the order they were
 * appended. Errors reading the files go to `log` and the next poll retries.
 */
export class TimelineWatcher {
  private readonly known: TimelineEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly subscribers = new Set<TimelineSubscriber>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;

  constructor(
    private readonly source: TimelineSource,
    private readonly options: {
      readonly pollMs?: number;
      readonly log?: (message: string) => void;
    } = {},
  ) {}

  /** Reads the timeline now, then registers `subscriber` for every event after its backlog. */
  async subscribe(subscriber: TimelineSubscriber): Promise<TimelineSubscription> {
    await this.refresh();
    if (this.closed) {
      subscriber.onClose();
      return { backlog: [], unsubscribe: () => undefined };
    }
    this.subscribers.add(subscriber);
    this.timer ??= setInterval(() => void this.refresh(), this.options.pollMs ?? 250);
    this.timer.unref();
    return {
      backlog: [...this.known],
      unsubscribe: () => {
        this.subscribers.delete(subscriber);
        if (this.subscribers.size === 0 && this.timer) {
          clearInterval(this.timer);
          this.timer = undefined;
        }
      },
    };
  }

  /** Polls soon, e.g. right after an event was appended in this process. */
  nudge(): void {
    if (this.subscribers.size > 0) void this.refresh();
  }

  /** Stops polling and closes every subscriber. */
  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    for (const subscriber of this.subscribers) subscriber.onClose();
    this.subscribers.clear();
  }

  /** One poll at a time; a request during a poll runs one more poll after it. */
  private refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.poll();
      } while (this.again && !this.closed);
    })().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async poll(): Promise<void> {
    let events: TimelineEvent[];
    try {
      events = await this.source.list();
    } catch (error) {
      this.options.log?.(`events: cannot read the timeline: ${(error as Error).message}`);
      return;
    }
    const fresh = events.filter((event) => !this.seen.has(event.id));
    if (fresh.length === 0) return;
    for (const event of fresh) {
      this.seen.add(event.id);
      this.known.push(event);
    }
    for (const subscriber of this.subscribers) subscriber.onEvents(fresh);
  }
}
