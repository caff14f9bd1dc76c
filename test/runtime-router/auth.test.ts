import { describe, expect, it } from 'vitest';
import {
  authorize,
  satisfiesAuth,
  type Actor,
  type ActorKind,
} from '../../packages/runtime/src/actor.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';
import {
  FIXED_NOW,
  PingedEvent,
  pingOperation,
  StatusDefinition,
  statusOperation,
} from './demo-router.js';
import { problemOf } from './problem.js';

const LEVELS: readonly ActorKind[] = ['anonymous', 'user', 'admin'];
const CALLERS: readonly (Actor | undefined)[] = [
  undefined,
  { kind: 'anonymous' },
  { kind: 'user', id: 'u' },
  { kind: 'admin', id: 'a' },
];
const callerName = (actor: Actor | undefined) => actor?.kind ?? 'none';

describe('satisfiesAuth', () => {
  it('nests admin ⊇ user ⊇ anonymous', () => {
    const table = LEVELS.map((required) => [
      required,
      CALLERS.filter((actor) => satisfiesAuth(actor, required)).map(callerName),
    ]);
    expect(table).toStrictEqual([
      ['anonymous', ['none', 'anonymous', 'user', 'admin']],
      ['user', ['user', 'admin']],
      ['admin', ['admin']],
    ]);
  });
});

describe('authorize and the router', () => {
  it('answers UNAUTHORIZED for a missing or anonymous caller and FORBIDDEN for a user below admin', async () => {
    const router = new Router({
      operations: LEVELS.map((auth) =>
        bindOperation({ ...StatusDefinition, key: `demo.${auth}`, auth }, () => ({ status: 'ok' })),
      ),
      events: [],
      now: FIXED_NOW,
    });
    const outcomes: string[][] = [];
    for (const auth of LEVELS) {
      const row: string[] = [];
      for (const actor of CALLERS) {
        const call = router.call(`demo.${auth}`, null, { actor: actor as Actor });
        row.push(
          await call.then(
            () => 'ok',
            (error: { code: string; status: number }) => `${error.code} ${error.status}`,
          ),
        );
      }
      outcomes.push(row);
    }
    expect(outcomes).toStrictEqual([
      ['ok', 'ok', 'ok', 'ok'],
      ['UNAUTHORIZED 401', 'UNAUTHORIZED 401', 'ok', 'ok'],
      ['UNAUTHORIZED 401', 'UNAUTHORIZED 401', 'FORBIDDEN 403', 'ok'],
    ]);
  });

  it('checks auth before input, so an anonymous caller learns nothing about validation', async () => {
    const router = new Router({
      operations: [statusOperation, pingOperation],
      events: [PingedEvent],
    });
    expect(
      await problemOf(router.call('demo.ping', { bad: true }, { actor: { kind: 'anonymous' } })),
    ).toStrictEqual({
      code: 'UNAUTHORIZED',
      status: 401,
      message: 'demo.ping@1.0.0 needs a signed-in user actor',
      details: undefined,
    });
  });

  it('names the required and the actual level in FORBIDDEN', () => {
    expect(() => authorize({ kind: 'user' }, 'admin', 'demo.x@1.0.0')).toThrow(
      'demo.x@1.0.0 needs an admin actor; the caller is a user',
    );
  });
});
