import type { HarnessEvaluation } from '../../generated/harness/types.js';
import type { Timeline } from '../../timeline.js';
import { appendHarnessEvent, type DirectHarnessEvents } from '../harness-events.js';
import { eventIdOf, stepIdOf } from '../records/harness-ids.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import type { EvaluationStore } from '../records/evaluation-store.js';
import type { EvidenceStore } from '../records/evidence-store.js';
import type { RunControl } from '../control/run-control.js';
import { RunJournal } from './run-journal.js';
import {
  assertionsOf,
  caseArtifacts,
  caseSummary,
  finalRunStatus,
  finishedStep,
  runTarget,
} from './run-mapping.js';
import type { RunPlan } from '../planning/run-plan.js';
import type { RecordedCaseResult, RunRecord } from '../records/run-record.js';
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
}

/** One run to execute: its plan, its in-memory record (already written once) and its control. */
export interface RunExecution {
  readonly plan: RunPlan;
  readonly record: RunRecord;
  readonly control: RunControl;
  /** `direct`: append harness.evaluation.completed here; `none`: the caller emits it. */
  readonly evaluationEvent: 'direct' | 'none';
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
export async function executeRun(deps: HarnessDeps, execution: RunExecution): Promise<RunRecord> {
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
    record.run.status = 'cancelled';
    abort.abort();
    return true;
  };
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
        if (pgid !== undefined) journal.enqueue('file', () => control.releaseGroup(pgid));
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
  await deps.runs.locked(runId, async () => {
    cancelled = await applyCancel();
    record.run.status = finalRunStatus(summary, cancelled);
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
  await appendRunEnd(deps.timeline, record, at);
  if (execution.evaluationEvent === 'direct') {
    const { status, scenarioKey } = evaluation;
    const payload = { evaluationId, runId, scenarioKey, status, completedAt: at };
    const id = eventIdOf(runId, 'harness.evaluation.completed', evaluationId);
    await appendHarnessEvent(deps.timeline, 'harness.evaluation.completed', id, payload, at);
  }
  return record;
}

/**
 * Appends how a run ended: `harness.run.completed` when every case passed, else
 * `harness.run.failed` with the reason (`cancelled: <reason>` for a cancel). The id is per run and
 * key, so a cancelling process and the running one write it once between them.
 */
export async function appendRunEnd(
  timeline: Timeline,
  record: RunRecord,
  at: string,
): Promise<void> {
  const { runId, status } = record.run;
  if (status === 'completed') {
    const payload = {
      runId,
      completedAt: at,
      evidenceCount: record.run.evidenceCount ?? 0,
      status,
    };
    const id = eventIdOf(runId, 'harness.run.completed');
    await appendHarnessEvent(timeline, 'harness.run.completed', id, payload, at);
    return;
  }
  const { total, failed, errored, skipped } = record.summary;
  const reason =
    status === 'cancelled'
      ? `cancelled${record.cancel?.reason ? `: ${maskSecrets(record.cancel.reason)}` : ''}`
      : status === 'blocked'
        ? `blocked by preflight: ${record.preflight.problems.length} problem(s)`
        : `${failed + errored} of ${total} cases failed or errored`;
  const problem = { status, summary: { total, failed, errored, skipped } };
  const id = eventIdOf(runId, 'harness.run.failed');
  await appendHarnessEvent(
    timeline,
    'harness.run.failed',
    id,
    { runId, failedAt: at, reason, problem },
    at,
  );
}

async function recordFailure(
  deps: HarnessDeps,
  execution: RunExecution,
  error: unknown,
): Promise<void> {
  const { record, control } = execution;
  const at = deps.now().toISOString();
  try {
    await deps.runs.locked(record.run.runId, async () => {
      record.run.status = (await control.readCancel()) ? 'cancelled' : 'failed';
      record.run.updatedAt = at;
      await deps.runs.write(record);
    });
    await control.close();
    const reason = `internal error: ${error instanceof Error ? error.message : String(error)}`;
    const id = eventIdOf(record.run.runId, 'harness.run.failed');
    const payload = { runId: record.run.runId, failedAt: at, reason: maskSecrets(reason) };
    await appendHarnessEvent(deps.timeline, 'harness.run.failed', id, payload, at);
  } catch {
    // The original error is what the caller needs to see.
  }
}
