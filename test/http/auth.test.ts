import { Agent, request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actorOfRequest,
  connectionActorResolver,
  parseTokens,
  type TokenTable,
} from '../../packages/runtime/src/http/tokens.js';
import { request, startDemoServer, TOKENS, type DemoServer } from './demo-server.js';

describe('parseTokens', () => {
  it('maps each token to its actor, by commas or lines, skipping blanks and comments', () => {
    const table = parseTokens('# team tokens\nadmin:a-1, user:u-1\n\nuser:u-2');
    expect([
      table.size,
      table.actorOf('a-1'),
      table.actorOf('u-1')?.kind,
      table.actorOf('u-2')?.kind,
      table.actorOf('x'),
    ]).toStrictEqual([3, { kind: 'admin', id: 'admin-2f8fe63a' }, 'user', 'user', undefined]);
  });

  it('refuses an unknown kind, an empty token and a repeated token, without echoing tokens', () => {
    const messages = ['root:secret-1', 'user:', 'user:secret-2,admin:secret-2'].map((text) => {
      try {
        parseTokens(text);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages).toStrictEqual([
      'CONTRACTS_TOKENS: entry 1 must start with admin: or user:',
      'CONTRACTS_TOKENS: entry 1 has an empty token',
      'CONTRACTS_TOKENS: entry 2 repeats a token',
    ]);
  });

  it('reads the Authorization header: none is anonymous, another scheme is refused', () => {
    const table = parseTokens('user:u-1');
    const outcome = (header: string | undefined) => {
      try {
        return actorOfRequest(header, table);
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect([outcome(undefined), outcome('bearer u-1'), outcome('Basic dTox')]).toStrictEqual([
      { kind: 'anonymous' },
      { kind: 'user', id: 'user-a24a7f55' },
      'the Authorization header must be "Bearer <token>"',
    ]);
  });
});

describe('connectionActorResolver', () => {
  /** The table of `user:u-1,admin:a-1`, counting its lookups. */
  function countingTable(): TokenTable & { lookups: number } {
    const table = parseTokens('user:u-1,admin:a-1');
    const counting = {
      lookups: 0,
      size: table.size,
      actorOf: (token: string) => {
        counting.lookups += 1;
        return table.actorOf(token);
      },
    };
    return counting;
  }
  const outcome = (resolve: () => unknown) => {
    try {
      return resolve();
    } catch (error) {
      return (error as Error).message;
    }
  };

  it('looks a header up once per connection, and again when the header changes', () => {
    const table = countingTable();
    const actorOf = connectionActorResolver(table);
    const [one, two] = [{}, {}];
    const answers = [
      actorOf('Bearer u-1', one),
      actorOf('Bearer u-1', one),
      actorOf('Bearer u-1', two),
      actorOf('Bearer a-1', one),
      actorOf('Bearer u-1', one),
    ].map((actor) => actor.kind);
    expect([answers, table.lookups]).toStrictEqual([['user', 'user', 'user', 'admin', 'user'], 4]);
  });

  it('never remembers a failure, nor a header that differs only in its last character', () => {
    const table = countingTable();
    const actorOf = connectionActorResolver(table);
    const connection = {};
    const answers = [
      outcome(() => actorOf('Bearer u-1', connection)),
      outcome(() => actorOf('Bearer u-2', connection)),
      outcome(() => actorOf('Bearer u-2', connection)),
      outcome(() => actorOf('Bearer u-1', connection)),
    ];
    expect([answers, table.lookups]).toStrictEqual([
      [
        { kind: 'user', id: 'user-a24a7f55' },
        'unknown bearer token',
        'unknown bearer token',
        { kind: 'user', id: 'user-a24a7f55' },
      ],
      3,
    ]);
  });

  it('verifies every request that has no connection, and needs no lookup for no header', () => {
    const table = countingTable();
    const actorOf = connectionActorResolver(table);
    const answers = [
      actorOf('Bearer u-1', undefined),
      actorOf('Bearer u-1', undefined),
      actorOf(undefined, {}),
    ].map((actor) => actor.kind);
    expect([answers, table.lookups]).toStrictEqual([['user', 'user', 'anonymous'], 2]);
  });
});

describe('auth over HTTP for each actor', () => {
  let demo: DemoServer;
  beforeAll(async () => {
    demo = await startDemoServer();
  });
  afterAll(async () => demo.stop());

  it('anonymous, user and admin against anonymous, user and admin operations', async () => {
    const callers = { anonymous: undefined, user: TOKENS.user, admin: TOKENS.admin };
    const operations = {
      anonymous: { path: '/demo/status/v1.0.0', method: 'GET' },
      user: { path: '/demo/search/v1.0.0?text=a', method: 'GET' },
      admin: { path: '/demo/reset/v1.0.0', method: 'POST' },
    };
    const table: Record<string, number> = {};
    for (const [caller, token] of Object.entries(callers)) {
      for (const [level, operation] of Object.entries(operations)) {
        const answer = await request(`${demo.url}${operation.path}`, {
          method: operation.method,
          ...(token ? { token } : {}),
        });
        table[`${caller} -> ${level}`] = answer.status;
      }
    }
    expect(table).toStrictEqual({
      'anonymous -> anonymous': 200,
      'anonymous -> user': 401,
      'anonymous -> admin': 401,
      'user -> anonymous': 200,
      'user -> user': 200,
      'user -> admin': 403,
      'admin -> anonymous': 200,
      'admin -> user': 200,
      'admin -> admin': 200,
    });
  });

  it('switches actors on one keep-alive connection as its Authorization header changes', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const send = (path: string, token?: string, method = 'GET') =>
      new Promise<{ status: number; reused: boolean }>((resolve, reject) => {
        const call = httpRequest(
          `${demo.url}${path}`,
          { agent, method, headers: token ? { authorization: `Bearer ${token}` } : {} },
          (response) => {
            response.resume();
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, reused: call.reusedSocket }),
            );
          },
        );
        call.on('error', reject);
        call.end();
      });
    const userPath = '/demo/search/v1.0.0?text=a';
    const adminPath = '/demo/reset/v1.0.0';
    try {
      const answers = [
        await send(userPath, TOKENS.user),
        await send(userPath, 'not-a-token'),
        await send(userPath),
        await send(adminPath, TOKENS.user, 'POST'),
        await send(adminPath, TOKENS.admin, 'POST'),
        await send(userPath, TOKENS.user),
      ];
      expect(answers.map((answer) => answer.status)).toStrictEqual([200, 401, 401, 403, 200, 200]);
      expect(answers.slice(1).every((answer) => answer.reused)).toBe(true);
    } finally {
      agent.destroy();
    }
  });
});
