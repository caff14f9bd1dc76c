import type { HarnessHandlers } from '../generated/harness/handlers.js';
import type { DomainRuntime, RuntimeContext } from '../domain-runtime.js';
import { hiddenPathsOf } from '../runtime-options.js';
import { EvaluationStore } from './records/evaluation-store.js';
import { EvidenceStore } from './records/evidence-store.js';
import { evaluationHandlers } from './handlers/evaluation-handlers.js';
import { evidenceHandlers } from './handlers/evidence-handlers.js';
import { runHandlers } from './handlers/run-handlers.js';
import { newEvaluationId, newRunId } from './records/harness-ids.js';
import type { HarnessDeps } from './execution/run-execution.js';
import { RunStore } from './records/run-store.js';
import { HarnessRunService } from './run-service.js';
import { HarnessStateLayout } from './records/state-layout.js';
import { resolveTarget } from './planning/target.js';
import { recoverHarnessRuns } from './control/run-recovery.js';

/** Overrides for tests: a fixed clock, fixed ids, a shorter kill grace (milliseconds). */
export interface HarnessRuntimeOverrides {
  readonly now?: () => Date;
  readonly newRunId?: () => string;
  readonly newEvaluationId?: () => string;
  readonly killGraceMs?: number;
}

/**
 * The harness domain's runtime: the eight operations of the generated
 * `HarnessHandlers`, over the command executor and the evaluator, with run records, evidence and
 * evaluations under `context.options.stateDir` and events in `context.timeline`. Nothing is
 * written until an operation writes (a dry run never does). `start()` recovers the runs whose
 * runner died; `close()` waits for background runs; `shutdown(graceMs)` waits at most that long,
 * then ends them `interrupted`.
 */
export function createHarnessRuntime(
  context: RuntimeContext,
  overrides: HarnessRuntimeOverrides = {},
): DomainRuntime<HarnessHandlers> {
  const layout = new HarnessStateLayout(context.options.stateDir);
  const deps: HarnessDeps = {
    layout,
    runs: new RunStore(layout),
    evidence: new EvidenceStore(layout),
    evaluations: new EvaluationStore(layout),
    timeline: context.timeline,
    now: overrides.now ?? (() => new Date()),
    newRunId: overrides.newRunId ?? newRunId,
    newEvaluationId: overrides.newEvaluationId ?? newEvaluationId,
    childEnv: context.options.childEnv,
    hiddenPaths: hiddenPathsOf(context.options),
    ...(overrides.killGraceMs === undefined ? {} : { killGraceMs: overrides.killGraceMs }),
  };
  const service = new HarnessRunService(deps);
  const options = context.options;
  return {
    handlers: {
      ...runHandlers(deps, service, options),
      ...evidenceHandlers(deps),
      ...evaluationHandlers(deps, service, options),
      targetResolve: (input) => ({ target: resolveTarget(input) }),
    },
    start: async () => {
      await recoverHarnessRuns(deps);
    },
    close: () => service.settle(),
    shutdown: (graceMs) => service.shutdown(graceMs),
    runOwner: async (runId) => {
      const record = await deps.runs.read(runId).catch(() => undefined);
      if (record === undefined) return { found: false };
      return record.actor === undefined ? { found: true } : { found: true, owner: record.actor };
    },
  };
}
