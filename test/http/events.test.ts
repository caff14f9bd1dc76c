import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postJson, request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

/** One parsed SSE message. */
interface Message {
  id: string;
  event: string;
  data: { key: string; payload: { runId: string; step: number }; operation?: { key: string } };
}

/** An open `/events` stream: `connected` resolves once the server has subscribed it. */
interface Stream {
  connected: Promise<void>;
  take(count: number): Promise<Message[]>;
  close(): void;
}

function openStream(url: string, headers: Record<string, string> = {}): Stream {
  const abort = new AbortController();
  const messages: Message[] = [];
  let notify: () => void = () => undefined;
  let ready: () => void = () => undefined;
  const connected = new Promise<void>((resolve) => (ready = resolve));
  void (async () => {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${TOKENS.user}`, ...headers },
      signal: abort.signal,
    });
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (frame === ': connected') ready();
          const fields: Record<string, string> = Object.fromEntries(
            frame
              .split('\n')
              .filter((line) => !line.startsWith(':'))
              .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
          );
          if (fields.data) {
            messages.push({
              id: fields.id ?? '',
              event: fields.event ?? '',
              data: JSON.parse(fields.data),
            });
          }
        }
        notify();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    connected,
    take: (count) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${messages.length} of ${count} events arrived`)),
          5_000,
        );
        notify = () => {
          if (messages.length >= count) {
            clearTimeout(timer);
            resolve(messages.slice(0, count));
          }
        };
        notify();
      }),
    close: () => abort.abort(),
  };
}

const steps = (messages: Message[]) =>
  messages.map((m) => [m.event, m.data.payload.runId, m.data.payload.step]);

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer();
});
afterAll(async () => demo.stop());

describe('GET /events', () => {
  it("streams a run's events in order, filtered by runId", async () => {
    const stream = openStream(`${demo.url}/events?runId=live-1`);
    await stream.connected;
    await postJson(`${demo.url}/demo/run/v1.0.0`, { runId: 'other', steps: 2 }, TOKENS.user);
    await postJson(`${demo.url}/demo/run/v1.0.0`, { runId: 'live-1', steps: 4 }, TOKENS.user);
    const messages = await stream.take(4);
    stream.close();
    expect([
      steps(messages),
      messages.every((m) => m.id === (m.data as unknown as { id: string }).id),
      messages[0]!.data.operation,
    ]).toStrictEqual([
      [
        ['demo.step', 'live-1', 1],
        ['demo.step', 'live-1', 2],
        ['demo.step', 'live-1', 3],
        ['demo.step', 'live-1', 4],
      ],
      true,
      { key: 'demo.run', version: '1.0.0' },
    ]);
  });

  it('starts a runId stream with the run so far, then follows events appended by another writer', async () => {
    await postJson(`${demo.url}/demo/run/v1.0.0`, { runId: 'past-1', steps: 2 }, TOKENS.user);
    const stream = openStream(`${demo.url}/events?runId=past-1`);
    await stream.connected;
    await demo.timeline.append({
      key: 'demo.step',
      version: '1.0.0',
      occurredAt: new Date().toISOString(),
      payload: { runId: 'past-1', step: 3 },
    });
    const messages = await stream.take(3);
    stream.close();
    expect(steps(messages)).toStrictEqual([
      ['demo.step', 'past-1', 1],
      ['demo.step', 'past-1', 2],
      ['demo.step', 'past-1', 3],
    ]);
  });

  it('replays the events after Last-Event-ID', async () => {
    const first = openStream(`${demo.url}/events?runId=resume-1`);
    await first.connected;
    await postJson(`${demo.url}/demo/run/v1.0.0`, { runId: 'resume-1', steps: 3 }, TOKENS.user);
    const seen = await first.take(1);
    first.close();
    const again = openStream(`${demo.url}/events?key=demo.step`, { 'last-event-id': seen[0]!.id });
    const messages = await again.take(2);
    again.close();
    expect(steps(messages)).toStrictEqual([
      ['demo.step', 'resume-1', 2],
      ['demo.step', 'resume-1', 3],
    ]);
  });

  it('needs a signed-in actor', async () => {
    const answer = await request(`${demo.url}/events`);
    expect([answer.status, (answer.body as { code: string }).code]).toStrictEqual([
      401,
      'UNAUTHORIZED',
    ]);
  });
});
