import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../packages/runtime/src/actor.js';
import { ContractError } from '../../packages/runtime/src/errors.js';
import type { EmittedEvent } from '../../packages/runtime/src/events.js';
import { bindOperation, Router } from '../../packages/runtime/src/router.js';
import {
  FIXED_NOW,
  PingDefinition,
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

async function ping(message: string, events: EmittedEvent[] = []): Promise<unknown> {
  return demoRouter().call(
    'demo.ping',
    { target: 't1', message },
    { actor: USER, onEvent: (event) => void events.push(event) },
  );
}

describe('Router.call', () => {
  it('answers a valid call with the parsed output and delivers the declared event', async () => {
    const events: EmittedEvent[] = [];
    expect(await ping('hello', events)).toStrictEqual({ pingId: 'ping-t1' });
    expect(events).toStrictEqual([
      {
        key: 'demo.pinged',
        version: '1.0.0',
        payload: { pingId: 'ping-t1', at: '2024-01-01T00:00:00.000Z' },
        operation: { key: 'demo.ping', version: '1.0.0' },
        emittedAt: '2024-05-06T07:08:09.000Z',
      },
    ]);
  });

  it('passes null to the handler of an operation without input', async () => {
    expect(
      await demoRouter().call('demo.status', undefined, { actor: { kind: 'anonymous' } }),
    ).toStrictEqual({
      status: 'up (no input)',
    });
  });

  it('refuses invalid input with VALIDATION_FAILED naming each field', async () => {
    const call = demoRouter().call('demo.ping', { message: 7, extra: true }, { actor: USER });
    expect(await problemOf(call)).toStrictEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message:
        'invalid input for demo.ping@1.0.0: input.target: required; input.message: Invalid input: expected string, received number; input.extra: unknown field',
      details: [
        { path: 'input.target', message: 'required' },
        { path: 'input.message', message: 'Invalid input: expected string, received number' },
        { path: 'input.extra', message: 'unknown field' },
      ],
    });
  });

  it('answers a declared error with its code and the declared HTTP status', async () => {
    expect(await problemOf(ping('refuse'))).toStrictEqual({
      code: 'PING_REFUSED',
      status: 409,
      message: 'The target refuses pings.',
      details: undefined,
    });
  });

  it('passes a standard code through with its standard status', async () => {
    expect(await problemOf(ping('missing'))).toStrictEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'no target t1',
      details: undefined,
    });
  });

  it('wraps an undeclared code and a plain error carrying a code as INTERNAL', async () => {
    expect(await problemOf(ping('teapot'))).toStrictEqual({
      code: 'INTERNAL',
      status: 500,
      message: 'demo.ping@1.0.0 threw undeclared error code TEAPOT',
      details: undefined,
    });
    expect((await problemOf(ping('refuse-plain'))).code).toBe('INTERNAL');
  });

  it('turns a handler crash into INTERNAL without its message or stack, keeping it as cause', async () => {
    let caught: unknown;
    await ping('crash').catch((error: unknown) => (caught = error));
    expect(caught).toBeInstanceOf(ContractError);
    const error = caught as ContractError;
    expect([error.code, error.status, error.message]).toStrictEqual([
      'INTERNAL',
      500,
      'internal error in demo.ping@1.0.0',
    ]);
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('refuses an event the operation does not declare', async () => {
    const events: EmittedEvent[] = [];
    expect(await problemOf(ping('undeclared-event', events))).toStrictEqual({
      code: 'UNDECLARED_EVENT',
      status: 500,
      message: 'demo.ping@1.0.0 does not declare event demo.other',
      details: undefined,
    });
    expect(events).toStrictEqual([]);
  });

  it('validates an emitted payload and does not deliver an invalid one', async () => {
    const events: EmittedEvent[] = [];
    expect(await problemOf(ping('bad-payload', events))).toStrictEqual({
      code: 'OUTPUT_INVALID',
      status: 500,
      message: 'demo.ping@1.0.0 emitted an invalid demo.pinged@1.0.0 payload: payload.at: required',
      details: [{ path: 'payload.at', message: 'required' }],
    });
    expect(events).toStrictEqual([]);
  });

  it('refuses output that breaks the output model', async () => {
    expect(await problemOf(ping('bad-output'))).toStrictEqual({
      code: 'OUTPUT_INVALID',
      status: 500,
      message:
        'demo.ping@1.0.0 produced invalid output: output.pingId: Invalid input: expected string, received number',
      details: [
        { path: 'output.pingId', message: 'Invalid input: expected string, received number' },
      ],
    });
  });

  it('answers NOT_FOUND for an unknown key or version', async () => {
    expect(await problemOf(demoRouter().call('demo.nope', {}, { actor: USER }))).toStrictEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'no operation demo.nope',
      details: undefined,
    });
    const call = demoRouter().call('demo.ping', {}, { actor: USER }, '2.0.0');
    expect((await problemOf(call)).message).toBe('no operation demo.ping@2.0.0');
  });

  it('serves the highest version by semver when no version is asked, else the asked one', async () => {
    const versions = ['1.9.0', '1.10.0', '1.2.0'].map((version) =>
      bindOperation({ ...StatusDefinition, version }, () => ({ status: version })),
    );
    const router = new Router({ operations: versions, events: [] });
    const anonymous = { actor: { kind: 'anonymous' } } as const;
    expect(await router.call('demo.status', null, anonymous)).toStrictEqual({ status: '1.10.0' });
    expect(await router.call('demo.status', null, anonymous, '1.9.0')).toStrictEqual({
      status: '1.9.0',
    });
    expect(router.operations.map((operation) => operation.version)).toStrictEqual([
      '1.2.0',
      '1.9.0',
      '1.10.0',
    ]);
  });

  it('lists its operations by key then version', () => {
    expect(demoRouter().operations).toStrictEqual([PingDefinition, StatusDefinition]);
  });
});

describe('Router constructor', () => {
  it('rejects an operation defined twice', () => {
    expect(
      () => new Router({ operations: [statusOperation, statusOperation], events: [] }),
    ).toThrow('operation demo.status@1.0.0 is defined twice');
  });

  it('rejects an emitted event without definition', () => {
    expect(() => new Router({ operations: [pingOperation], events: [] })).toThrow(
      'demo.ping@1.0.0 emits demo.pinged@1.0.0, which has no event definition',
    );
  });

  it('rejects two versions of one event key on one operation', () => {
    const pingedV2 = { ...PingedEvent, version: '2.0.0', payload: z.object({}) };
    const both = bindOperation(
      {
        ...PingDefinition,
        emits: [
          { key: 'demo.pinged', version: '1.0.0' },
          { key: 'demo.pinged', version: '2.0.0' },
        ],
      },
      () => ({ pingId: 'x' }),
    );
    expect(() => new Router({ operations: [both], events: [PingedEvent, pingedV2] })).toThrow(
      'demo.ping@1.0.0 declares two versions of event demo.pinged',
    );
  });
});
