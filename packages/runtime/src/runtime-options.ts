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
}

/**
 * Resolves the options of a runtime command from its flags and the environment.
 * `flags.stateDir`/`agentsDir` are resolved against `cwd`; `env.CONTRACTS_STATE_DIR` too.
 */
export function resolveRuntimeOptions(
  flags: {
    cwd?: string;
    stateDir?: string;
    agentsDir?: string;
    agentWorker?: RuntimeOptions['agentWorker'];
    agentConcurrency?: number;
  },
  env: NodeJS.ProcessEnv = process.env,
): RuntimeOptions {
  const cwd = resolve(flags.cwd ?? process.cwd());
  const stateDir = flags.stateDir ?? env.CONTRACTS_STATE_DIR ?? '.contracts';
  const agentsDir = flags.agentsDir ?? 'agents';
  return {
    cwd,
    stateDir: isAbsolute(stateDir) ? stateDir : resolve(cwd, stateDir),
    agentsDir: isAbsolute(agentsDir) ? agentsDir : resolve(cwd, agentsDir),
    agentWorker: flags.agentWorker ?? 'detached',
    ...(flags.agentConcurrency === undefined ? {} : { agentConcurrency: flags.agentConcurrency }),
  };
}
