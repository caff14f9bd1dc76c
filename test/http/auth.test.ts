import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOfRequest, parseTokens } from '../../runtime/http/tokens.js';
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
});
