import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import type { HarnessRunGetOutput } from '../../generated/harness/types.js';
import { cancelHarnessRun } from '../control/run-cancel.js';
import { readVisibleRun } from '../control/run-access.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import { planRun } from '../planning/run-plan.js';
import type { RuntimeOptions } from '../../runtime-options.js';
import type { RunRecord } from '../records/run-record.js';
import type { HarnessRunService } from '../run-service.js';

/**
 * `harness.run.start`, `harness.run.get` and `harness.run.cancel`.
 *
 * `run.start` takes the suite reference in `suiteKey` (else `scenarioKey`) and the executor, case
 * selection, concurrency and dry-run flag in `metadata` (see `runMetadataSchema`). It validates and
 * plans (`planRun`), then: a dry run answers the plan (status `queued`, cases `skipped`) and writes
 * nothing; a suite failing verify is recorded `blocked` and refused (VALIDATION_FAILED); otherwise
 * the run is recorded, `harness.run.started` is emitted through `ctx.emit` (validated by the router)
 * and the run executes. The handler awaits the end of the run and answers the final `HarnessRun`,
 * unless `metadata.background` is true: then it answers the `running` run at once and the run goes
 * on in this process (for `serve`; the app runtime's `close()` waits for it).
 *
 * A user sees and cancels only their own runs (another user's answers NOT_FOUND); a `running`
 * run whose runner died is recovered as `failed`, `interrupted`, before it is answered.
 * `run.get` answers one frozen output object per (deeply frozen, cached) record, so the router
 * validates the output of an unchanged record once (see `Router.call`), and answers it at once,
 * not as a promise, while the store keeps that record's parse (see `readVisibleRun`).
 */
export function runHandlers(
  deps: HarnessDeps,
  service: HarnessRunService,
  options: RuntimeOptions,
): Pick<HarnessHandlers, 'runStart' | 'runGet' | 'runCancel'> {
  const outputs = new WeakMap<RunRecord, HarnessRunGetOutput>();
  const outputOf = (record: RunRecord): HarnessRunGetOutput => {
    let output = outputs.get(record);
    if (output === undefined) {
      output = Object.freeze({ run: record.run });
      outputs.set(record, output);
    }
    return output;
  };
  return {
    runStart: async (input, ctx) => {
      const plan = await planRun(input, options, 'harness.run.start');
      if (plan.dryRun) return { run: service.dryRun(plan) };
      if (!plan.preflight.ok) return service.block(plan, 'harness.run.start', ctx.actor);
      const started = await service.start(
        plan,
        ctx.actor,
        (payload) => ctx.emit('harness.run.started', payload),
        'direct',
      );
      if (plan.background) return { run: started.record.run };
      return { run: (await started.done).run };
    },
    runGet: ({ runId }, ctx) => {
      const record = readVisibleRun(deps, runId, ctx.actor);
      return record instanceof Promise ? record.then(outputOf) : outputOf(record);
    },
    runCancel: (input, ctx) => cancelHarnessRun(deps, input, ctx.actor),
  };
}
