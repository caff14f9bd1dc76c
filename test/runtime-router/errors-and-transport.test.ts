import { describe, expect, it } from 'vitest';
import {
  ContractError,
  formatIssuePath,
  isContractError,
  STANDARD_ERRORS,
  TransportError,
} from '../../packages/runtime/src/errors.js';
import type { EmittedEvent } from '../../packages/runtime/src/events.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';
import { Router } from '../../packages/runtime/src/router.js';
import { FIXED_NOW, PingedEvent, pingOperation, statusOperation } from './demo-router.js';
import { problemOf } from './problem.js';

describe('ContractError', () => {
  it('takes the standard status of a standard code, 500 for another code unless given', () => {
    const statuses = [
      new ContractError('FORBIDDEN', 'x').status,
      new ContractError('SOMETHING', 'x').status,
      new ContractError('SOMETHING', 'x', { status: 409 }).status,
    ];
    expect(statuses).toStrictEqual([403, 500, 409]);
  });

  it('lists the standard codes with their statuses', () => {
    const table = Object.entries(STANDARD_ERRORS).map(([code, entry]) => [code, entry.status]);
    expect(table).toStrictEqual([
      ['VALIDATION_FAILED', 400],
      ['UNAUTHORIZED', 401],
      ['FORBIDDEN', 403],
      ['NOT_FOUND', 404],
      ['UNDECLARED_EVENT', 500],
      ['OUTPUT_INVALID', 500],
      ['RECORD_CORRUPT', 500],
      ['STORAGE_FULL', 507],
      ['INTERNAL', 500],
    ]);
  });

  it('is recognised across module copies by its brand, and a TransportError is not one', () => {
    const foreign = Object.defineProperty(new Error('x'), Symbol.for('contracts.ContractError'), {
      value: true,
    });
    expect([
      isContractError(new ContractError('A', 'x')),
      isContractError(foreign),
      isContractError(new TransportError('down')),
      isContractError({ code: 'A' }),
    ]).toStrictEqual([true, true, false, false]);
  });

  it('formats issue paths with indexes and quoted odd keys', () => {
    expect(formatIssuePath('input', ['steps', 0, 'step-id', 'ok'])).toBe(
      'input.steps[0]["step-id"].ok',
    );
  });
});

describe('localTransport', () => {
  const router = new Router({
    operations: [statusOperation, pingOperation],
    events: [PingedEvent],
    now: FIXED_NOW,
  });

  it('calls the router as the fixed actor, with the asked version, and forwards events', async () => {
    const events: EmittedEvent[] = [];
    const transport = localTransport(router, {
      actor: { kind: 'user', id: 'u1' },
      onEvent: (event) => void events.push(event),
    });
    const output = await transport.call({
      key: 'demo.ping',
      version: '1.0.0',
      input: { target: 't', message: 'hi' },
    });
    expect([output, events.map((event) => event.key)]).toStrictEqual([
      { pingId: 'ping-t' },
      ['demo.pinged'],
    ]);
  });

  it('rejects with the router ContractError unchanged', async () => {
    const transport = localTransport(router, { actor: { kind: 'anonymous' } });
    expect(
      await problemOf(transport.call({ key: 'demo.ping', version: '9.0.0', input: null })),
    ).toStrictEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'no operation demo.ping@9.0.0',
      details: undefined,
    });
  });
});
