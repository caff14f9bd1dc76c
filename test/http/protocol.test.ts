import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createAppRuntime, type AppRuntime } from '../../packages/runtime/src/app-runtime.js';
import { ContractError } from '../../packages/runtime/src/errors.js';
import { cutEcho } from '../../packages/runtime/src/core/echo-limit.js';
import { createHttpApp, type HttpApp } from '../../packages/runtime/src/http/http-app.js';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../packages/runtime/src/http/json-depth.js';
import { notFound } from '../../packages/runtime/src/not-found.js';
import { PROBLEM_MEDIA_TYPE } from '../../packages/runtime/src/http/problem.js';
import { parseTokens } from '../../packages/runtime/src/http/tokens.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';
import { request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

/** A request body that counts how often it was pulled and hands out `chunks` of `chunk` bytes. */
function probeBody(chunk: string, chunks: number): { stream: ReadableStream; pulls: () => number } {
  const bytes = new TextEncoder().encode(chunk);
  let pulls = 0;
  const stream = new ReadableStream(
    {
      pull(controller) {
        pulls += 1;
        if (pulls > chunks) controller.close();
        else controller.enqueue(bytes);
      },
    },
    // No read-ahead: nothing is pulled until someone reads the body.
    { highWaterMark: 0 },
  );
  return { stream, pulls: () => pulls };
}

/** What a test looks at in an answer: status, the headers named, and the body text as JSON. */
async function answerOf(
  response: Response,
  headers: readonly string[] = [],
): Promise<{ status: number; headers: Record<string, string | null>; body: unknown }> {
  const text = await response.text();
  return {
    status: response.status,
    headers: Object.fromEntries(headers.map((name) => [name, response.headers.get(name)])),
    body: text === '' ? null : JSON.parse(text),
  };
}

const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  instance: string,
) => ({
  type: `urn:contracts:problem:${code}`,
  title,
  status,
  detail,
  code,
  instance,
});

const PROBE_TOKENS = { user: 'probe-user', admin: 'probe-admin' } as const;

/** Operations of a `probe` domain, served in-process (no socket) so a body stream can be watched. */
function probeApp(): HttpApp {
  const define = <In, Out>(
    key: string,
    kind: 'command' | 'query',
    auth: 'anonymous' | 'user' | 'admin',
    input: z.ZodType<In> | null,
    output: z.ZodType<Out>,
  ) => ({ key, version: '1.0.0', kind, auth, pii: [], input, output, errors: {}, emits: [] });
  const Search = z.strictObject({ text: z.string(), filter: z.unknown().optional() });
  const router = new Router({
    events: [],
    operations: [
      bindOperation(
        define('probe.reset', 'command', 'admin', z.object({ note: z.string() }), z.object({})),
        () => ({}),
      ),
      bindOperation(
        define('probe.search', 'query', 'user', Search, z.object({ echo: Search })),
        (input) => ({ echo: input }),
      ),
      bindOperation(
        define('probe.lookup', 'query', 'user', z.object({ id: z.string() }), z.object({})),
        (input) => {
          throw notFound('probe record', input.id);
        },
      ),
      bindOperation(
        define('probe.plain', 'query', 'user', z.object({ id: z.string() }), z.object({})),
        (input) => {
          throw new ContractError('NOT_FOUND', `no plain record ${input.id}`);
        },
      ),
      bindOperation(
        define('probe.stated', 'query', 'user', z.object({ id: z.string() }), z.object({})),
        (input) => {
          throw new ContractError('NOT_FOUND', `no probe evaluation ${input.id}`, {
            details: { resource: 'probe evaluation' },
          });
        },
      ),
      bindOperation(
        define('probe.issue', 'query', 'user', z.object({ id: z.string() }), z.object({})),
        (input) => {
          throw notFound('probe run', JSON.stringify(input.id), {
            details: [{ path: 'input.id', message: 'unknown run' }],
          });
        },
      ),
    ],
  });
  return createHttpApp({
    target: { routers: [router] },
    tokens: parseTokens(`user:${PROBE_TOKENS.user},admin:${PROBE_TOKENS.admin}`),
    log: () => {},
  });
}

