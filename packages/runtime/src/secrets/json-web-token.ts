import { BASE64URL, DOT, inClass } from './char-classes.js';
import type { MaskLimits } from './mask-limits.js';
import { many, runTail, swallowTail, tailAfter, type MaskedTail } from './masked-tail.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

const DOT_CODE = 0x2e;
const PREFIX_LENGTH = 'eyJ'.length;
const SIGNATURE_TAIL = runTail([many(BASE64URL, /[A-Za-z0-9_-]*/y)]);
/** A JWT cut by the window: the rest of `header.payload.signature` (RFC 7519 §3). */
const STRUCTURE_STEPS = [
  many(BASE64URL, /[A-Za-z0-9_-]*/y),
  { chars: DOT, max: 1 },
  many(BASE64URL, /[A-Za-z0-9_-]*/y),
  { chars: DOT, max: 1 },
  many(BASE64URL, /[A-Za-z0-9_-]*/y),
];
const REST_OF_HEADER: MaskedTail = { kind: 'run', steps: STRUCTURE_STEPS, step: 0, count: 0 };
const REST_OF_PAYLOAD: MaskedTail = { kind: 'run', steps: STRUCTURE_STEPS, step: 2, count: 0 };

/**
 * JSON Web Tokens (RFC 7519 §3, JWS compact serialization RFC 7515 §7.1: a base64url header
 * starting `eyJ`, i.e. `{"`, a payload and a signature, dot separated) → `***`: what
 * `\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*` masks. When header and payload
 * run past `limits.shapeChars`, the token is masked to the end of its dotted base64url run.
 */
export function jsonWebTokenPass(limits: MaskLimits): ShapePass {
  const { shapeChars } = limits;
  const start = /\beyJ/g;
  return {
    behind: 1,
    ahead: shapeChars + 1,
    scan(text: string, from: number, limit: number, final: boolean, out: TextBuilder): ScanResult {
      let lastEnd = from;
      start.lastIndex = from;
      while (start.test(text)) {
        const header = start.lastIndex;
        const token = header - PREFIX_LENGTH;
        if (token >= limit) break;
        const windowEnd = token + shapeChars;
        const end = Math.min(text.length, windowEnd);
        const headerEnd = runEnd(text, header, end);
        let tail: MaskedTail;
        let tailFrom: number;
        if (headerEnd === windowEnd) {
          tail = REST_OF_HEADER;
          tailFrom = headerEnd;
        } else if (headerEnd - header < 2 || text.charCodeAt(headerEnd) !== DOT_CODE) {
          start.lastIndex = headerEnd;
          continue;
        } else {
          const payload = headerEnd + 1;
          const payloadEnd = runEnd(text, payload, end);
          if (payloadEnd === windowEnd) {
            tail = REST_OF_PAYLOAD;
            tailFrom = payloadEnd;
          } else if (payloadEnd - payload < 2 || text.charCodeAt(payloadEnd) !== DOT_CODE) {
            start.lastIndex = payload;
            continue;
          } else {
            tail = SIGNATURE_TAIL;
            tailFrom = payloadEnd + 1;
          }
        }
        out.push(text.slice(lastEnd, token));
        out.push(MASK);
        const next = swallowTail(tail, text, tailFrom, final, out);
        if (next < 0) return { next: text.length, tail: tailAfter(tail, text, tailFrom) };
        lastEnd = start.lastIndex = next;
      }
      const next = Math.max(limit, lastEnd);
      out.push(text.slice(lastEnd, next));
      return { next, tail: null };
    },
  };
}

function runEnd(text: string, from: number, end: number): number {
  let at = from;
  while (at < end && inClass(text.charCodeAt(at), BASE64URL)) at += 1;
  return at;
}
