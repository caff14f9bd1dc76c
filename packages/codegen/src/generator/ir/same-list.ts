/**
 * True when `a` and `b` hold the same items in the same order, compared with `===` (objects by
 * identity, strings by text); two undefined lists are the same. What the watch-mode memos compare
 * their inputs with: a watch session keeps the objects of unchanged IR parts.
 */
export function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let index = 0; index < a.length; index += 1) if (a[index] !== b[index]) return false;
  return true;
}
