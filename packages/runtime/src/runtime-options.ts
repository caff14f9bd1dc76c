import { isAbsolute, resolve } from 'node:path';

/**
 * Where the runtime works. `cwd` and `stateDir` are absolute. The state directory holds run
 * records, evidence, evaluations, agent runs and `events/<YYYY-MM-DD>.jsonl`.
 */
export interface RuntimeOptions {
  /** The folder every relative path (suites, executor cwd, agents) resolves against; `--cwd`. */
  readonly cwd: string;
  /** `--state-dir`, else `CONTRACTS_STATE_DIR`, else `<cwd>/.contracts`. */
  readonly stateDir: string;
  /** Agent definitions, `agents/<agentKey>.json`; `--agents-dir`, default `<cwd>/agents`. */
  readonly agentsDir: string;
  /**
   * How a queued agent run gets executed: `detached` starts `contracts agent work` in the
   * background (the CLI's `call`), `in-process` means a worker of this process drains the queue
   * (`serve`, tests), `none` only queues.
   */
  readonly agentWorker: 'detached' | 'in-process' | 'none';
  /**
   * Agent runs executing at once per worker (>= 1); unset means `CONTRACTS_AGENT_CONCURRENCY`,
   * else 2 (runtime/agent/agent-runtime.ts).
   */
  readonly agentConcurrency?: number;
  /** Named executors, `executors/<name>.json`; `--executors-dir`, default `<cwd>/executors`. */
  readonly executorsDir: string;
  /**
   * Whether a run may carry its own executor (`argv`, `cwd`, `env`) instead of naming one. True
   * only for the local `contracts harness run`, whose caller is already the host's user, and for
   * `serve --allow-inline-executors` (dangerous: any caller then runs any command).
   */
  readonly inlineExecutors: boolean;
  /** Whether suite references must resolve inside `<cwd>/suites` (true for `serve`). */
  readonly suitesOnly: boolean;
  /** `required`: every executor and agent definition must ask for `sandbox: "bwrap"`. */
  readonly sandbox: 'optional' | 'required';
  /** The most a caller may ask for: capture bytes per stream and cases at once. */
  readonly limits: RunLimits;
  /** Variables of this process passed to child processes beyond the default allowlist. */
  readonly childEnv: readonly string[];
  /** Further files and folders a sandboxed child must not see (the tokens file). */
  readonly secretPaths: readonly string[];
}

/** Caps on what a caller may ask of a run; bytes and counts. */
export interface RunLimits {
  /** Largest `metadata.captureLimitBytes`; default 8 MiB for `serve`, 256 MiB locally. */
  readonly maxCaptureBytes: number;
  /** Largest `metadata.concurrency`; default 4 for `serve`, 256 locally. */
  readonly maxConcurrency: number;
}

/** The limits of a local runtime: what the run input schema itself allows. */
export const LOCAL_RUN_LIMITS: RunLimits = {
  maxCaptureBytes: 256 * 1024 * 1024,
  maxConcurrency: 256,
};

export { SERVER_RUN_LIMITS } from './defaults.js';

/**
 * Resolves the options of a runtime command from its flags and the environment.
 * `flags.stateDir`/`agentsDir`/`executorsDir` are resolved against `cwd`;
 * `env.CONTRACTS_STATE_DIR` too. Defaults: named executors only, suites from anywhere under
 * `cwd`, sandbox optional, {@link LOCAL_RUN_LIMITS}, no extra child variables.
 */
export function resolveRuntimeOptions(
  flags: {
    cwd?: string;
    stateDir?: string;
    agentsDir?: string;
    executorsDir?: string;
    agentWorker?: RuntimeOptions['agentWorker'];
    agentConcurrency?: number;
    inlineExecutors?: boolean;
    suitesOnly?: boolean;
    sandbox?: RuntimeOptions['sandbox'];
    limits?: RunLimits;
    childEnv?: readonly string[];
    secretPaths?: readonly string[];
  },
  env: NodeJS.ProcessEnv = process.env,
): RuntimeOptions {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const stateDir = flags.stateDir ?? env.CONTRACTS_STATE_DIR ?? '.contracts';
  const agentsDir = flags.agentsDir ?? 'agents';
  const executorsDir = flags.executorsDir ?? 'executors';
  return {
    cwd,
    stateDir: isAbsolute(stateDir) ? stateDir : resolve(cwd, stateDir),
    agentsDir: isAbsolute(agentsDir) ? agentsDir : resolve(cwd, agentsDir),
    executorsDir: isAbsolute(executorsDir) ? executorsDir : resolve(cwd, executorsDir),
    agentWorker: flags.agentWorker ?? 'detached',
    ...(flags.agentConcurrency === undefined ? {} : { agentConcurrency: flags.agentConcurrency }),
    inlineExecutors: flags.inlineExecutors ?? false,
    suitesOnly: flags.suitesOnly ?? false,
    sandbox: flags.sandbox ?? 'optional',
    limits: flags.limits ?? LOCAL_RUN_LIMITS,
    childEnv: flags.childEnv ?? [],
    secretPaths: (flags.secretPaths ?? []).map((file) => resolve(cwd, file)),
  };
}

/**
 * What a sandboxed child (a harness case, an agent) must not see: the state directory, the
 * definition folders and the operator's secret files (the tokens file).
 */
export function hiddenPathsOf(options: RuntimeOptions): string[] {
  return [options.stateDir, options.agentsDir, options.executorsDir, ...options.secretPaths];
}
