import { ALNUM, ALNUM_DASH, BASE64URL, WORD } from './char-classes.js';
import { many, runTail, swallowTail, tailAfter, type MaskedTail } from './masked-tail.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

/**
 * A pass masking the matches of `pattern` (global, bounded: at most `length` characters and one
 * character of lookahead), each continued over the run `tailOf(match)` gives (null: none).
 */
function prefixedTokenPass(
  pattern: RegExp,
  length: number,
  tailOf: (match: string) => MaskedTail | null,
): ShapePass {
  return {
    behind: 1,
    ahead: length + 1,
    scan(text: string, from: number, limit: number, final: boolean, out: TextBuilder): ScanResult {
      let lastEnd = from;
      pattern.lastIndex = from;
      for (
        let match = pattern.exec(text);
        match !== null && match.index < limit;
        match = pattern.exec(text)
      ) {
        out.push(text.slice(lastEnd, match.index));
        out.push(MASK);
        let end = match.index + match[0].length;
        const tail = tailOf(match[0]);
        if (tail !== null) {
          const next = swallowTail(tail, text, end, final, out);
          if (next < 0) return { next: text.length, tail: tailAfter(tail, text, end) };
          end = next;
        }
        lastEnd = pattern.lastIndex = end;
      }
      const next = Math.max(limit, lastEnd);
      out.push(text.slice(lastEnd, next));
      return { next, tail: null };
    },
  };
}

/**
 * AWS access key ids (AWS IAM User Guide, "Understanding unique ID prefixes": AKIA long-term,
 * ASIA temporary, ABIA/ACCA, A3T…, then 16 upper-case letters or digits) → `***`.
 */
export function awsAccessKeyPass(): ShapePass {
  return prefixedTokenPass(/\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g, 20, () => null);
}

const GITHUB_CLASSIC_TAIL = runTail([many(ALNUM, /[A-Za-z0-9]*/y)]);
const GITHUB_FINE_GRAINED_TAIL = runTail([many(WORD, /[A-Za-z0-9_]*/y)]);

/**
 * GitHub tokens (GitHub Docs, "About authentication to GitHub", token prefixes): classic `ghp_`,
 * `gho_`, `ghu_`, `ghs_`, `ghr_` then 20 or more letters or digits, fine-grained `github_pat_` then
 * 20 or more word characters → `***`, masked to the end of the token.
 */
export function githubTokenPass(): ShapePass {
  return prefixedTokenPass(
    /\b(?:gh[pousr]_[A-Za-z0-9]{20}|github_pat_[A-Za-z0-9_]{20})/g,
    31,
    (match) => (match.startsWith('github_pat_') ? GITHUB_FINE_GRAINED_TAIL : GITHUB_CLASSIC_TAIL),
  );
}

const SK_TAIL = runTail([many(BASE64URL, /[A-Za-z0-9_-]*/y)]);
const SLACK_TAIL = runTail([many(ALNUM_DASH, /[A-Za-z0-9-]*/y)]);

/**
 * API-key shapes → `***`: `sk-` then 16 or more base64url characters (OpenAI, Stripe secret keys),
 * Slack `xox[abposr]-` then 10 or more letters, digits or dashes (Slack API, token types), both
 * masked to the end of the key, and Google `AIza` then exactly 35 characters (Google Cloud API keys).
 */
export function apiKeyPass(): ShapePass {
  return prefixedTokenPass(
    /\b(?:sk-[A-Za-z0-9_-]{16}|xox[abposr]-[A-Za-z0-9-]{10}|AIza[0-9A-Za-z_-]{35})/g,
    39,
    (match) => (match.startsWith('sk-') ? SK_TAIL : match.startsWith('xox') ? SLACK_TAIL : null),
  );
}
