import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deepFreeze } from '../../packages/runtime/src/deep-freeze.js';
import { createHttpApp } from '../../packages/runtime/src/http/http-app.js';
import { startHttpServer, type RunningServer } from '../../packages/runtime/src/http/listen.js';
import { parseTokens } from '../../packages/runtime/src/http/tokens.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';

/** What `demo.item` answers next; each test sets it. */
let next: unknown = null;

const router = new Router({
  operations: [
    bindOperation(
      {
        key: 'demo.item',
        version: '1.0.0',
        kind: 'query',
        auth: 'anonymous',
        pii: [],
        input: z.strictObject({ id: z.string() }),
        output: z.object({ id: z.string(), tags: z.array(z.string()) }),
        errors: {},
        emits: [],
      },
      () => next,
    ),
  ],
  events: [],
});

let server: RunningServer;
beforeAll(async () => {
  const app = createHttpApp({
    target: { routers: [router] },
    tokens: parseTokens(''),
    log: () => undefined,
  });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => server.close());

async function get(): Promise<{ status: number; type: string | null; text: string }> {
  const response = await fetch(`${server.url}/demo/item/v1.0.0?id=a`);
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
  };
}

describe('answers of deeply frozen outputs', () => {
  it('serves a frozen output as JSON each time, and a new frozen output with its own text', async () => {
    next = deepFreeze({ id: 'a', tags: ['x'], dropped: true });
    const first = [await get(), await get()];
    next = deepFreeze({ id: 'a', tags: ['y', 'z'] });
    const second = await get();
    const json = { status: 200, type: 'application/json' };
    expect([...first, second]).toStrictEqual([
      { ...json, text: '{"id":"a","tags":["x"]}' },
      { ...json, text: '{"id":"a","tags":["x"]}' },
      { ...json, text: '{"id":"a","tags":["y","z"]}' },
    ]);
  });

  it('serves a mutable output as it is at each call', async () => {
    const output = { id: 'a', tags: ['x'] };
    next = output;
    const before = await get();
    output.tags.push('later');
    const after = await get();
    expect([before.text, after.text]).toStrictEqual([
      '{"id":"a","tags":["x"]}',
      '{"id":"a","tags":["x","later"]}',
    ]);
  });
});
