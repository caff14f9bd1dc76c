/**
 * Freezes `value` and everything reachable from it, in place, and returns it. An object already
 * frozen is taken as frozen all the way down (the generator freezes only whole trees), so a tree
 * shared by later values is walked once. For plain JSON-like values: parts of IR-derived documents
 * and examples that later emits share.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
