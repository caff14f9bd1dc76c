import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../packages/runtime/src/actor.js';
import type { EmittedEvent, SpecKey } from '../../packages/runtime/src/events.js';
import { bindOperation, Router, type HandlerContext } from '../../packages/runtime/src/router.js';
import {
  FIXED_NOW,
  PingedEvent,
  pingOperation,
  StatusDefinition,
  statusOperation,
} from './demo-router.js';
import { problemOf } from './problem.js';

const USER: Actor = { kind: 'user', id: 'u1' };

function demoRouter(): Router {
  return new Router({
    operations: [statusOperation, pingOperation],
    events: [PingedEvent],
    now: FIXED_NOW,
  });
}

describe('Router.prepare', () => {
  it('runs an operation as call does: output, events, validation and declared errors', async () => {
    const router = demoRouter();
    const ping = router.prepare('demo.ping', '1.0.0');
    const events: EmittedEvent[] = [];
    const context = { actor: USER, onEvent: (event: EmittedEvent) => void events.push(event) };
    const viaCall = (message: string) =>
      router.call('demo.ping', { target: 't1', message }, context, '1.0.0');
    expect([
      await ping({ target: 't1', message: 'hello' }, context),
      await viaCall('hello'),
      await problemOf(ping({ target: 't1', message: 'refuse' }, context)),
      await problemOf(ping({ target: 't1' }, context)),
      await problemOf(ping({ target: 't1', message: 'hello' }, { actor: { kind: 'anonymous' } })),
    ]).toStrictEqual([
      { pingId: 'ping-t1' },
      { pingId: 'ping-t1' },
      {
        code: 'PING_REFUSED',
        status: 409,
        message: 'The target refuses pings.',
        details: undefined,
      },
      {
        code: 'VALIDATION_FAILED',
        status: 400,
        message: 'invalid input for demo.ping@1.0.0: input.message: required',
        details: [{ path: 'input.message', message: 'required' }],
      },
      {
        code: 'UNAUTHORIZED',
        status: 401,
        message: 'demo.ping@1.0.0 needs a signed-in user actor',
        details: undefined,
      },
    ]);
    expect(events.map((event) => [event.key, event.operation])).toStrictEqual([
      ['demo.pinged', { key: 'demo.ping', version: '1.0.0' }],
      ['demo.pinged', { key: 'demo.ping', version: '1.0.0' }],
    ]);
  });

  it('throws NOT_FOUND at once for an unknown key or version; without a version takes the highest', async () => {
    const router = new Router({
      operations: ['1.2.0', '1.10.0', '1.9.0'].map((version) =>
        bindOperation({ ...StatusDefinition, version }, () => ({ status: version })),
      ),
      events: [],
    });
    const thrown = (prepare: () => unknown) => {
      try {
        prepare();
        return 'prepared';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect([
      thrown(() => router.prepare('demo.nope')),
      thrown(() => router.prepare('demo.status', '2.0.0')),
      await router.prepare('demo.status')(null, { actor: USER }),
      await router.prepare('demo.status', '1.9.0')(null, { actor: USER }),
    ]).toStrictEqual([
      'no operation demo.nope',
      'no operation demo.status@2.0.0',
      { status: '1.10.0' },
      { status: '1.9.0' },
    ]);
  });

  it('hands every call one frozen operation, and an emit that refuses any event when none is declared', async () => {
    const seen: { operation: SpecKey; emitted: string }[] = [];
    const sink: EmittedEvent[] = [];
    const router = new Router({
      operations: [
        bindOperation(
          { ...StatusDefinition, key: 'demo.quiet' },
          async (_input, ctx: HandlerContext) => {
            const emit = ctx.emit as (key: string, payload: unknown) => Promise<void>;
            const emitted = await emit('demo.pinged', { pingId: 'p', at: 'now' }).then(
              () => 'emitted',
              (error: Error) => error.message,
            );
            seen.push({ operation: ctx.operation, emitted });
            return { status: 'quiet' };
          },
        ),
      ],
      events: [PingedEvent],
    });
    const quiet = router.prepare('demo.quiet', '1.0.0');
    await quiet(null, { actor: USER, onEvent: (event) => void sink.push(event) });
    await quiet(null, { actor: USER, onEvent: (event) => void sink.push(event) });
    expect([
      seen.map((call) => call.emitted),
      seen[0]!.operation === seen[1]!.operation,
      Object.isFrozen(seen[0]!.operation),
      seen[0]!.operation,
      sink.length,
    ]).toStrictEqual([
      [
        'demo.quiet@1.0.0 does not declare event demo.pinged',
        'demo.quiet@1.0.0 does not declare event demo.pinged',
      ],
      true,
      true,
      { key: 'demo.quiet', version: '1.0.0' },
      0,
    ]);
  });

  it('remembers the output parse of a frozen result per operation, as call does', async () => {
    let parses = 0;
    const output = Object.freeze({ status: 'up' });
    const counted = z.object({ status: z.string() }).transform((value) => {
      parses += 1;
      return value;
    });
    const router = new Router({
      operations: [bindOperation({ ...StatusDefinition, output: counted }, () => output)],
      events: [],
    });
    const status = router.prepare('demo.status');
    const answers = [await status(null, { actor: USER }), await status(null, { actor: USER })];
    expect([answers, answers[0] === answers[1], parses]).toStrictEqual([
      [{ status: 'up' }, { status: 'up' }],
      true,
      1,
    ]);
  });
});
