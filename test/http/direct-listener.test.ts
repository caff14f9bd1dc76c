import { Agent, createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { directTarget } from '../../packages/runtime/src/http/direct-listener.js';
import { createHttpApp, type HttpApp } from '../../packages/runtime/src/http/http-app.js';
import { startHttpServer, type RunningServer } from '../../packages/runtime/src/http/listen.js';
import { parseTokens, type TokenTable } from '../../packages/runtime/src/http/tokens.js';
import { createDemoRouter, TOKENS } from './demo-server.js';

const TOKEN_TEXT = `user:${TOKENS.user},admin:${TOKENS.admin}`;

/** One request by node:http on its own connection: status and body. */
function send(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; agent?: Agent },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const call = httpRequest(
      url,
      {
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers ?? {},
        agent: options.agent ?? false,
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    call.on('error', reject);
    call.end();
  });
}

describe('directTarget', () => {
  it('takes a plain host as it is, parses any other one as Hono’s adapter does, refuses the rest', () => {
    const path = '/demo/status/v1.0.0';
    const target = `${path}?text=a`;
    expect([
      directTarget('127.0.0.1:8787', target, path),
      directTarget('localhost:61000', target, path),
      directTarget('EXAMPLE.com', target, path),
      directTarget('[::1]:8787', target, path),
      directTarget(undefined, target, path),
      directTarget('', target, path),
      directTarget('a b', target, path),
      directTarget('a@b', target, path),
      directTarget('a/b', target, path),
      directTarget('0x7f.1:61000', target, path),
      directTarget('localhost:70000', target, path),
    ]).toStrictEqual([
      target,
      'http://localhost:61000/demo/status/v1.0.0?text=a',
      'http://example.com/demo/status/v1.0.0?text=a',
      'http://[::1]:8787/demo/status/v1.0.0?text=a',
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('which requests the direct listener takes', () => {
  let server: Server;
  let url: string;
  const taken: string[] = [];
  const passed: string[] = [];
  beforeAll(async () => {
    const app = createHttpApp({
      target: { routers: [createDemoRouter()] },
      tokens: parseTokens(TOKEN_TEXT),
      routes: new Map([
        ['demo.status@1.0.0', { path: '/events' }],
        ['demo.search@1.0.0', { path: '/find/%41' }],
        ['demo.lookup@1.0.0', { path: '/x/./lookup' }],
        ['demo.ping@1.0.0', { path: '/ping' }],
      ]),
      log: () => {},
    });
    server = createServer((incoming, outgoing) => {
      const line = `${incoming.method} ${incoming.url} ${incoming.headers.host}`;
      if (app.answerDirect(incoming, outgoing)) {
        taken.push(line);
      } else {
        passed.push(line);
        outgoing.writeHead(204).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('takes exact operation paths with a host Hono would keep, and passes on everything else', async () => {
    const host = (value: string) => ({ host: value });
    const statuses = [
      await send(url, { path: '/demo/status/v1.0.0', headers: host('h') }),
      await send(url, { method: 'HEAD', path: '/demo/status/v1.0.0?x=1#f', headers: host('h') }),
      await send(url, { method: 'PUT', path: '/demo/search/v1.0.0', headers: host('h') }),
      await send(url, { method: 'POST', path: '/ping', headers: host('H:9000') }),
      await send(url, { path: '/demo/status/v1.0.0/', headers: host('h') }),
      await send(url, { path: '/nope', headers: host('h') }),
      await send(url, { path: '/events', headers: host('h') }),
      await send(url, { path: '/find/%41?text=a', headers: host('h') }),
      await send(url, { path: '/x/./lookup?id=1', headers: host('h') }),
      await send(url, { path: '/demo/status/v1.0.0', headers: host('a b') }),
      await send(url, { path: 'http://h/demo/status/v1.0.0', headers: host('h') }),
    ].map((answer) => answer.status);
    expect([statuses, taken, passed]).toStrictEqual([
      [200, 200, 405, 401, 204, 204, 204, 204, 204, 204, 204],
      [
        'GET /demo/status/v1.0.0 h',
        'HEAD /demo/status/v1.0.0?x=1#f h',
        'PUT /demo/search/v1.0.0 h',
        'POST /ping H:9000',
      ],
      [
        'GET /demo/status/v1.0.0/ h',
        'GET /nope h',
        'GET /events h',
        'GET /find/%41?text=a h',
        'GET /x/./lookup?id=1 h',
        'GET /demo/status/v1.0.0 a b',
        'GET http://h/demo/status/v1.0.0 h',
      ],
    ]);
  });
});

describe('the direct listener and Hono answer alike', () => {
  let app: HttpApp;
  let server: RunningServer;
  const logs: string[] = [];
  beforeAll(async () => {
    app = createHttpApp({
      target: { routers: [createDemoRouter()] },
      tokens: parseTokens(TOKEN_TEXT),
      bodyLimit: 256,
      log: (line) => logs.push(line.split('\n')[0]!),
    });
    server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => server.close(1_000));

  interface Case {
    readonly method?: string;
    readonly path: string;
    readonly token?: string;
    readonly type?: string;
    readonly body?: string;
  }

  /** Status, the answer's fields but Date and Connection, and body text. */
  async function answerOf(response: Response) {
    const fields: [string, string][] = [];
    response.headers.forEach((value, name) => {
      if (!['date', 'connection', 'keep-alive'].includes(name)) fields.push([name, value]);
    });
    return { status: response.status, fields, body: await response.text() };
  }

  function init(entry: Case): RequestInit {
    const headers: Record<string, string> = {};
    if (entry.token !== undefined) headers.authorization = `Bearer ${entry.token}`;
    if (entry.type !== undefined) headers['content-type'] = entry.type;
    return {
      method: entry.method ?? 'GET',
      headers,
      ...(entry.body === undefined ? {} : { body: entry.body }),
    };
  }

  it('gives every operation answer the in-process fetch gives: status, fields, body', async () => {
    const ping = (message: string) => JSON.stringify({ target: 't', message });
    const json = 'application/json';
    const cases: Case[] = [
      { path: '/demo/status/v1.0.0' },
      { method: 'HEAD', path: '/demo/status/v1.0.0' },
      { path: '/demo/search/v1.0.0?text=a&limit=2&tags=x&tags=y', token: TOKENS.user },
      { path: '/demo/search/v1.0.0?text=a' },
      { path: '/demo/search/v1.0.0?text=a', token: 'not-a-token' },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: json,
        body: ping('hi'),
      },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: json,
        body: `\ufeff${ping('hé')}`,
      },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: 'text/plain',
        body: '{}',
      },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: json,
        body: '{"target":',
      },
      { method: 'POST', path: '/demo/ping/v1.0.0', token: TOKENS.user, body: ping('hi') },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: json,
        body: ping('refuse'),
      },
      {
        method: 'POST',
        path: '/demo/ping/v1.0.0',
        token: TOKENS.user,
        type: json,
        body: ping('x'.repeat(300)),
      },
      { method: 'POST', path: '/demo/reset/v1.0.0', token: TOKENS.user },
      { method: 'POST', path: '/demo/reset/v1.0.0', token: TOKENS.admin, type: json, body: '' },
      { method: 'PUT', path: '/demo/search/v1.0.0', token: TOKENS.user },
      { path: '/demo/lookup/v1.0.0?id=abc', token: TOKENS.user },
      { method: 'POST', path: '/demo/crash/v1.0.0' },
      { path: '/demo/nope/v1.0.0' },
    ];
    const served = [];
    const inProcess = [];
    for (const entry of cases) {
      served.push(await answerOf(await fetch(`${server.url}${entry.path}`, init(entry))));
      inProcess.push(
        await answerOf(await app.fetch(new Request(`http://demo.test${entry.path}`, init(entry)))),
      );
    }
    expect(served).toStrictEqual(inProcess);
    expect(served.map((answer) => answer.status)).toStrictEqual([
      200, 200, 200, 401, 401, 200, 200, 415, 400, 415, 409, 413, 403, 200, 405, 404, 500, 404,
    ]);
    expect(logs).toStrictEqual([
      'contracts serve: POST /demo/crash/v1.0.0: INTERNAL internal error in demo.crash@1.0.0',
      'contracts serve: POST /demo/crash/v1.0.0: INTERNAL internal error in demo.crash@1.0.0',
    ]);
  });
});

describe('the credential memo of a served app', () => {
  it('looks the token of a keep-alive connection up once, on operation routes and /events alike', async () => {
    const table = parseTokens(TOKEN_TEXT);
    let lookups = 0;
    const tokens: TokenTable = {
      size: table.size,
      actorOf: (token) => {
        lookups += 1;
        return table.actorOf(token);
      },
    };
    const app = createHttpApp({ target: { routers: [createDemoRouter()] }, tokens, log: () => {} });
    const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const headers = { authorization: `Bearer ${TOKENS.user}` };
    try {
      const statuses = [];
      for (const [method, path] of [
        ['GET', '/demo/search/v1.0.0?text=a'],
        ['GET', '/demo/search/v1.0.0?text=b'],
        ['HEAD', '/events'],
        ['HEAD', '/events'],
        ['GET', '/demo/search/v1.0.0?text=c'],
      ] as const) {
        statuses.push((await send(server.url, { method, path, headers, agent })).status);
      }
      expect([statuses, lookups]).toStrictEqual([[200, 200, 200, 200, 200], 1]);
    } finally {
      agent.destroy();
      await server.close(1_000);
    }
  });
});
