import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Actor } from '../../packages/runtime/src/actor.js';
import {
  bindOperation,
  Router,
  type OperationDefinition,
} from '../../packages/runtime/src/router.js';
import { problemOf } from './problem.js';

const USER: Actor = { kind: 'user', id: 'u1' };

interface Probe {
  outputParses: number;
  inputParses: number;
}

interface Item {
  n: number;
}

/**
 * A router with `demo.get` and `demo.other` (same output shape, `other` needs `n` >= 10), both
 * answering whatever `next()` gives. The schemas count their successful object-level parses
 * through a refinement, which is how the tests see whether the router parsed again.
 */
function probeRouter(next: () => unknown): { router: Router; probe: Probe } {
  const probe: Probe = { outputParses: 0, inputParses: 0 };
  const Input = z.strictObject({ id: z.string() }).refine(() => ++probe.inputParses > 0);
  const output = (min: number) =>
    z
      .object({ items: z.array(z.object({ n: z.int().min(min) })) })
      .refine(() => ++probe.outputParses > 0);
  const define = (key: string, min: number): OperationDefinition => ({
    key,
    version: '1.0.0',
    kind: 'query',
    auth: 'user',
    pii: [],
    input: Input,
    output: output(min),
    errors: {},
    emits: [],
  });
  const router = new Router({
    operations: [
      bindOperation(define('demo.get', 0), () => next()),
      bindOperation(define('demo.other', 10), () => next()),
    ],
    events: [],
  });
  return { router, probe };
}

const call = (router: Router, key = 'demo.get', input: unknown = { id: 'a' }) =>
  router.call(key, input, { actor: USER });

describe('Router output validation of deeply frozen outputs', () => {
  it('parses a deeply frozen output once and answers the same frozen parsed output after', async () => {
    const output = Object.freeze({
      items: Object.freeze([Object.freeze({ n: 1 })]),
      extra: 'stripped',
    });
    const { router, probe } = probeRouter(() => output);
    const first = await call(router);
    const second = await call(router);
    const third = await call(router);
    expect(first).toStrictEqual({ items: [{ n: 1 }] });
    expect([second === first, third === first]).toStrictEqual([true, true]);
    expect([
      Object.isFrozen(first),
      Object.isFrozen((first as { items: Item[] }).items[0]),
    ]).toStrictEqual([true, true]);
    expect(probe.outputParses).toBe(1);
  });

  it('still validates the input of every call', async () => {
    const output = Object.freeze({ items: Object.freeze([]) });
    const { router, probe } = probeRouter(() => output);
    const input = Object.freeze({ id: 'a' });
    await call(router, 'demo.get', input);
    await call(router, 'demo.get', input);
    expect(await problemOf(call(router, 'demo.get', { id: 7 }))).toStrictEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message:
        'invalid input for demo.get@1.0.0: input.id: Invalid input: expected string, received number',
      details: [{ path: 'input.id', message: 'Invalid input: expected string, received number' }],
    });
    expect([probe.inputParses, probe.outputParses]).toStrictEqual([2, 1]);
  });

  it('parses a mutable output on every call', async () => {
    const output = { items: [{ n: 1 }] };
    const { router, probe } = probeRouter(() => output);
    for (let index = 0; index < 3; index++) {
      expect(await call(router)).toStrictEqual({ items: [{ n: 1 }] });
    }
    expect(probe.outputParses).toBe(3);
  });

  it('rejects a mutable output that was valid before and is not any more', async () => {
    const output: { items: { n: unknown }[] } = { items: [{ n: 1 }] };
    const { router } = probeRouter(() => output);
    expect(await call(router)).toStrictEqual({ items: [{ n: 1 }] });
    output.items[0]!.n = 'one';
    expect(await problemOf(call(router))).toStrictEqual({
      code: 'OUTPUT_INVALID',
      status: 500,
      message:
        'demo.get@1.0.0 produced invalid output: output.items[0].n: Invalid input: expected number, received string',
      details: [
        { path: 'output.items[0].n', message: 'Invalid input: expected number, received string' },
      ],
    });
  });

  it('treats a frozen object holding a mutable one as mutable', async () => {
    const inner: { n: unknown } = { n: 1 };
    const output = Object.freeze({ items: Object.freeze([inner]) });
    const { router, probe } = probeRouter(() => output);
    expect(await call(router)).toStrictEqual({ items: [{ n: 1 }] });
    inner.n = 2.5;
    expect((await problemOf(call(router))).code).toBe('OUTPUT_INVALID');
    expect(probe.outputParses).toBe(1);
  });

  it('never remembers a failed parse: a frozen invalid output is rejected every time', async () => {
    const output = Object.freeze({ items: Object.freeze([Object.freeze({ n: 'x' })]) });
    const { router } = probeRouter(() => output);
    const codes = [(await problemOf(call(router))).code, (await problemOf(call(router))).code];
    expect(codes).toStrictEqual(['OUTPUT_INVALID', 'OUTPUT_INVALID']);
  });

  it('remembers per operation: a frozen output valid for one is still checked by another', async () => {
    const output = Object.freeze({ items: Object.freeze([Object.freeze({ n: 1 })]) });
    const { router, probe } = probeRouter(() => output);
    const first = await call(router, 'demo.get');
    expect(await problemOf(call(router, 'demo.other'))).toStrictEqual({
      code: 'OUTPUT_INVALID',
      status: 500,
      message:
        'demo.other@1.0.0 produced invalid output: output.items[0].n: Too small: expected number to be >=10',
      details: [{ path: 'output.items[0].n', message: 'Too small: expected number to be >=10' }],
    });
    const parses = probe.outputParses;
    expect(await call(router, 'demo.get')).toBe(first);
    expect(probe.outputParses).toBe(parses);
  });
});
