import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import type { DomainRuntime, RuntimeContext } from '../domain-runtime.js';
import { ContractError } from '../errors.js';

/** PLACEHOLDER until issue #3 lands: the harness handlers over the executor and evaluator. */
export function createHarnessRuntime(context: RuntimeContext): DomainRuntime<HarnessHandlers> {
  void context;
  const missing = (): never => {
    throw new ContractError('INTERNAL', 'harness runtime not implemented yet');
  };
  return {
    handlers: {
      evaluationGet: missing,
      evaluationRun: missing,
      evidenceGet: missing,
      evidenceList: missing,
      runCancel: missing,
      runGet: missing,
      runStart: missing,
      targetResolve: missing,
    },
  };
}
