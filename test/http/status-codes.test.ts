import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROBLEM_MEDIA_TYPE } from '../../packages/runtime/src/http/problem.js';
import { postJson, request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

let demo: DemoServer;
beforeAll(async () => {
  demo = await startDemoServer({ bodyLimit: 64 });
});
afterAll(async () => demo.stop());

const problem = (
  status: number,
  code: string,
  title: string,
  detail: string,
  instance: string,
  extra = {},
) => ({
  status,
  type: PROBLEM_MEDIA_TYPE,
  body: { type: `urn:contracts:problem:${code}`, title, status, detail, code, instance, ...extra },
});

describe('HTTP answers', () => {
  it('200: a command answers its output as JSON', async () => {
    expect(
      await postJson(`${demo.url}/demo/ping/v1.0.0`, { target: 'a', message: 'hi' }, TOKENS.user),
    ).toStrictEqual({
      status: 200,
      type: 'application/json',
      body: { pingId: 'ping-a', actor: 'user:user-bf088932' },
    });
  });

  it('400: validation lists the failing field paths', async () => {
    const answer = await postJson(
      `${demo.url}/demo/ping/v1.0.0`,
      { message: '', extra: 1 },
      TOKENS.user,
    );
    expect(answer).toStrictEqual(
      problem(
        400,
        'VALIDATION_FAILED',
        'The input does not match the contract.',
        'invalid input for demo.ping@1.0.0: input.target: required; input.message: Too small: expected string to have >=1 characters; input.extra: unknown field',
        '/demo/ping/v1.0.0',
        {
          errors: [
            { path: 'input.target', message: 'required' },
            { path: 'input.message', message: 'Too small: expected string to have >=1 characters' },
            { path: 'input.extra', message: 'unknown field' },
          ],
        },
      ),
    );
  });

  it('400: a body that is not JSON', async () => {
    const answer = await request(`${demo.url}/demo/ping/v1.0.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"target":',
      token: TOKENS.user,
    });
    expect(answer).toStrictEqual(
      problem(
        400,
        'VALIDATION_FAILED',
        'The input does not match the contract.',
        'the request body is not valid JSON',
        '/demo/ping/v1.0.0',
        {
          errors: [{ path: 'input', message: 'not valid JSON' }],
        },
      ),
    );
  });

  it('401: no credentials for a user operation, and an unknown token', async () => {
    const url = `${demo.url}/demo/ping/v1.0.0`;
    expect([
      await postJson(url, { target: 'a', message: 'hi' }),
      await postJson(url, { target: 'a', message: 'hi' }, 'nope'),
    ]).toStrictEqual([
      problem(
        401,
        'UNAUTHORIZED',
        'The operation needs an authenticated actor.',
        'demo.ping@1.0.0 needs a signed-in user actor',
        '/demo/ping/v1.0.0',
      ),
      problem(
        401,
        'UNAUTHORIZED',
        'The operation needs an authenticated actor.',
        'unknown bearer token',
        '/demo/ping/v1.0.0',
      ),
    ]);
  });

  it('403: a user calling an admin operation', async () => {
    expect(
      await request(`${demo.url}/demo/reset/v1.0.0`, { method: 'POST', token: TOKENS.user }),
    ).toStrictEqual(
      problem(
        403,
        'FORBIDDEN',
        'The actor may not call this operation.',
        'demo.reset@1.0.0 needs an admin actor; the caller is a user',
        '/demo/reset/v1.0.0',
      ),
    );
  });

  it('404: an unknown operation path, and a resource the handler does not find', async () => {
    expect([
      await postJson(`${demo.url}/demo/nothing/v1.0.0`, {}),
      await request(`${demo.url}/demo/lookup/v1.0.0?id=r9`, { token: TOKENS.user }),
    ]).toStrictEqual([
      problem(
        404,
        'NOT_FOUND',
        'No such operation.',
        'no operation at /demo/nothing/v1.0.0',
        '/demo/nothing/v1.0.0',
      ),
      problem(404, 'NOT_FOUND', 'No such resource.', 'no record r9', '/demo/lookup/v1.0.0'),
    ]);
  });

  it('405: a command by GET, with Allow', async () => {
    const response = await fetch(`${demo.url}/demo/ping/v1.0.0`, {
      headers: { authorization: `Bearer ${TOKENS.user}` },
    });
    expect([
      response.status,
      response.headers.get('allow'),
      ((await response.json()) as { code: string }).code,
    ]).toStrictEqual([405, 'POST', 'METHOD_NOT_ALLOWED']);
  });

  it('409: a declared error keeps its declared code and status', async () => {
    expect(
      await postJson(
        `${demo.url}/demo/ping/v1.0.0`,
        { target: 'a', message: 'refuse' },
        TOKENS.user,
      ),
    ).toStrictEqual(
      problem(
        409,
        'PING_REFUSED',
        'The target refuses pings.',
        'a refuses pings',
        '/demo/ping/v1.0.0',
      ),
    );
  });

  it('413: a body over the limit, with and without Content-Length', async () => {
    const big = JSON.stringify({ target: 'x'.repeat(100), message: 'hi' });
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const answers = [
      await postJson(`${demo.url}/demo/ping/v1.0.0`, JSON.parse(big), TOKENS.user),
      await request(`${demo.url}/demo/ping/v1.0.0`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: chunked,
        duplex: 'half',
        token: TOKENS.user,
      } as RequestInit),
    ];
    const expected = problem(
      413,
      'PAYLOAD_TOO_LARGE',
      'The request body is over the size limit.',
      'the body is over 64 bytes',
      '/demo/ping/v1.0.0',
    );
    expect(answers).toStrictEqual([expected, expected]);
  });

  it('415: a body that is not application/json', async () => {
    const answer = await request(`${demo.url}/demo/ping/v1.0.0`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'target=a',
      token: TOKENS.user,
    });
    expect(answer).toStrictEqual(
      problem(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'The request body must be application/json.',
        'the body must be application/json, not text/plain',
        '/demo/ping/v1.0.0',
      ),
    );
  });

  it('500: a crashing handler answers without its message or stack, logs it, and the server stays up', async () => {
    const crash = await request(`${demo.url}/demo/crash/v1.0.0`, { method: 'POST' });
    const after = await request(`${demo.url}/demo/status/v1.0.0`);
    expect([
      crash,
      after,
      demo.logs.some((line) => line.includes('TypeError: secret database password')),
    ]).toStrictEqual([
      problem(
        500,
        'INTERNAL',
        'Internal error.',
        'internal error in demo.crash@1.0.0',
        '/demo/crash/v1.0.0',
      ),
      { status: 200, type: 'application/json', body: { status: 'up' } },
      true,
    ]);
    expect(JSON.stringify(crash.body)).not.toContain('secret');
  });
});

describe('default body limit', () => {
  it('accepts a body just under 1 MiB and refuses one just over', async () => {
    const other = await startDemoServer();
    try {
      const body = (size: number) => `{"target":"${'x'.repeat(size - 28)}","message":"hi"}`;
      const send = (text: string) =>
        request(`${other.url}/demo/ping/v1.0.0`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: text,
          token: TOKENS.user,
        });
      const under = await send(body(1024 * 1024));
      const over = await send(body(1024 * 1024 + 1));
      expect([body(1024 * 1024).length, under.status, over.status]).toStrictEqual([
        1024 * 1024,
        200,
        413,
      ]);
    } finally {
      await other.stop();
    }
  });
});
