import type { HarnessHandlers } from '../../generated/harness/handlers.js';
import type { HarnessRunGetOutput } from '../../generated/harness/types.js';
import { ContractError } from '../../errors.js';
import { cancelRun } from '../control/run-cancel.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import { planRun } from '../planning/run-plan.js';
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
 * `run.get` answers one frozen output object per (deeply frozen, cached) record, so the router
 * validates the output of an unchanged record once (see `Router.call`).
 */
export function runHandlers(
  deps: HarnessDeps,
  service: HarnessRunService,
  cwd: string,
): Pick<HarnessHandlers, 'runStart' | 'runGet' | 'runCancel'> {
  const outputs = new WeakMap<RunRecord, HarnessRunGetOutput>();
  return {
    runStart: async (input, ctx) => {
      const plan = await planRun(input, cwd, 'harness.run.start');
      if (plan.dryRun) return { run: service.dryRun(plan) };
      if (!plan.preflight.ok) return service.block(plan, 'harness.run.start');
      const started = await service.start(
        plan,
        (payload) => ctx.emit('harness.run.started', payload),
        'direct',
      );
      if (plan.background) return { run: started.record.run };
      return { run: (await started.done).run };
    },
    runGet: async ({ runId }) => {
      const record = await deps.runs.read(runId);
      if (!record) throw new ContractError('NOT_FOUND', `no harness run ${runId}`);
      let output = outputs.get(record);
      if (output === undefined) {
        output = Object.freeze({ run: record.run });
        outputs.set(record, output);
      }
      return output;
    },
    runCancel: (input) => cancelRun(deps, input),
  };
}
