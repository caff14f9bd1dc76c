import type { MaskedTail } from './masked-tail.js';
import { TextBuilder } from './text-builder.js';

/** What a pass did with `text[from, next)`: its output was appended; `tail` is a match still swallowing at the end. */
export interface ScanResult {
  readonly next: number;
  readonly tail: MaskedTail | null;
}

/**
 * One masking pass (the literals, or one secret shape), as a scanner over a window of text.
 * `scan` masks the matches anchored at an index in `[from, limit)` and appends the output for
 * `text[from, next)` to `out`, where `next >= limit`. Deciding a match anchored at `a` reads at
 * most `text[a - behind, a + ahead)` and changes nothing before `a`, so a caller that passes
 * `limit <= text.length - ahead` (or `final`, when `text` ends where the input ends) gets the
 * output masking the whole input would give. A masked run reaching the end of a non-final text
 * is returned as `tail`.
 */
export interface ShapePass {
  readonly behind: number;
  readonly ahead: number;
  scan(text: string, from: number, limit: number, final: boolean, out: TextBuilder): ScanResult;
}

/** `text` masked by one pass in one go. */
export function maskWithPass(pass: ShapePass, text: string): string {
  if (text.length === 0) return text;
  const out = new TextBuilder();
  pass.scan(text, 0, text.length, true, out);
  return out.toString();
}
