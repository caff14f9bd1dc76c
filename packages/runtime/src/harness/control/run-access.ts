import type { Actor } from '../../actor.js';
import type { ContractError } from '../../errors.js';
import { notFound } from '../../not-found.js';
import { canActorSee } from '../../ownership.js';
import type { HarnessDeps } from '../execution/run-execution.js';
import type { RunRecord } from '../records/run-record.js';
import { isOrphanedRun, recoverHarnessRun } from './run-recovery.js';

/** NOT_FOUND for a harness run that does not exist or that the caller may not see. */
export function noSuchHarnessRun(runId: string): ContractError {
  return notFound('harness run', runId);
}

/**
 * The record of `runId` as `actor` may see it: recovered first when its runner died (see
 * recoverHarnessRun), so no caller ever reads a `running` run that nothing executes. A record
 * whose parse the store keeps (unchanged since it was read) is answered at once, not as a
 * promise: the path of a `harness.run.get` repeated on one run.
 * @throws ContractError NOT_FOUND when there is no such run, or it belongs to another user (so
 *   existence does not leak); what the store throws for a corrupt record.
 */
export function readVisibleRun(
  deps: HarnessDeps,
  runId: string,
  actor: Actor,
): RunRecord | Promise<RunRecord> {
  const kept = deps.runs.readKept(runId);
  if (kept !== undefined && canActorSee(actor, kept.actor) && !isOrphanedRun(deps, kept)) {
    return kept;
  }
  return readRecovered(deps, runId, actor);
}

/** {@link readVisibleRun} from the file. */
async function readRecovered(deps: HarnessDeps, runId: string, actor: Actor): Promise<RunRecord> {
  let record = await deps.runs.read(runId);
  if (!record || !canActorSee(actor, record.actor)) throw noSuchHarnessRun(runId);
  if (isOrphanedRun(deps, record)) record = (await recoverHarnessRun(deps, runId)) ?? record;
  return record;
}
