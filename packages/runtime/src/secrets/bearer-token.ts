import { isWhitespace } from '../core/whitespace.js';
import { EQUALS, TOKEN68, inClass } from './char-classes.js';
import type { MaskLimits } from './mask-limits.js';
import { many, runTail, swallowTail, tailAfter } from './masked-tail.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

const TOKEN_TAIL = runTail([many(TOKEN68, /[A-Za-z0-9\-._~+/]*/y), many(EQUALS, /=*/y)]);
const WORD_LENGTH = 'bearer'.length;

/**
 * HTTP bearer tokens (RFC 6750 §2.1: `Bearer` SP token68 with `=` padding) → `Bearer ***`: what
 * the case-insensitive `\b(bearer)(\s+)[A-Za-z0-9\-._~+/]+=*` masks, keeping the word and the
 * whitespace. The token is masked however long it is; whitespace after `bearer` longer than
 * `limits.shapeChars` is not followed.
 */
export function bearerTokenPass(limits: MaskLimits): ShapePass {
  const { shapeChars } = limits;
  const word = /\bbearer/gi;
  return {
    behind: 1,
    ahead: WORD_LENGTH + shapeChars + 1,
    scan(text: string, from: number, limit: number, final: boolean, out: TextBuilder): ScanResult {
      let lastEnd = from;
      word.lastIndex = from;
      while (word.test(text)) {
        const spaces = word.lastIndex;
        if (spaces - WORD_LENGTH >= limit) break;
        const end = Math.min(text.length, spaces + shapeChars);
        let token = spaces;
        while (token < end && isWhitespace(text.charCodeAt(token))) token += 1;
        if (token === spaces || token >= end || !inClass(text.charCodeAt(token), TOKEN68)) {
          word.lastIndex = spaces - WORD_LENGTH + 1;
          continue;
        }
        out.push(text.slice(lastEnd, token));
        out.push(MASK);
        const next = swallowTail(TOKEN_TAIL, text, token, final, out);
        if (next < 0) return { next: text.length, tail: tailAfter(TOKEN_TAIL, text, token) };
        lastEnd = word.lastIndex = next;
      }
      const next = Math.max(limit, lastEnd);
      out.push(text.slice(lastEnd, next));
      return { next, tail: null };
    },
  };
}
