import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import { ContractError } from '../../errors.js';
import type { HarnessDeps } from '../execution/run-execution.js';

/**
 * `harness.evidence.list` and `harness.evidence.get` over the evidence store. `list`
 * answers the run's artifacts (optionally of one step and/or kind), sorted by `createdAt` then id,
 * with `total`; it throws NOT_FOUND when the run has no record. `get` throws NOT_FOUND for an
 * unknown artifact id.
 */
export function evidenceHandlers(
  deps: HarnessDeps,
): Pick<HarnessHandlers, 'evidenceList' | 'evidenceGet'> {
  return {
    evidenceList: async ({ runId, stepId, kind }) => {
      if (!(await deps.runs.read(runId))) {
        throw new ContractError('NOT_FOUND', `no harness run ${runId}`);
      }
      const filter = {
        ...(stepId === undefined ? {} : { stepId }),
        ...(kind === undefined ? {} : { kind }),
      };
      const artifacts = await deps.evidence.list(runId, filter);
      return { artifacts, total: artifacts.length };
    },
    evidenceGet: async ({ artifactId }) => {
      const artifact = await deps.evidence.get(artifactId);
      if (!artifact) throw new ContractError('NOT_FOUND', `no evidence artifact ${artifactId}`);
      return { artifact };
    },
  };
}