const BASE = 'http://probe.test';

function call(
  app: HttpApp,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token !== undefined) headers.set('authorization', `Bearer ${init.token}`);
  return Promise.resolve(app.fetch(new Request(`${BASE}${path}`, { ...init, headers })));
}

const nested = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('auth before the body', () => {
  let dir: string;
  let runtime: AppRuntime;
  let http: HttpApp;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'contracts-protocol-'));
    runtime = await createAppRuntime(resolveRuntimeOptions({ cwd: dir, agentWorker: 'none' }, {}));
    http = createHttpApp({
      target: runtime,
      tokens: parseTokens(`user:${PROBE_TOKENS.user}`),
      log: () => {},
    });
  });
  afterAll(async () => {
    http.close();
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** POSTs a watched 800 KB body (not JSON: an unterminated string) to harness.run.start. */
  async function startWithProbe(headers: Record<string, string>) {
    const probe = probeBody(`{"suiteKey":"${'x'.repeat(800 * 1024)}`, 1);
    const response = await http.fetch(
      new Request(`${BASE}/harness/run/start/v1.0.0`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: probe.stream,
        duplex: 'half',
      } as RequestInit),
    );
    const answer = await answerOf(response, ['www-authenticate']);
    return {
      status: answer.status,
      challenge: answer.headers['www-authenticate'],
      pulls: probe.pulls(),
    };
  }

  it('answers an anonymous or bad-token 800 KB body to harness.run.start 401 without pulling it', async () => {
    expect([
      await startWithProbe({}),
      await startWithProbe({ authorization: 'Bearer not-a-token' }),
      await startWithProbe({ authorization: 'Basic dTpw' }),
      await startWithProbe({ authorization: `Bearer ${PROBE_TOKENS.user}` }),
    ]).toStrictEqual([
      { status: 401, challenge: 'Bearer', pulls: 0 },
      { status: 401, challenge: 'Bearer error="invalid_token"', pulls: 0 },
      { status: 401, challenge: 'Bearer', pulls: 0 },
      // The signed-in caller's body is read (and refused as not JSON): the probe does see reads.
      { status: 400, challenge: null, pulls: 2 },
    ]);
  });

  it('names the harness run harness.run.get did not find, without echoing a long id', async () => {
    const response = await http.fetch(
      new Request(`${BASE}/harness/run/get/v1.0.0?runId=${'r'.repeat(10_000)}`, {
        headers: { authorization: `Bearer ${PROBE_TOKENS.user}` },
      }),
    );
    const body = (await response.json()) as { title: string; detail: string; instance: string };
    expect([response.status, body.title, body.detail, body.instance]).toStrictEqual([
      404,
      'No such harness run.',
      `no harness run ${'r'.repeat(64)}…`,
      '/harness/run/get/v1.0.0',
    ]);
  });

  it('answers 403 to a signed-in caller below the level without pulling the body', async () => {
    const app = probeApp();
    const watched = async (token: string) => {
      const probe = probeBody('{"note":"hi"}', 1);
      const response = await call(app, '/probe/reset/v1.0.0', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: probe.stream,
        duplex: 'half',
        token,
      } as RequestInit);
      return {
        status: response.status,
        code: ((await response.json()) as { code: string }).code,
        pulls: probe.pulls(),
      };
    };
    expect([await watched(PROBE_TOKENS.user), await watched(PROBE_TOKENS.admin)]).toStrictEqual([
      { status: 403, code: 'FORBIDDEN', pulls: 0 },
      { status: 200, code: undefined, pulls: 2 },
    ]);
  });
});

