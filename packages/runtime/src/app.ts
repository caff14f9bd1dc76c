/**
 * The application runtime of the `contracts` command: the harness and agent domains over one
 * state directory and timeline (`createAppRuntime`), and how its options are resolved from flags
 * and the environment (`resolveRuntimeOptions`).
 */
export { createAppRuntime, emittedEventId, timelineSink, type AppRuntime } from './app-runtime.js';
export {
  LOCAL_RUN_LIMITS,
  resolveRuntimeOptions,
  SERVER_RUN_LIMITS,
  type RunLimits,
  type RuntimeOptions,
} from './runtime-options.js';
export { sandboxPolicyProblems } from './sandbox-policy.js';
