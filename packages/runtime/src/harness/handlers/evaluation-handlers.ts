import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import { appendHarnessEvent } from '../harness-events.js';
import { eventIdOf } from '../records/harness-ids.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import { invalidInput } from '../planning/run-metadata.js';
import { planRun } from '../planning/run-plan.js';
import type { RuntimeOptions } from '../../runtime-options.js';
import { notFound } from '../../not-found.js';
import { canActorSee } from '../../ownership.js';
import type { HarnessRunService } from '../run-service.js';

/**
 * `harness.evaluation.run` and `harness.evaluation.get`. `evaluation.run` takes the same
 * suite reference and `metadata` as `harness.run.start` and runs the suite the same way (a run
 * record, evidence, timeline events), awaits it and answers its `HarnessEvaluation` (assertions =
 * the checks, `<caseId>:<check name>`), emitting `harness.evaluation.completed` through
 * `ctx.emit`. `metadata.dryRun` and `metadata.background` are refused: an evaluation needs results.
 * `evaluation.get` throws NOT_FOUND for an unknown id, and for another user's evaluation.
 */
export function evaluationHandlers(
  deps: HarnessDeps,
  service: HarnessRunService,
  options: RuntimeOptions,
): Pick<HarnessHandlers, 'evaluationRun' | 'evaluationGet'> {
  const operation = 'harness.evaluation.run';
  return {
    evaluationRun: async (input, ctx) => {
      const plan = await planRun(input, options, operation);
      const refused = (['dryRun', 'background'] as const).filter((flag) => plan[flag]);
      if (refused.length > 0) {
        throw invalidInput(
          operation,
          refused.map((flag) => ({
            path: `metadata.${flag}`,
            message: `not supported by ${operation}`,
          })),
        );
      }
      if (!plan.preflight.ok) return service.block(plan, operation, ctx.actor);
      const started = await service.start(
        plan,
        ctx.actor,
        (payload) =>
          appendHarnessEvent(
            deps.timeline,
            'harness.run.started',
            eventIdOf(payload.runId, 'harness.run.started'),
            payload,
            payload.startedAt,
          ),
        'none',
      );
      const record = await started.done;
      const evaluation =
        record.evaluationId === null ? undefined : await deps.evaluations.get(record.evaluationId);
      if (!evaluation) throw new Error(`run ${record.run.runId} recorded no evaluation`);
      const { evaluationId, runId, scenarioKey, status } = evaluation;
      const completedAt = evaluation.completedAt ?? deps.now().toISOString();
      await ctx.emit('harness.evaluation.completed', {
        evaluationId,
        runId,
        scenarioKey,
        status,
        completedAt,
      });
      return { evaluation };
    },
    evaluationGet: async ({ evaluationId }, ctx) => {
      const evaluation = await deps.evaluations.get(evaluationId);
      const run = evaluation
        ? await deps.runs.read(evaluation.runId).catch(() => undefined)
        : undefined;
      if (!evaluation || !run || !canActorSee(ctx.actor, run.actor)) {
        throw notFound('harness evaluation', evaluationId);
      }
      return { evaluation };
    },
  };
}
