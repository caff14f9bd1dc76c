import type { Context } from 'hono';
import { streamSSE, type SSEStreamingApi } from 'hono/streaming';
import type { TimelineEvent } from '../timeline.js';
import type { TimelineWatcher } from './timeline-watcher.js';

/** Filters of one `/events` request. */
export interface EventsQuery {
  /** `?runId=`: only events whose payload has this `runId`; the run's earlier events come first. */
  readonly runId?: string;
  /** `?key=`: only events with this key. */
  readonly key?: string;
  /** `Last-Event-ID` (SSE reconnection): replay the events after this id. */
  readonly lastEventId?: string;
  /** Which events the caller may see (their own runs'); default all. */
  readonly visible?: (event: TimelineEvent) => boolean | Promise<boolean>;
}

/** Comment line sent when nothing happened for this long, so proxies keep the stream open. */
const KEEPALIVE_MS = 15_000;

function matches(event: TimelineEvent, query: EventsQuery): boolean {
  if (query.key !== undefined && event.key !== query.key) return false;
  if (query.runId !== undefined && event.payload?.runId !== query.runId) return false;
  return true;
}

/**
 * Which known events a new stream starts with: with `runId`, all of that run's events (so a
 * client that subscribes after starting a run misses none); with `Last-Event-ID`, every matching
 * event after it; otherwise none (the stream is live only).
 */
export function backlogFor(backlog: readonly TimelineEvent[], query: EventsQuery): TimelineEvent[] {
  if (query.runId !== undefined) return backlog.filter((event) => matches(event, query));
  if (query.lastEventId !== undefined) {
    const index = backlog.findIndex((event) => event.id === query.lastEventId);
    return index < 0 ? [] : backlog.slice(index + 1).filter((event) => matches(event, query));
  }
  return [];
}

async function send(
  stream: SSEStreamingApi,
  event: TimelineEvent,
  query: EventsQuery,
): Promise<void> {
  if (query.visible !== undefined && !(await query.visible(event))) return;
  await stream.writeSSE({ id: event.id, event: event.key, data: JSON.stringify(event) });
}

/**
 * The `/events` Server-Sent Events answer (WHATWG HTML §9.2): one message per timeline event, `id`
 * the event id, `event` its key, `data` the timeline line as JSON (pii already masked by the
 * timeline), skipping the events `query.visible` refuses (another user's runs). Ends when the
 * client goes away or the watcher closes.
 */
export function streamEvents(c: Context, watcher: TimelineWatcher, query: EventsQuery): Response {
  return streamSSE(c, async (stream) => {
    const queue: TimelineEvent[] = [];
    let wake: (() => void) | undefined;
    let ended = false;
    const end = () => {
      ended = true;
      wake?.();
    };
    stream.onAbort(end);
    const subscription = await watcher.subscribe({
      onEvents: (events) => {
        queue.push(...events.filter((event) => matches(event, query)));
        wake?.();
      },
      onClose: end,
    });
    try {
      await stream.write(': connected\n\n');
      for (const event of backlogFor(subscription.backlog, query)) await send(stream, event, query);
      while (!ended && !stream.aborted) {
        if (queue.length === 0) {
          const idle = await new Promise<boolean>((resolve) => {
            const timer = setTimeout(() => resolve(true), KEEPALIVE_MS);
            wake = () => {
              clearTimeout(timer);
              resolve(false);
            };
          });
          wake = undefined;
          if (idle && !ended) await stream.write(': keepalive\n\n');
          continue;
        }
        for (const event of queue.splice(0)) await send(stream, event, query);
      }
    } finally {
      subscription.unsubscribe();
    }
  });
}
