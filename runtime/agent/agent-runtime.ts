import type { AgentHandlers } from '../../generated/agent/handlers.js';
import type { DomainRuntime, RuntimeContext } from '../domain-runtime.js';
import { ContractError } from '../errors.js';

/** PLACEHOLDER until issue #4 lands: the agent handlers over the run queue and worker. */
export function createAgentRuntime(context: RuntimeContext): DomainRuntime<AgentHandlers> {
  void context;
  const missing = (): never => {
    throw new ContractError('INTERNAL', 'agent runtime not implemented yet');
  };
  return {
    handlers: { approvals: missing, artifacts: missing, cancel: missing, run: missing, status: missing },
  };
}
