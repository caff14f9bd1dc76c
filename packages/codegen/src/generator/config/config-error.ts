/**
 * A config file that cannot be used: missing, unreadable, not JSON, or not matching the config
 * schema. The message names the file and, for a bad field, the key's path
 * (`surfaces.docs.locale`) with a "did you mean" suggestion for an unknown key. The CLI reports
 * it as a usage error (exit 2).
 */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}
