import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ContractError } from '../../packages/runtime/src/errors.js';
import { outputAnswer, refusalAnswer, textAnswer } from '../../packages/runtime/src/http/answer.js';
import {
  buildEndpoints,
  type OperationRequest,
} from '../../packages/runtime/src/http/endpoints.js';
import { buildRoutes } from '../../packages/runtime/src/http/routes.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';
import { createDemoRouter } from './demo-server.js';

const context = {
  actorOf: () => ({ kind: 'anonymous' as const }),
  onEvent: async () => {},
  log: () => {},
};

describe('the endpoint table', () => {
  it('has one endpoint per path and method, HEAD sharing GET’s, a second path sharing its route’s', () => {
    const routes = buildRoutes(
      [createDemoRouter()],
      new Map([
        ['demo.search@1.0.0', { path: '/find' }],
        ['demo.reset@1.0.0', { method: 'GET' as const }],
      ]),
    );
    const table = buildEndpoints(routes, context);
    const search = table.get('/demo/search/v1.0.0')!;
    expect([
      [...table].map(([path, endpoints]) => `${path} ${[...endpoints.byMethod.keys()].join(',')}`),
      search.byMethod.get('HEAD') === search.byMethod.get('GET'),
      table.get('/find') === search,
      [search.route.allow, table.get('/demo/ping/v1.0.0')!.route.allow],
    ]).toStrictEqual([
      [
        '/demo/crash/v1.0.0 POST',
        '/demo/lookup/v1.0.0 GET,HEAD,POST',
        '/demo/ping/v1.0.0 POST',
        '/demo/reset/v1.0.0 GET,HEAD,POST',
        '/demo/run/v1.0.0 POST',
        '/demo/search/v1.0.0 GET,HEAD,POST',
        '/find GET,HEAD,POST',
        '/demo/status/v1.0.0 GET,HEAD,POST',
      ],
      true,
      true,
      ['GET, HEAD, POST', 'POST'],
    ]);
  });

  it('refuses, when the routes are built, two operations claiming one path', () => {
    const query = (key: string) =>
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
    const first = new Router({ operations: [query('x.a')], events: [] });
    const second = new Router({ operations: [query('x.a')], events: [] });
    expect(() => buildRoutes([first, second])).toThrow(
      'x.a@1.0.0 and x.a@1.0.0 both claim /x/a/v1.0.0',
    );
  });
});

describe('answers', () => {
  it('makes the answer of a deeply frozen output once, as bytes with their length', () => {
    const output = Object.freeze({ name: 'é' });
    const first = outputAnswer(output);
    const mutable = { name: 'é' };
    expect([
      first === outputAnswer(output),
      first.status,
      first.headers,
      Buffer.from(first.body).toString('utf8'),
      outputAnswer(mutable) === outputAnswer(mutable),
      outputAnswer(mutable).headers,
      outputAnswer(mutable).body,
    ]).toStrictEqual([
      true,
      200,
      ['Content-Type', 'application/json', 'Content-Length', '13'],
      '{"name":"é"}',
      false,
      ['Content-Type', 'application/json', 'Content-Length', '13'],
      '{"name":"é"}',
    ]);
  });

  it('closes the connection of a refusal only when a body was announced', () => {
    const error = new ContractError('UNAUTHORIZED', 'no');
    const fieldsOf = (contentLength?: string, transferEncoding?: string) =>
      refusalAnswer({ contentLength, transferEncoding }, error, '/p').headers;
    expect([
      fieldsOf(),
      fieldsOf('0'),
      fieldsOf('12'),
      fieldsOf(undefined, 'chunked'),
      textAnswer('hé', 201, 'text/plain', ['Allow', 'POST']).headers,
    ]).toStrictEqual([
      [
        'WWW-Authenticate',
        'Bearer',
        'Content-Type',
        'application/problem+json',
        'Content-Length',
        '164',
      ],
      [
        'WWW-Authenticate',
        'Bearer',
        'Content-Type',
        'application/problem+json',
        'Content-Length',
        '164',
      ],
      [
        'Connection',
        'close',
        'WWW-Authenticate',
        'Bearer',
        'Content-Type',
        'application/problem+json',
        'Content-Length',
        '164',
      ],
      [
        'Connection',
        'close',
        'WWW-Authenticate',
        'Bearer',
        'Content-Type',
        'application/problem+json',
        'Content-Length',
        '164',
      ],
      ['Allow', 'POST', 'Content-Type', 'text/plain', 'Content-Length', '3'],
    ]);
  });
});

describe('a failure that is not a contract error', () => {
  it('is logged with its method, path and stack, and answered 500 INTERNAL without them', async () => {
    const logged: string[] = [];
    const failure = new TypeError('resolver broke');
    const table = buildEndpoints(buildRoutes([createDemoRouter()]), {
      ...context,
      actorOf: () => {
        throw failure;
      },
      log: (line) => logged.push(line),
    });
    const request: OperationRequest = {
      method: 'POST',
      path: '/demo/ping/v1.0.0',
      url: '/demo/ping/v1.0.0',
      authorization: undefined,
      connection: undefined,
      header: () => undefined,
      readBody: async () => '{}',
    };
    const answer = await table.get('/demo/ping/v1.0.0')!.byMethod.get('POST')!(request);
    expect([
      logged,
      answer.status,
      JSON.parse(Buffer.from(answer.body).toString('utf8')).code,
    ]).toStrictEqual([
      [`contracts serve: POST /demo/ping/v1.0.0 failed: ${failure.stack}`],
      500,
      'INTERNAL',
    ]);
  });
});