describe('auth before the body, over a socket', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => demo.stop());

  /** POSTs `body` to demo.ping: `<status> <code> <Connection header>`. */
  const post = async (body: string, token?: string) => {
    const response = await fetch(`${demo.url}/demo/ping/v1.0.0`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body,
    });
    const { code } = (await response.json()) as { code: string };
    return `${response.status} ${code} ${response.headers.get('connection')}`;
  };

  it('refuses invalid JSON and a body over the limit 401 when anonymous (closing the connection), 400 and 413 when signed in', async () => {
    const invalid = `{"target":"${'x'.repeat(800 * 1024)}`;
    const over = `{"target":"${'x'.repeat(2 * 1024 * 1024)}","message":"hi"}`;
    const small = JSON.stringify({ target: 'a', message: 'hi' });
    expect([
      await Promise.all([post(invalid), post(over), post(over, 'not-a-token')]),
      await Promise.all([post(invalid, TOKENS.user), post(over, TOKENS.user)]),
      await post(small, TOKENS.admin),
      await post(small, TOKENS.user),
    ]).toStrictEqual([
      ['401 UNAUTHORIZED close', '401 UNAUTHORIZED close', '401 UNAUTHORIZED close'],
      ['400 VALIDATION_FAILED keep-alive', '413 PAYLOAD_TOO_LARGE close'],
      '200 undefined keep-alive',
      '200 undefined keep-alive',
    ]);
  });

  it('sends WWW-Authenticate: Bearer on every 401, with invalid_token for a refused token', async () => {
    const challenge = async (path: string, authorization?: string, method = 'GET') => {
      const response = await fetch(`${demo.url}${path}`, {
        method,
        headers: authorization === undefined ? {} : { authorization },
      });
      await response.arrayBuffer();
      return `${response.status} ${response.headers.get('www-authenticate')}`;
    };
    expect([
      await challenge('/demo/search/v1.0.0?text=a'),
      await challenge('/demo/search/v1.0.0?text=a', 'Bearer nope'),
      await challenge('/demo/search/v1.0.0?text=a', 'Bearer two tokens'),
      await challenge('/demo/search/v1.0.0?text=a', 'Basic dTpw'),
      await challenge('/demo/status/v1.0.0', 'Bearer nope'),
      await challenge('/demo/ping/v1.0.0', undefined, 'POST'),
      await challenge('/events'),
      await challenge('/demo/reset/v1.0.0', `Bearer ${TOKENS.user}`, 'POST'),
      await challenge('/demo/search/v1.0.0?text=a', `Bearer ${TOKENS.user}`),
    ]).toStrictEqual([
      '401 Bearer',
      '401 Bearer error="invalid_token"',
      '401 Bearer error="invalid_token"',
      '401 Bearer',
      '401 Bearer error="invalid_token"',
      '401 Bearer',
      '401 Bearer',
      '403 null',
      '200 null',
    ]);
  });

  it('serves HEAD wherever GET is: same status and headers (Content-Length too), no body', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    /** One request by node:http (fetch closes after a HEAD): status, headers but `date`, body. */
    const send = (method: string, path: string, token?: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          const headers: Record<string, string> =
            token === undefined ? {} : { authorization: `Bearer ${token}` };
          const call = httpRequest(`${demo.url}${path}`, { agent, method, headers }, (response) => {
            const { date: _date, ...rest } = response.headers;
            const answer = { status: response.statusCode ?? 0, headers: rest };
            if (path === '/events' && method === 'GET') {
              response.destroy();
              resolve({ ...answer, body: '<stream>' });
              return;
            }
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ ...answer, body }));
          });
          call.on('error', reject);
          call.end();
        },
      );
    const pair = async (path: string, token?: string) => {
      const get = await send('GET', path, token);
      const head = await send('HEAD', path, token);
      return { get: { status: get.status, headers: get.headers }, head, getBody: get.body };
    };
    try {
      const pairs = [
        await pair('/demo/status/v1.0.0'),
        await pair('/demo/search/v1.0.0?text=a', TOKENS.user),
        await pair('/demo/search/v1.0.0?text=a'),
        await pair('/demo/ping/v1.0.0', TOKENS.user),
        await pair('/events', TOKENS.user),
      ];
      expect(pairs.map((answers) => answers.head)).toStrictEqual(
        pairs.map((answers) => ({ ...answers.get, body: '' })),
      );
      expect(
        pairs.map(({ get, getBody }) =>
          [
            get.status,
            get.headers['content-type'],
            get.headers['content-length'] ?? get.headers['transfer-encoding'],
            get.headers['connection'],
            get.headers['www-authenticate'] ?? get.headers['allow'] ?? '-',
            getBody.length > 0,
          ].join(' '),
        ),
      ).toStrictEqual([
        '200 application/json 15 keep-alive - true',
        '200 application/json 21 keep-alive - true',
        `401 ${PROBLEM_MEDIA_TYPE} 225 keep-alive Bearer true`,
        `405 ${PROBLEM_MEDIA_TYPE} 219 keep-alive POST true`,
        '200 text/event-stream chunked keep-alive - true',
      ]);
    } finally {
      agent.destroy();
    }
  });

  it('lists HEAD next to GET in Allow', async () => {
    const response = await fetch(`${demo.url}/demo/search/v1.0.0`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${TOKENS.user}` },
    });
    expect([
      response.status,
      response.headers.get('allow'),
      ((await response.json()) as { detail: string }).detail,
    ]).toStrictEqual([405, 'GET, HEAD, POST', '/demo/search/v1.0.0 takes GET, HEAD, POST']);
  });

  it('refuses a body nested 3,000 and 100,000 levels deep 400, naming input and the limit', async () => {
    const deep = (levels: number) =>
      request(`${demo.url}/demo/search/v1.0.0`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"text":"a","filter":{"x":${nested(levels)}}}`,
        token: TOKENS.user,
      });
    const refused = {
      status: 400,
      type: PROBLEM_MEDIA_TYPE,
      body: {
        ...problem(
          400,
          'VALIDATION_FAILED',
          'The input does not match the contract.',
          'the request body nests arrays and objects deeper than 64 levels',
          '/demo/search/v1.0.0',
        ),
        errors: [{ path: 'input', message: 'nested deeper than 64 levels' }],
      },
    };
    expect([await deep(3_000), await deep(100_000)]).toStrictEqual([refused, refused]);
  });
});

