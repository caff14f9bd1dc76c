import { types } from 'node:util';

/** Plain values known to be deeply frozen; frozen never thaws, so membership is permanent. */
const deeplyFrozen = new WeakSet<object>();

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown;
  return Array.isArray(value)
    ? prototype === Array.prototype
    : prototype === Object.prototype || prototype === null;
}

function check(value: unknown, visiting: Set<object>): boolean {
  if (typeof value === 'function') return false;
  if (typeof value !== 'object' || value === null) return true;
  if (deeplyFrozen.has(value) || visiting.has(value)) return true;
  if (types.isProxy(value) || !Object.isFrozen(value) || !isPlain(value)) return false;
  visiting.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if (!('value' in descriptor) || !check(descriptor.value, visiting)) return false;
  }
  return true;
}

/**
 * True when `value` is immutable JSON-like data: a primitive other than a function, or a plain
 * object / array (prototype `Object.prototype`, `null` or `Array.prototype`) that is frozen, has
 * only data properties (a getter could answer differently on each read) and whose every property
 * value is itself deeply frozen. Dates, maps, class instances, proxies and functions never are
 * (their state, or what they answer, can change behind `Object.freeze`). Such a value never
 * changes, so what a pure function (a zod parse, `JSON.stringify`) computes from it can be reused:
 * the router's output memo (router.ts) and the HTTP layer's JSON text (http-app.ts) rely on this. A successful check is memoised per object (a WeakSet), so checking the same
 * value again costs one lookup. Prototype pollution (adding properties to `Object.prototype`) is
 * outside what this guards against.
 */
export function isDeeplyFrozen(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return typeof value !== 'function';
  if (deeplyFrozen.has(value)) return true;
  const visiting = new Set<object>();
  if (!check(value, visiting)) return false;
  for (const object of visiting) deeplyFrozen.add(object);
  return true;
}

/**
 * Freezes `value` and every object and array reachable from it, in place, and returns it. Meant
 * for parsed JSON and zod output (plain objects, arrays, primitives); an already frozen object is
 * still walked, since `Object.freeze` is shallow. Cycles are followed once.
 */
export function deepFreeze<T>(value: T): T {
  freeze(value, new Set());
  return value;
}

function freeze(value: unknown, seen: Set<object>): void {
  if (typeof value !== 'object' || value === null || seen.has(value)) return;
  if (deeplyFrozen.has(value)) return;
  seen.add(value);
  for (const key of Reflect.ownKeys(value)) {
    const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
    if ('value' in descriptor) freeze(descriptor.value, seen);
  }
  Object.freeze(value);
}
