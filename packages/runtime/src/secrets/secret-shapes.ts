import { bearerTokenPass } from './bearer-token.js';
import { jsonWebTokenPass } from './json-web-token.js';
import { DEFAULT_MASK_LIMITS, type MaskLimits } from './mask-limits.js';
import { apiKeyPass, awsAccessKeyPass, githubTokenPass } from './prefixed-tokens.js';
import { secretPairPass } from './secret-pair.js';
import type { ShapePass } from './shape-pass.js';
import { urlCredentialsPass } from './url-credentials.js';

const defaultPasses = buildShapePasses(DEFAULT_MASK_LIMITS);

/**
 * The secret-shape passes in the order they run, each over the output of the one before: URL
 * credentials, bearer tokens, JWTs, AWS access key ids, GitHub tokens, API-key shapes, secret
 * `key=value` pairs. Passes hold no state between calls of `scan`, so they may be shared.
 */
export function secretShapePasses(limits: MaskLimits = DEFAULT_MASK_LIMITS): readonly ShapePass[] {
  return limits === DEFAULT_MASK_LIMITS ? defaultPasses : buildShapePasses(limits);
}

function buildShapePasses(limits: MaskLimits): readonly ShapePass[] {
  return [
    urlCredentialsPass(limits),
    bearerTokenPass(limits),
    jsonWebTokenPass(limits),
    awsAccessKeyPass(),
    githubTokenPass(),
    apiKeyPass(),
    secretPairPass(limits),
  ];
}
