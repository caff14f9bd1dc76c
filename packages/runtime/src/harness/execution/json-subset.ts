/**
 * The `jsonSubset` matching of RAGit's `harness run`: objects match as a subset (every expected key
 * present and matching, extra keys allowed), arrays match by position as a prefix (the actual
 * array may be longer), primitives (string, number, boolean, null) by strict equality.
 * Returns null on a match, else a message naming the JSON path of the first mismatch, what was
 * expected and what was seen, e.g. `at $.items[1].name: expected "a", saw "b"`.
 */
export function jsonSubsetMismatch(expected: unknown, actual: unknown, path = '$'): string | null {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `at ${path}: expected an array, saw ${describe(actual)}`;
    if (actual.length < expected.length) {
      return `at ${path}: expected an array of at least ${expected.length} items (prefix), saw ${actual.length} items`;
    }
    for (let index = 0; index < expected.length; index += 1) {
      const mismatch = jsonSubsetMismatch(expected[index], actual[index], `${path}[${index}]`);
      if (mismatch !== null) return mismatch;
    }
    return null;
  }
  if (isObject(expected)) {
    if (!isObject(actual)) return `at ${path}: expected an object, saw ${describe(actual)}`;
    for (const key of Object.keys(expected)) {
      const keyPath = `${path}${/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`}`;
      if (!Object.hasOwn(actual, key))
        return `at ${keyPath}: expected ${preview(expected[key])}, saw no such key`;
      const mismatch = jsonSubsetMismatch(expected[key], actual[key], keyPath);
      if (mismatch !== null) return mismatch;
    }
    return null;
  }
  return expected === actual
    ? null
    : `at ${path}: expected ${preview(expected)}, saw ${preview(actual)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value;
  return kind === 'null' ? 'null' : `${kind} ${preview(value)}`;
}

const PREVIEW_CHARS = 80;

/** JSON text of a value, cut to 80 characters so messages stay short. */
export function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length <= PREVIEW_CHARS ? text : `${text.slice(0, PREVIEW_CHARS - 1)}…`;
}