describe('not-found answers', () => {
  const app = probeApp();
  const get = async (path: string) =>
    (await answerOf(await call(app, path, { token: PROBE_TOKENS.user }))).body;

  it('names the resource a handler did not find, and keeps "No such operation." for an unknown path', async () => {
    expect([
      await get('/probe/lookup/v1.0.0?id=r9'),
      await get('/probe/stated/v1.0.0?id=r9'),
      await get('/probe/issue/v1.0.0?id=r9'),
      await get('/probe/plain/v1.0.0?id=r9'),
      await get('/probe/nothing/v1.0.0'),
    ]).toStrictEqual([
      {
        ...problem(
          404,
          'NOT_FOUND',
          'No such probe record.',
          'no probe record r9',
          '/probe/lookup/v1.0.0',
        ),
        details: { resource: 'probe record' },
      },
      {
        ...problem(
          404,
          'NOT_FOUND',
          'No such probe evaluation.',
          'no probe evaluation r9',
          '/probe/stated/v1.0.0',
        ),
        details: { resource: 'probe evaluation' },
      },
      {
        ...problem(
          404,
          'NOT_FOUND',
          'No such probe run.',
          'no probe run "r9"',
          '/probe/issue/v1.0.0',
        ),
        errors: [{ path: 'input.id', message: 'unknown run' }],
      },
      problem(404, 'NOT_FOUND', 'No such resource.', 'no plain record r9', '/probe/plain/v1.0.0'),
      problem(
        404,
        'NOT_FOUND',
        'No such operation.',
        'no operation at /probe/nothing/v1.0.0',
        '/probe/nothing/v1.0.0',
      ),
    ]);
  });

  it('never echoes a long id or path whole', async () => {
    const id = 'i'.repeat(10_000);
    const path = `/${'p'.repeat(5_000)}`;
    expect([
      await get(`/probe/lookup/v1.0.0?id=${id}`),
      await get(`/probe/plain/v1.0.0?id=${id}`),
      await get(path),
    ]).toStrictEqual([
      {
        ...problem(
          404,
          'NOT_FOUND',
          'No such probe record.',
          `no probe record ${'i'.repeat(64)}…`,
          '/probe/lookup/v1.0.0',
        ),
        details: { resource: 'probe record' },
      },
      problem(
        404,
        'NOT_FOUND',
        'No such resource.',
        `no plain record ${'i'.repeat(128 - 'no plain record '.length)}…`,
        '/probe/plain/v1.0.0',
      ),
      problem(
        404,
        'NOT_FOUND',
        'No such operation.',
        `no operation at /${'p'.repeat(63)}…`,
        `/${'p'.repeat(63)}…`,
      ),
    ]);
  });
});

