import { describe, expect, it } from 'vitest';
import { deepFreeze, isDeeplyFrozen } from '../../packages/runtime/src/deep-freeze.js';

describe('isDeeplyFrozen', () => {
  it('accepts primitives and frozen plain data all the way down', () => {
    const nullPrototype = Object.freeze(Object.assign(Object.create(null) as object, { a: 1 }));
    const data = Object.freeze({
      list: Object.freeze([1, 'two', null, Object.freeze({ three: true })]),
      nullPrototype,
    });
    expect([
      isDeeplyFrozen(1),
      isDeeplyFrozen('text'),
      isDeeplyFrozen(null),
      isDeeplyFrozen(undefined),
      isDeeplyFrozen(data),
      isDeeplyFrozen(data),
    ]).toStrictEqual([true, true, true, true, true, true]);
  });

  it('refuses mutable data anywhere, accessors, functions, dates, class instances and proxies', () => {
    class Point {
      x = 1;
    }
    const getter = Object.freeze(
      Object.defineProperty({}, 'value', { get: () => Math.random(), enumerable: true }),
    );
    expect([
      isDeeplyFrozen({ a: 1 }),
      isDeeplyFrozen(Object.freeze({ inner: { a: 1 } })),
      isDeeplyFrozen(Object.freeze([Object.freeze([]), []])),
      isDeeplyFrozen(getter),
      isDeeplyFrozen(() => 1),
      isDeeplyFrozen(Object.freeze({ run: Object.freeze(() => 1) })),
      isDeeplyFrozen(Object.freeze(new Date(0))),
      isDeeplyFrozen(Object.freeze(new Point())),
      isDeeplyFrozen(new Proxy(Object.freeze({ a: 1 }), {})),
    ]).toStrictEqual([false, false, false, false, false, false, false, false, false]);
  });

  it('handles cycles', () => {
    const node: { self?: unknown } = {};
    node.self = node;
    Object.freeze(node);
    expect(isDeeplyFrozen(node)).toBe(true);
  });
});

describe('deepFreeze', () => {
  it('freezes every nested object and array in place and returns the value', () => {
    const value = { a: [{ b: 1 }], c: { d: [2] } };
    const frozen = deepFreeze(value);
    expect(frozen).toBe(value);
    expect([
      Object.isFrozen(value),
      Object.isFrozen(value.a),
      Object.isFrozen(value.a[0]),
      Object.isFrozen(value.c),
      Object.isFrozen(value.c.d),
      isDeeplyFrozen(value),
    ]).toStrictEqual([true, true, true, true, true, true]);
    expect(() => {
      (value.a[0] as { b: number }).b = 3;
    }).toThrow(TypeError);
  });

  it('walks into an already frozen object whose children are not', () => {
    const inner = { x: 1 };
    const outer = Object.freeze({ inner });
    deepFreeze(outer);
    expect(Object.isFrozen(inner)).toBe(true);
  });
});
