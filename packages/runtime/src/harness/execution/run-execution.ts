import type { HarnessEvaluation } from '../../generated/harness/types.js';
import type { Timeline } from '../../timeline.js';
import { appendHarnessEvent, type DirectHarnessEvents } from '../harness-events.js';
import { eventIdOf, stepIdOf } from '../records/harness-ids.js';
import type { EvaluationStore } from '../records/evaluation-store.js';
import type { EvidenceStore } from '../records/evidence-store.js';
import type { RunControl } from '../control/run-control.js';
import { RunJournal } from './run-journal.js';
import {
  assertionsOf,
  caseArtifacts,
  caseSummary,
  finishedStep,
  runTarget,
} from './run-mapping.js';
import type { RunPlan } from '../planning/run-plan.js';
import type { RecordedCaseResult, RunRecord } from '../records/run-record.js';
import {
  appendRunEvent,
  runEventOf,
  statusOfResults,
  transition,
  type RunTransitionEvent,
} from '../records/run-lifecycle.js';
import type { RunStore } from '../records/run-store.js';
import { runSuite, summarize, type CaseResult, type RunSummary } from './run-suite.js';
import type { HarnessStateLayout } from '../records/state-layout.js';

/** What executing a run needs: the stores, the timeline, a clock and id makers. */
export interface HarnessDeps {
  readonly layout: HarnessStateLayout;
  readonly runs: RunStore;
  readonly evidence: EvidenceStore;
  readonly evaluations: EvaluationStore;
  readonly timeline: Timeline;
  readonly now: () => Date;
  readonly newRunId: () => string;
  readonly newEvaluationId: () => string;
  /** SIGTERM -> SIGKILL grace for case process groups, in milliseconds (default 500). */
  readonly killGraceMs?: number;
  /** Variables of this process that cases get beyond the default allowlist (child-env.ts). */
  readonly childEnv?: readonly string[];
  /** What a sandboxed case must not see (state dir, definition folders, secret files). */
  readonly hiddenPaths?: readonly string[];
}

/** One run to execute: its plan, its in-memory record (already written once) and its control. */
export interface RunExecution {
  readonly plan: RunPlan;
  readonly record: RunRecord;
  readonly control: RunControl;
  /** `direct`: append harness.evaluation.completed here; `none`: the caller emits it. */
  readonly evaluationEvent: 'direct' | 'none';
  /** Aborted when the runner stops (a server shutting down): the run ends `failed`, `interrupted`. */
  readonly stop?: AbortSignal;
}

/** How often the running process looks for a cancel marker, in milliseconds. */
const CANCEL_POLL_MS = 200;

/**
 * Executes a recorded run: runs the cases with `runSuite`, and as each ends writes its
 * evidence, its step and the timeline events (`harness.step.started`, `harness.evidence.captured`,
 * `harness.step.completed`, then `harness.run.completed` or `harness.run.failed`, and
 * `harness.evaluation.completed`), checkpoints the record, and writes the `HarnessEvaluation`. A
 * cancel (marker written by another process) aborts the rest, and the final status stays
 * `cancelled`: the last write happens under the record lock after reading the marker.
 * @returns the final record. Throws what a store throws (the run is then recorded `failed`).
 */
