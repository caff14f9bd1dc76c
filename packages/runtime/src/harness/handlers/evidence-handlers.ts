import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import { notFound } from '../../not-found.js';
import { canActorSee } from '../../ownership.js';
import { readVisibleRun } from '../control/run-access.js';
import type { HarnessDeps } from '../execution/run-execution.js';

/**
 * `harness.evidence.list` and `harness.evidence.get` over the evidence store. `list`
 * answers the run's artifacts (optionally of one step and/or kind), sorted by `createdAt` then id,
 * with `total`; it throws NOT_FOUND when the run has no record. `get` throws NOT_FOUND for an
 * unknown artifact id. A user reads only the evidence of their own runs (another user's answers
 * NOT_FOUND).
 */
export function evidenceHandlers(
  deps: HarnessDeps,
): Pick<HarnessHandlers, 'evidenceList' | 'evidenceGet'> {
  return {
    evidenceList: async ({ runId, stepId, kind }, ctx) => {
      await readVisibleRun(deps, runId, ctx.actor);
      const filter = {
        ...(stepId === undefined ? {} : { stepId }),
        ...(kind === undefined ? {} : { kind }),
      };
      const artifacts = await deps.evidence.list(runId, filter);
      return { artifacts, total: artifacts.length };
    },
    evidenceGet: async ({ artifactId }, ctx) => {
      const artifact = await deps.evidence.get(artifactId);
      const owner = artifact
        ? await deps.runs.read(artifact.runId).catch(() => undefined)
        : undefined;
      if (!artifact || !owner || !canActorSee(ctx.actor, owner.actor)) {
        throw notFound('evidence artifact', artifactId);
      }
      return { artifact };
    },
  };
}
