/** What a masked secret is replaced with. */
export const MASK = '***';

/**
 * Literal values shorter than this are not masked: a 1-3 character value ("1", "on", "dev") occurs
 * everywhere by chance, so masking it would wreck every excerpt while hiding nothing a real secret
 * would be; real credentials are far longer.
 */
export const MIN_LITERAL_SECRET_LENGTH = 4;

type Replacer = (match: string, ...groups: string[]) => string;

/** The secret shapes masked in evidence, each with its replacement (capture groups keep the non-secret part). */
const SECRET_PATTERNS: readonly (readonly [RegExp, string | Replacer])[] = [
  // URL credentials: scheme://user:pass@host
  [/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#@:]+:[^\s/?#@]+@/gi, `$1${MASK}:${MASK}@`],
  // HTTP bearer tokens (RFC 6750 token68 characters)
  [/\b(bearer)(\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1$2${MASK}`],
  // JWTs: base64url header "eyJ..." . payload . signature
  [/\beyJ[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*/g, MASK],
  // AWS access key ids
  [/\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g, MASK],
  // GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_)
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})/g, MASK],
  // API-key shapes: sk-..., Slack xox?-..., Google AIza...
  [/\b(?:sk-[A-Za-z0-9_-]{16,}|xox[abposr]-[A-Za-z0-9-]{10,}|AIza[0-9A-Za-z_-]{35})/g, MASK],
  // key=value / key: value pairs whose key names a secret; a quoted value is masked whole
  [
    /\b([A-Za-z0-9_.-]*(?:secret|token|password|passwd|api[_-]?key|access[_-]?key|private[_-]?key)[A-Za-z0-9_.-]*)("?\s*[:=]\s*)("[^"\n]*"|'[^'\n]*'|[^\s"'&,;]+)/gi,
    (_match, key, separator, value) => {
      const quote = value?.startsWith('"') || value?.startsWith("'") ? value[0] : '';
      return `${key}${separator}${quote}${MASK}${quote}`;
    },
  ],
];

/**
 * Masks secrets in `text`: first every literal in `literals` (the values of
 * `executor.env`, longest first so a value containing another is masked whole; values shorter than
 * `MIN_LITERAL_SECRET_LENGTH` skipped), then bearer tokens, JWTs, AWS access key ids, GitHub
 * tokens, API-key shapes (`sk-...`), URL credentials and `secret=`/`token=`/`password=` (and
 * `api_key=`) pairs. Each becomes `***`; the label of a pair or scheme is kept.
 */
export function maskSecrets(text: string, literals: readonly string[] = []): string {
  return maskSecretPatterns(maskLiterals(text, literals));
}

/** The literal phase of `maskSecrets`: every literal of at least 4 characters, longest first. */
export function maskLiterals(text: string, literals: readonly string[]): string {
  let masked = text;
  for (const literal of secretLiterals(literals)) {
    if (masked.includes(literal)) masked = masked.split(literal).join(MASK);
  }
  return masked;
}

/** The pattern phase of `maskSecrets`: the secret shapes only. */
export function maskSecretPatterns(text: string): string {
  let masked = text;
  for (const [pattern, replacement] of SECRET_PATTERNS) {
    masked =
      typeof replacement === 'string'
        ? masked.replace(pattern, replacement)
        : masked.replace(pattern, replacement);
  }
  return masked;
}

/** The literals worth masking: unique, at least 4 characters, longest first (ties in code-unit order). */
export function secretLiterals(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)].filter(
    (value) => value.length >= MIN_LITERAL_SECRET_LENGTH,
  );
  return unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}