export async function executeHarnessRun(
  deps: HarnessDeps,
  execution: RunExecution,
): Promise<RunRecord> {
  const { plan, record, control } = execution;
  const runId = record.run.runId;
  const iso = (): string => deps.now().toISOString();
  const abort = new AbortController();
  const results: (RecordedCaseResult | undefined)[] = [];
  const groups = new Map<number, number>();
  const evaluationId = deps.newEvaluationId();
  record.evaluationId = evaluationId;

  const applyCancel = async (): Promise<boolean> => {
    const cancel = await control.readCancel();
    if (!cancel) return false;
    record.cancel = cancel;
    if (record.run.status === 'running') transition(record, 'cancelled', iso());
    abort.abort();
    return true;
  };
  const onStop = (): void => abort.abort();
  execution.stop?.addEventListener('abort', onStop, { once: true });
  const save = async (): Promise<void> => {
    await deps.runs.locked(runId, async () => {
      await applyCancel();
      const done = results.filter((result) => result !== undefined);
      record.caseResults = done;
      record.summary = { ...summarize(done), total: plan.cases.length };
      record.run.updatedAt = iso();
      await deps.runs.write(record);
    });
  };
  const journal = new RunJournal(save);
  const event = <K extends keyof DirectHarnessEvents>(
    key: K,
    subject: string,
    payload: DirectHarnessEvents[K],
    at: string,
  ): void => {
    journal.enqueue('event', () =>
      appendHarnessEvent(deps.timeline, key, eventIdOf(runId, key, subject), payload, at),
    );
  };

  const poll = setInterval(() => {
    if (control.isCancelled()) abort.abort();
  }, CANCEL_POLL_MS);
  poll.unref();
  try {
    const outcome = await runSuite({
      suite: plan.suite!,
      executor: { ...plan.executor, cwd: plan.executorCwd },
      cases: plan.cases.map((planned) => planned.testCase.id),
      concurrency: plan.selection.concurrency,
      ...(plan.captureLimitBytes === undefined
        ? {}
        : { captureLimitBytes: plan.captureLimitBytes }),
      ...(deps.killGraceMs === undefined ? {} : { killGraceMs: deps.killGraceMs }),
      ...(deps.childEnv === undefined ? {} : { childEnv: deps.childEnv }),
      ...(plan.sandbox === undefined
        ? {}
        : {
            sandbox: {
              kind: 'bwrap' as const,
              network: plan.sandbox.network,
              hidden: deps.hiddenPaths ?? [deps.layout.stateDir],
              readable: [plan.executorCwd],
              writable: [],
            },
          }),
      signal: abort.signal,
      onCaseStart: (caseId, index) => {
        const at = iso();
        const stepId = stepIdOf(runId, caseId);
        record.run.steps[index] = { ...record.run.steps[index]!, status: 'running', startedAt: at };
        event(
          'harness.step.started',
          caseId,
          { runId, stepId, stepKey: caseId, mode: 'code-execution', startedAt: at },
          at,
        );
      },
      onCaseSpawn: (_caseId, pid, index) => {
        groups.set(index, pid);
        if (control.registerGroup(pid)) abort.abort();
      },
      reviseResult: (result, index) => {
        const pgid = groups.get(index);
        if (pgid !== undefined) {
          groups.delete(index);
          // At once, not from the write queue: a registration left waiting would write a file.
          void control.releaseGroup(pgid);
        }
        if (!control.isCancelled()) return result;
        abort.abort();
        return asCancelled(result);
      },
      onCaseResult: (result, index) => {
        const at = iso();
        const artifacts = caseArtifacts(deps.layout, runId, result, at);
        const recorded = {
          ...result,
          evidenceIds: artifacts.map((artifact) => artifact.artifactId),
        };
        results[index] = recorded;
        record.run.steps[index] = finishedStep(record.run.steps[index]!, recorded, at);
        record.run.evidenceCount = (record.run.evidenceCount ?? 0) + artifacts.length;
        if (artifacts.length > 0) {
          journal.enqueue('file', () => deps.evidence.putCase(runId, result.caseId, artifacts));
        }
        for (const artifact of artifacts) {
          const { artifactId, kind } = artifact;
          event(
            'harness.evidence.captured',
            artifactId,
            { runId, artifactId, kind, capturedAt: at },
            at,
          );
        }
        if (result.status !== 'skipped') {
          const stepId = stepIdOf(runId, result.caseId);
          event(
            'harness.step.completed',
            result.caseId,
            { runId, stepId, completedAt: at, summary: caseSummary(result) },
            at,
          );
        }
        journal.checkpoint();
      },
    });
    clearInterval(poll);
    await journal.drain();
    return await finish(deps, execution, outcome.summary, results, evaluationId, applyCancel);
  } catch (error) {
    clearInterval(poll);
    await recordFailure(deps, execution, error);
    throw error;
  } finally {
    execution.stop?.removeEventListener('abort', onStop);
  }
}

