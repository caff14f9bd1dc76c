/**
 * The variables a child process (a harness case, an agent) inherits from the runtime's own
 * environment by default: where programs are found, the home folder, the locale, the time zone
 * and the temporary folder. Everything else, the server's tokens among them, stays out.
 */
export const DEFAULT_CHILD_ENV_NAMES: readonly string[] = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];

/** Locale categories (`LC_ALL`, `LC_CTYPE`, …) pass like {@link DEFAULT_CHILD_ENV_NAMES}. */
const LOCALE_PREFIX = 'LC_';

/**
 * Variables of the runtime itself (`CONTRACTS_TOKENS`, `CONTRACTS_TOKENS_FILE`,
 * `CONTRACTS_STATE_DIR`, …): never passed to a child, even when an operator names them.
 */
export const RUNTIME_ENV_PREFIX = 'CONTRACTS_';

/**
 * The environment of a child process: the allowlisted variables of `parent`
 * ({@link DEFAULT_CHILD_ENV_NAMES}, every `LC_*`, plus `passNames`, the operator's additions, e.g.
 * `serve --child-env NODE_OPTIONS`), never a `CONTRACTS_*` one, then `defined` (the executor or
 * agent definition's own `env`, which wins). Returns a new object; `parent` is not changed.
 */
export function childEnvironment(
  parent: NodeJS.ProcessEnv,
  passNames: readonly string[],
  defined: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const allowed = new Set([...DEFAULT_CHILD_ENV_NAMES, ...passNames]);
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || name.startsWith(RUNTIME_ENV_PREFIX)) continue;
    if (allowed.has(name) || name.startsWith(LOCALE_PREFIX)) env[name] = value;
  }
  return { ...env, ...defined };
}
