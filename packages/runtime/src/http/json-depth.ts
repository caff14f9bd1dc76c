import { ContractError } from '../errors.js';

/**
 * Deepest nesting of arrays and objects a JSON request value may have: 64 levels (`{"a":1}` is
 * one level, `[[1]]` two). Deeper values are refused before `JSON.parse`, since everything after
 * it (schema checks, freezing, `JSON.stringify` of the answer) recurses once per level and a few
 * thousand levels exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * True when JSON `text` opens more than `limit` arrays/objects inside one another: one linear
 * scan of the text counting `[`/`{` up and `]`/`}` down outside strings (RFC 8259 §7: a string
 * ends at the first `"` not escaped by an odd run of backslashes), stopping at the first level over
 * `limit`. It never recurses and never parses; text that is not JSON gives an arbitrary answer and
 * is left to `JSON.parse` to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === QUOTE) {
      let end = index;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return false;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      index = end;
    } else if (code === OPEN_ARRAY || code === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (code === CLOSE_ARRAY || code === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * The VALIDATION_FAILED (400) error of a JSON value at `path` (`input` for a body,
 * `input.<name>` for a query parameter) nested deeper than {@link MAX_JSON_DEPTH}.
 */
export function tooDeepError(path: string, what: string): ContractError<'VALIDATION_FAILED'> {
  return new ContractError(
    'VALIDATION_FAILED',
    `${what} nests arrays and objects deeper than ${MAX_JSON_DEPTH} levels`,
    { details: [{ path, message: `nested deeper than ${MAX_JSON_DEPTH} levels` }] },
  );
}