/** A case that a cancel killed (its group got SIGTERM from another process) errored. */
function asCancelled(result: CaseResult): CaseResult {
  if (result.status !== 'failed' || result.signal === null) return result;
  return { ...result, status: 'errored', error: 'cancelled by harness.run.cancel' };
}

async function finish(
  deps: HarnessDeps,
  execution: RunExecution,
  outcome: RunSummary,
  results: readonly (RecordedCaseResult | undefined)[],
  evaluationId: string,
  applyCancel: () => Promise<boolean>,
): Promise<RunRecord> {
  const { plan, record, control } = execution;
  const runId = record.run.runId;
  const done = results.filter((result) => result !== undefined);
  const summary = { ...summarize(done), total: outcome.total };
  const at = deps.now().toISOString();
  let cancelled = false;
  record.caseResults = done;
  record.summary = summary;
  record.run.target = runTarget(plan, {
    dryRun: false,
    warnings: record.warnings,
    recordPath: deps.layout.runRecordRelative(runId),
    evaluationId,
  });
  let event: RunTransitionEvent | undefined;
  await deps.runs.locked(runId, async () => {
    cancelled = await applyCancel();
    if (cancelled) event = runEventOf(record, at);
    else if (execution.stop?.aborted) {
      const message = 'the runner stopped before the run ended';
      event = transition(record, 'failed', at, { reason: 'interrupted', message });
    } else event = transition(record, statusOfResults(summary), at);
    record.run.updatedAt = at;
    await deps.runs.write(record);
  });
  const evaluation: HarnessEvaluation = {
    evaluationId,
    runId,
    scenarioKey: plan.scenarioKey,
    ...(plan.suiteKey === undefined ? {} : { suiteKey: plan.suiteKey }),
    status: cancelled ? 'cancelled' : record.run.status === 'completed' ? 'passed' : 'failed',
    assertions: assertionsOf(done),
    evidenceCount: record.run.evidenceCount ?? 0,
    startedAt: record.run.createdAt,
    completedAt: at,
  };
  await deps.evaluations.put(evaluation);
  await control.close();
  if (event) await appendRunEvent(deps.timeline, event, at);
  if (execution.evaluationEvent === 'direct') {
    const { status, scenarioKey } = evaluation;
    const payload = { evaluationId, runId, scenarioKey, status, completedAt: at };
    const id = eventIdOf(runId, 'harness.evaluation.completed', evaluationId);
    await appendHarnessEvent(deps.timeline, 'harness.evaluation.completed', id, payload, at);
  }
  return record;
}

/**
 * Ends a run that threw (a store failed: disk full, a corrupt file) as `failed`, reason
 * `internal` with the error's message (masked), or keeps `cancelled` when a cancel came first;
 * appends its event. Best effort: when even this write fails, the original error is what the
 * caller sees, and recovery ends the run later.
 */
async function recordFailure(
  deps: HarnessDeps,
  execution: RunExecution,
  error: unknown,
): Promise<void> {
  const { record, control } = execution;
  const at = deps.now().toISOString();
  const message = error instanceof Error ? error.message : String(error);
  try {
    let event: RunTransitionEvent | undefined;
    await deps.runs.locked(record.run.runId, async () => {
      const cancel = await control.readCancel();
      if (cancel) record.cancel = cancel;
      if (record.run.status === 'running') {
        event = cancel
          ? transition(record, 'cancelled', at)
          : transition(record, 'failed', at, { reason: 'internal', message });
      }
      await deps.runs.write(record);
    });
    await control.close();
    if (event) await appendRunEvent(deps.timeline, event, at);
  } catch {
    await control.close().catch(() => undefined);
  }
}
