import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { operationPath } from '../../packages/runtime/src/core/operation-path.js';
import { buildRoutes, routeOverridesFromOpenApi } from '../../packages/runtime/src/http/routes.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';
import { postJson, request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

describe('routes', () => {
  it('derives the path from key and version', () => {
    expect([
      operationPath('harness.run.get', '1.0.0'),
      operationPath('a.b', '2.0.0-rc.1'),
    ]).toStrictEqual(['/harness/run/get/v1.0.0', '/a/b/v2.0.0-rc.1']);
  });

  it('refuses two operations on one path', () => {
    const op = (key: string) =>
      bindOperation(
        {
          key,
          version: '1.0.0',
          kind: 'query',
          auth: 'anonymous',
          pii: [],
          input: null,
          output: z.object({}),
          errors: {},
          emits: [],
        },
        () => ({}),
      );
    const router = new Router({ operations: [op('x.a'), op('x.b')], events: [] });
    expect(() => buildRoutes([router], new Map([['x.b@1.0.0', { path: '/x/a/v1.0.0' }]]))).toThrow(
      'x.b@1.0.0 and x.a@1.0.0 both claim /x/a/v1.0.0',
    );
  });

  it('reads custom paths and GET commands back from x-contracts-operation', () => {
    const ext = (key: string, kind: string) => ({
      'x-contracts-operation': { key, version: '1.0.0', kind, auth: 'user' },
    });
    const document = {
      paths: {
        '/a/list/v1.0.0': { get: ext('a.list', 'query'), post: ext('a.list', 'query') },
        '/things': { post: ext('a.make', 'command') },
        '/a/poke/v1.0.0': { get: ext('a.poke', 'command'), post: ext('a.poke', 'command') },
        '/events': { get: {} },
      },
    };
    expect([...routeOverridesFromOpenApi(document)]).toStrictEqual([
      ['a.make@1.0.0', { path: '/things' }],
      ['a.poke@1.0.0', { method: 'GET' }],
    ]);
  });
});

describe('a server with route overrides', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer({
      routes: new Map([
        ['demo.ping@1.0.0', { path: '/ping' }],
        ['demo.reset@1.0.0', { method: 'GET' as const }],
      ]),
    });
  });
  afterAll(async () => demo.stop());

  it('serves the custom path and the derived one, and a GET command when the spec says so', async () => {
    const ping = { target: 't', message: 'hi' };
    const answers = [
      await postJson(`${demo.url}/ping`, ping, TOKENS.user),
      await postJson(`${demo.url}/demo/ping/v1.0.0`, ping, TOKENS.user),
      await request(`${demo.url}/demo/reset/v1.0.0`, { token: TOKENS.admin }),
    ];
    expect(answers.map((answer) => [answer.status, answer.body])).toStrictEqual([
      [200, { pingId: 'ping-t', actor: 'user:user-bf088932' }],
      [200, { pingId: 'ping-t', actor: 'user:user-bf088932' }],
      [200, { reset: true }],
    ]);
  });
});
