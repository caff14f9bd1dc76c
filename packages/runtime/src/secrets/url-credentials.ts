import {
  SCHEME,
  USERINFO_PASSWORD,
  USERINFO_USER,
  inClass,
  isAsciiLetter,
  wordStartsAt,
} from './char-classes.js';
import type { MaskLimits } from './mask-limits.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

const COLON = 0x3a;
const AT_SIGN = 0x40;
const MASKED_USERINFO = `${MASK}:${MASK}@`;

/**
 * URL credentials, `scheme://user:pass@` (RFC 3986 §3.1 scheme, §3.2.1 userinfo) →
 * `scheme://***:***@`: what `/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:]+:[^\s/?#@]+@/gi` masks, found
 * from each `://` instead of from each start of a scheme. A userinfo longer than
 * `limits.shapeChars` is left alone; a scheme run longer than `limits.labelChars` counts as a scheme.
 */
export function urlCredentialsPass(limits: MaskLimits): ShapePass {
  const { labelChars, shapeChars } = limits;
  // `://` after a scheme character: a scheme is never empty.
  const separatorAfterScheme = /[A-Za-z0-9+.-]:\/\//g;
  return {
    behind: labelChars + 1,
    ahead: 3 + shapeChars + 1,
    scan(text: string, from: number, limit: number, _final: boolean, out: TextBuilder): ScanResult {
      let lastEnd = from;
      separatorAfterScheme.lastIndex = Math.max(0, from - 1);
      while (separatorAfterScheme.test(text)) {
        const userinfo = separatorAfterScheme.lastIndex;
        const separator = userinfo - 3;
        if (separator >= limit) break;
        separatorAfterScheme.lastIndex = separator;
        if (!hasSchemeStart(text, separator, labelChars)) continue;
        const at = userinfoEnd(text, userinfo, userinfo + shapeChars);
        if (at < 0) continue;
        out.push(text.slice(lastEnd, userinfo));
        out.push(MASKED_USERINFO);
        lastEnd = separatorAfterScheme.lastIndex = at + 1;
      }
      const next = Math.max(limit, lastEnd);
      out.push(text.slice(lastEnd, next));
      return { next, tail: null };
    },
  };
}

/**
 * Whether the scheme characters before `separator` hold a scheme start: a letter at a `\b`.
 * Looks back at most `labelChars` (and one more character); a run of scheme characters longer
 * than that counts.
 */
function hasSchemeStart(text: string, separator: number, labelChars: number): boolean {
  const stop = Math.max(0, separator - labelChars);
  let at = separator - 1;
  for (; at >= stop && inClass(text.charCodeAt(at), SCHEME); at -= 1) {
    if (isAsciiLetter(text.charCodeAt(at)) && wordStartsAt(text, at)) return true;
  }
  return at < stop && at >= 0 && at < separator - 1 && inClass(text.charCodeAt(at), SCHEME);
}

/** The index of the `@` closing `user:pass@` at `from`, or -1 when there is none before `windowEnd`. */
function userinfoEnd(text: string, from: number, windowEnd: number): number {
  const end = Math.min(text.length, windowEnd);
  let at = from;
  while (at < end && inClass(text.charCodeAt(at), USERINFO_USER)) at += 1;
  if (at === from || at >= end || text.charCodeAt(at) !== COLON) return -1;
  const password = at + 1;
  at = password;
  while (at < end && inClass(text.charCodeAt(at), USERINFO_PASSWORD)) at += 1;
  if (at === password || at >= end || text.charCodeAt(at) !== AT_SIGN) return -1;
  return at;
}
