/**
 * `derive` memoized by its argument's identity: for facts that are a function of one IR part (a
 * spec, a model, a backlinks object) and nothing else. An IR is never changed once built, and a
 * watch session hands the next IR the same objects for the parts that did not change, so a
 * rebuild derives only what changed. The entries go with their objects (a WeakMap).
 */
export function oncePerObject<Key extends object, Value>(
  derive: (key: Key) => Value,
): (key: Key) => Value {
  const values = new WeakMap<Key, Value>();
  return (key) => {
    if (values.has(key)) return values.get(key)!;
    const value = derive(key);
    values.set(key, value);
    return value;
  };
}
