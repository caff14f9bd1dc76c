/**
 * The agent application runtime: agent definitions, the run queue, the worker that drains it,
 * approvals, snapshots and artifacts, and the agent domain's handlers (`createAgentRuntime`).
 */
export { createAgentServices, type AgentServices } from './agent-services.js';
export {
  createAgentRuntime,
  DEFAULT_POLL_MS,
  resolveConcurrency,
  type AgentRuntimeSettings,
} from './agent-runtime.js';
export { DEFAULT_IDLE_EXIT_MS, drainQueue, type DrainOutcome } from './detached-worker.js';
