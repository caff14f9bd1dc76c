import { isWhitespace } from '../core/whitespace.js';
import { PAIR_VALUE, inClass } from './char-classes.js';
import type { MaskLimits } from './mask-limits.js';
import { many, runTail, swallowTail, tailAfter, type MaskedTail } from './masked-tail.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const COLON = 0x3a;
const EQUALS_SIGN = 0x3d;
const LINE_FEED = 0x0a;
/** The longest keyword (`private_key`), in characters. */
const LONGEST_KEYWORD = 11;
const VALUE_TAIL = runTail([many(PAIR_VALUE, /[^\s"'&,;]*/y)]);
const CLOSING_DOUBLE_QUOTE: MaskedTail = { kind: 'quoted', quote: DOUBLE_QUOTE };
const CLOSING_SINGLE_QUOTE: MaskedTail = { kind: 'quoted', quote: SINGLE_QUOTE };
const MASKED_DOUBLE_QUOTED = `${MASK}"`;
const MASKED_SINGLE_QUOTED = `${MASK}'`;

/**
 * `key=value` and `key: value` pairs whose key names a secret → the value masked, key and
 * separator kept, a quoted value keeping its quotes: what
 * `\b([A-Za-z0-9_.-]*(?:secret|token|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*)("?\s*[:=]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'&,;]+)`
 * (case-insensitive) masks, found from each keyword instead of from each start of a key. The key
 * may run on at most `limits.labelChars` past its keyword; the separator's whitespace and a quoted
 * value are read up to `limits.shapeChars`, and a quoted value still open there is masked up to its
 * closing quote or line end. An unquoted value is masked however long it is.
 */
export function secretPairPass(limits: MaskLimits): ShapePass {
  const { labelChars, shapeChars } = limits;
  const keyword = /secret|token|passw(?:or)?d|api[_-]?key|access[_-]?key|private[_-]?key/gi;
  const keyName = /[A-Za-z0-9_.-]*/y;
  return {
    behind: 0,
    ahead: LONGEST_KEYWORD + labelChars + shapeChars + 1,
    scan(text: string, from: number, limit: number, final: boolean, out: TextBuilder): ScanResult {
      let lastEnd = from;
      // text[runStart, keyEnd) are key-name characters and text[keyEnd] is not one (or the end).
      let runStart = -1;
      let keyEnd = -1;
      keyword.lastIndex = from;
      for (
        let match = keyword.exec(text);
        match !== null && match.index < limit;
        match = keyword.exec(text)
      ) {
        const found = match.index;
        const keywordEnd = found + match[0].length;
        if (found < runStart || found >= keyEnd) {
          runStart = found;
          keyName.lastIndex = keywordEnd;
          keyName.test(text);
          keyEnd = keyName.lastIndex;
        }
        // A key name running past a non-final text: no keyword before `limit` is near its end.
        if (keyEnd === text.length && !final) break;
        if (keywordEnd + labelChars <= keyEnd) {
          keyword.lastIndex = Math.max(found + 1, keyEnd - labelChars - LONGEST_KEYWORD);
          continue;
        }
        const value = pairValue(text, keyEnd, keyEnd + shapeChars);
        if (value === null) {
          keyword.lastIndex = keyEnd;
          continue;
        }
        let tail: MaskedTail;
        if (value.kind === 'closed') {
          out.push(text.slice(lastEnd, value.start + 1));
          out.push(
            text.charCodeAt(value.start) === DOUBLE_QUOTE
              ? MASKED_DOUBLE_QUOTED
              : MASKED_SINGLE_QUOTED,
          );
          lastEnd = keyword.lastIndex = value.end;
          continue;
        }
        if (value.kind === 'open') {
          out.push(text.slice(lastEnd, value.start + 1));
          out.push(MASK);
          tail =
            text.charCodeAt(value.start) === DOUBLE_QUOTE
              ? CLOSING_DOUBLE_QUOTE
              : CLOSING_SINGLE_QUOTE;
        } else {
          out.push(text.slice(lastEnd, value.start));
          out.push(MASK);
          tail = VALUE_TAIL;
        }
        const next = swallowTail(tail, text, value.end, final, out);
        if (next < 0) return { next: text.length, tail: tailAfter(tail, text, value.end) };
        lastEnd = keyword.lastIndex = next;
      }
      const next = Math.max(limit, lastEnd);
      out.push(text.slice(lastEnd, next));
      return { next, tail: null };
    },
  };
}

/**
 * The value after a key ending at `keyEnd`: `"?\s*[:=]\s*` then a value. `closed`: a quoted value
 * `[start, end)` with its quotes; `open`: a quote at `start` not closed before `windowEnd` (`end` is
 * where to go on looking); `bare`: an unquoted value from `start`, `end = start + 1`. Null: none.
 */
function pairValue(
  text: string,
  keyEnd: number,
  windowEnd: number,
): { kind: 'closed' | 'open' | 'bare'; start: number; end: number } | null {
  const end = Math.min(text.length, windowEnd);
  let at = keyEnd;
  if (at < end && text.charCodeAt(at) === DOUBLE_QUOTE) at += 1;
  while (at < end && isWhitespace(text.charCodeAt(at))) at += 1;
  if (at >= end) return null;
  const separator = text.charCodeAt(at);
  if (separator !== COLON && separator !== EQUALS_SIGN) return null;
  at += 1;
  while (at < end && isWhitespace(text.charCodeAt(at))) at += 1;
  if (at >= end) return null;
  const start = at;
  const first = text.charCodeAt(start);
  if (first === DOUBLE_QUOTE || first === SINGLE_QUOTE) {
    for (at = start + 1; at < end; at += 1) {
      const code = text.charCodeAt(at);
      if (code === first) return { kind: 'closed', start, end: at + 1 };
      if (code === LINE_FEED) return null;
    }
    return end === windowEnd ? { kind: 'open', start, end } : null;
  }
  return inClass(first, PAIR_VALUE) ? { kind: 'bare', start, end: start + 1 } : null;
}
