import { literalPassFor } from './literal-pass.js';
import { DEFAULT_MASK_LIMITS, type MaskLimits } from './mask-limits.js';
import { secretShapePasses } from './secret-shapes.js';
import { maskWithPass } from './shape-pass.js';

export { MIN_LITERAL_SECRET_LENGTH, secretLiterals } from './literal-pass.js';
export { MASK } from './mask-token.js';

/**
 * Masks secrets in `text`: first every literal in `literals` (the values of `executor.env`;
 * leftmost-longest, so a value containing another is masked whole; values shorter than
 * `MIN_LITERAL_SECRET_LENGTH` skipped), then URL credentials, bearer tokens, JWTs, AWS access key
 * ids, GitHub tokens, API-key shapes (`sk-...`) and `secret=`/`token=`/`password=` (and
 * `api_key=`) pairs, in that order. Each becomes `***`; the label of a pair or scheme is kept.
 * Runs in time linear in `text.length` (plus the literals' total length once per literal set);
 * `limits` bounds how far each shape is read (see `MaskLimits`). For a stream or an 8 MiB capture
 * on a server, see `SecretMasker` and `maskSecretsAsync`, which give the same result.
 */
export function maskSecrets(
  text: string,
  literals: readonly string[] = [],
  limits: MaskLimits = DEFAULT_MASK_LIMITS,
): string {
  return maskSecretPatterns(maskLiterals(text, literals), limits);
}

/** The literal phase of `maskSecrets`: every literal of at least 4 characters, leftmost-longest. */
export function maskLiterals(text: string, literals: readonly string[]): string {
  const pass = literalPassFor(literals);
  return pass === null ? text : maskWithPass(pass, text);
}

/** The pattern phase of `maskSecrets`: the secret shapes only. */
export function maskSecretPatterns(text: string, limits: MaskLimits = DEFAULT_MASK_LIMITS): string {
  let masked = text;
  for (const pass of secretShapePasses(limits)) masked = maskWithPass(pass, masked);
  return masked;
}
