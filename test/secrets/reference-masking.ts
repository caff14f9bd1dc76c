/**
 * The secret patterns as they were written as backtracking regular expressions: the reference the
 * linear scanners must agree with on text whose shapes fit in the scanners' windows. Too slow for
 * long adversarial text (quadratic), so only used on short inputs.
 */
const MASK = '***';

type Replacer = (match: string, ...groups: string[]) => string;

const REFERENCE_PATTERNS: readonly (readonly [RegExp, string | Replacer])[] = [
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:]+:[^\s/?#@]+@/gi, `$1${MASK}:${MASK}@`],
  [/\b(bearer)(\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1$2${MASK}`],
  [/\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, MASK],
  [/\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g, MASK],
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, MASK],
  [/\b(?:sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})/g, MASK],
  [
    /\b([A-Za-z0-9_.-]*(?:secret|token|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*)("?\s*[:=]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'&,;]+)/gi,
    (_match, key, separator, value) => {
      const quote = value?.startsWith('"') || value?.startsWith("'") ? value[0] : '';
      return `${key}${separator}${quote}${MASK}${quote}`;
    },
  ],
];

/** The secret-shape phase as the backtracking regular expressions computed it. */
export function referenceMaskPatterns(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of REFERENCE_PATTERNS) {
    masked =
      typeof replacement === 'string'
        ? masked.replace(pattern, replacement)
        : masked.replace(pattern, replacement);
  }
  return masked;
}

/** Leftmost-longest literal masking as one alternation regex of the escaped literals, longest first. */
export function referenceMaskLiterals(text: string, sortedLiterals: readonly string[]): string {
  if (sortedLiterals.length === 0) return text;
  const alternation = sortedLiterals.map((value) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return text.replace(new RegExp(alternation.join('|'), 'g'), MASK);
}