describe('deep JSON', () => {
  const app = probeApp();
  const refusal = (path: string, what: string) => ({
    status: 400,
    headers: {},
    body: {
      ...problem(
        400,
        'VALIDATION_FAILED',
        'The input does not match the contract.',
        `${what} nests arrays and objects deeper than 64 levels`,
        '/probe/search/v1.0.0',
      ),
      errors: [{ path, message: 'nested deeper than 64 levels' }],
    },
  });
  const post = async (filter: string) =>
    answerOf(
      await call(app, '/probe/search/v1.0.0', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: `{"text":"a","filter":${filter}}`,
        token: PROBE_TOKENS.user,
      }),
    );
  const query = async (filter: string) =>
    answerOf(
      await call(app, `/probe/search/v1.0.0?text=a&filter=${encodeURIComponent(filter)}`, {
        token: PROBE_TOKENS.user,
      }),
    );

  it('accepts 64 levels in all and refuses 65, in a body', async () => {
    expect([
      (await post(nested(MAX_JSON_DEPTH - 1))).status,
      await post(nested(MAX_JSON_DEPTH)),
    ]).toStrictEqual([200, refusal('input', 'the request body')]);
  });

  it('refuses 3,000 and 100,000 levels 400, in a body and in a JSON query parameter', async () => {
    const body = refusal('input', 'the request body');
    const parameter = refusal('input.filter', 'the query parameter filter');
    expect([
      await post(nested(3_000)),
      await post(nested(100_000)),
      await query(nested(3_000)),
      await query(nested(100_000)),
      (await query(nested(MAX_JSON_DEPTH))).status,
    ]).toStrictEqual([body, body, parameter, parameter, 200]);
  });
});

describe('nestsDeeperThan', () => {
  it('counts arrays and objects outside strings only', () => {
    expect([
      nestsDeeperThan('{"a":[1,{"b":[]}]}', 4),
      nestsDeeperThan('{"a":[1,{"b":[]}]}', 3),
      nestsDeeperThan('["[[[[", "{{{{"]', 1),
      nestsDeeperThan('["\\"[[[", "\\\\", [[]]]', 2),
      nestsDeeperThan('["\\\\\\"[[[[[["]', 1),
      nestsDeeperThan('[],[],[],[]', 1),
      nestsDeeperThan('["unterminated [[[[', 1),
    ]).toStrictEqual([false, true, false, true, false, false, false]);
  });
});

describe('cutEcho', () => {
  it('keeps short text, cuts long text at 64 with an ellipsis, and never splits a surrogate pair', () => {
    expect([
      cutEcho('x'.repeat(64)),
      cutEcho('x'.repeat(65)),
      cutEcho(`${'x'.repeat(63)}😀tail`),
    ]).toStrictEqual(['x'.repeat(64), `${'x'.repeat(64)}…`, `${'x'.repeat(63)}…`]);
  });
});
