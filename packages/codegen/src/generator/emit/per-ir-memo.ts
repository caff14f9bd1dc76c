import type { Ir } from '../ir/ir-schema.js';

/**
 * `derive` memoized per IR object and key (a domain name): several emitters read the same derived
 * facts of one IR (a domain's models, the strict model names, the client, handlers, events and
 * registry views that the index emitter reads again to find export collisions), and an IR is never modified once
 * built, so each is computed once per emit pass. The entries go with the IR object.
 */
export function perIr<Value>(
  derive: (ir: Ir, key: string) => Value,
): (ir: Ir, key: string) => Value {
  const cache = new WeakMap<Ir, Map<string, Value>>();
  return (ir, key) => {
    let byKey = cache.get(ir);
    if (!byKey) {
      byKey = new Map();
      cache.set(ir, byKey);
    }
    if (byKey.has(key)) return byKey.get(key)!;
    const value = derive(ir, key);
    byKey.set(key, value);
    return value;
  };
}
