import { maskLiterals, maskSecretPatterns } from '../../secrets/mask-secrets.js';

/** Longest excerpt, in characters. */
export const EXCERPT_MAX_CHARS = 320;

// Collapsed characters scanned for secret patterns: far more than 320, so whole secrets are seen.
const SCAN_CHARS = 64 * 1024;

/**
 * A short, masked excerpt of a stream: the literal values masked over
 * the whole text, whitespace runs collapsed to one space, secret patterns masked (see
 * `maskSecrets`), trimmed, cut to at most 320 characters (never inside a surrogate pair). To stay
 * cheap on an 8 MiB capture, only a head of about 64 Ki collapsed characters is scanned, cut at a
 * whitespace so that no secret is split there (secret shapes hold no whitespace); a head without
 * whitespace is scanned whole.
 */
export function excerptOf(text: string, literals: readonly string[] = []): string {
  const masked = maskLiterals(text, literals);
  let end = Math.min(masked.length, SCAN_CHARS);
  let head = collapse(masked.slice(0, end));
  while (head.length < SCAN_CHARS && end < masked.length) {
    end = Math.min(masked.length, end * 2);
    head = collapse(masked.slice(0, end));
  }
  if (end < masked.length) {
    const cut = head.lastIndexOf(' ');
    head = cut > 0 ? head.slice(0, cut) : collapse(masked);
  }
  const excerpt = maskSecretPatterns(head).trim();
  if (excerpt.length <= EXCERPT_MAX_CHARS) return excerpt;
  const last = excerpt.charCodeAt(EXCERPT_MAX_CHARS - 1);
  const end320 = last >= 0xd800 && last <= 0xdbff ? EXCERPT_MAX_CHARS - 1 : EXCERPT_MAX_CHARS;
  return excerpt.slice(0, end320);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ');
}
