import type { HarnessRun, HarnessRunStartedPayload } from '../generated/harness/types.js';
import { appendHarnessEvent } from './harness-events.js';
import { eventIdOf } from './records/harness-ids.js';
import { formatProblem } from './problems.js';
import { RunControl } from './control/run-control.js';
import { appendRunEnd, executeRun, type HarnessDeps } from './execution/run-execution.js';
import { caseMetadata, plannedStep, runTarget, type RunReport } from './execution/run-mapping.js';
import { invalidInput } from './planning/run-metadata.js';
import type { RunPlan } from './planning/run-plan.js';
import type { RecordedCaseResult, RunRecord } from './records/run-record.js';
import { skippedCaseResult, summarize } from './execution/run-suite.js';

/** A run that has been recorded and announced; `done` settles with its final record. */
export interface StartedRun {
  readonly record: RunRecord;
  readonly done: Promise<RunRecord>;
}

/**
 * The harness-run service behind `harness.run.start` and `harness.evaluation.run`: it
 * turns a validated {@link RunPlan} into a dry-run report (writing nothing), a blocked run (preflight
 * failed), or a recorded run that executes. Runs still executing in this process are tracked so
 * `settle` can wait for them (a background run in `serve`).
 */
export class HarnessRunService {
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(private readonly deps: HarnessDeps) {}

  /**
   * The dry run of RAGit's `harness run`: the suite resolved, the executor validated, every selected case
   * planned and reported `skipped`; preflight problems become warnings. Writes nothing at all, not
   * even a directory, and emits no event; the run id it reports is never recorded.
   */
  dryRun(plan: RunPlan): HarnessRun {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const warnings = plan.preflight.problems.map(formatProblem);
    const steps = plan.cases.map(({ testCase, problem }) => {
      const step = plannedStep(runId, testCase.id, testCase.title);
      const skipped: RecordedCaseResult = {
        ...skippedCaseResult(testCase.id, problem),
        evidenceIds: [],
      };
      return {
        ...step,
        summary: `planned ${testCase.id}`,
        metadata: { ...step.metadata, ...caseMetadata(skipped) },
      };
    });
    return {
      runId,
      status: 'queued',
      mode: 'code-execution',
      scenarioKey: plan.scenarioKey,
      ...(plan.suiteKey === undefined ? {} : { suiteKey: plan.suiteKey }),
      ...controlPlaneOf(plan),
      target: runTarget(plan, { dryRun: true, warnings, recordPath: null, evaluationId: null }),
      steps,
      evidenceCount: 0,
      createdAt: at,
      updatedAt: at,
    };
  }

  /**
   * Refuses a run whose suite fails verify: it
   * is recorded `blocked` with every case's step blocked, `harness.step.blocked` per case and
   * `harness.run.failed` are appended, nothing executes.
   * @throws ContractError VALIDATION_FAILED: one issue per problem at the suite field, and a last
   *   one naming the blocked run.
   */
  async block(plan: RunPlan, operation: string): Promise<never> {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const reason = `blocked by preflight: ${plan.preflight.problems.map(formatProblem).join('; ')}`;
    const record = this.newRecord(plan, runId, at, 'blocked', reason);
    await this.deps.runs.write(record);
    for (const step of record.run.steps) {
      const id = eventIdOf(runId, 'harness.step.blocked', step.stepKey);
      const payload = { runId, stepId: step.stepId, blockedAt: at, reason };
      await appendHarnessEvent(this.deps.timeline, 'harness.step.blocked', id, payload, at);
    }
    await appendRunEnd(this.deps.timeline, record, at);
    const field = plan.suiteKey !== undefined ? 'suiteKey' : 'scenarioKey';
    throw invalidInput(operation, [
      ...plan.preflight.problems.map((problem) => ({
        path: field,
        message: `${plan.suitePath} fails verify at ${formatProblem(problem)}`,
      })),
      { path: field, message: `run ${runId} is blocked by preflight; nothing was executed` },
    ]);
  }

  /**
   * Records a new run (`running`, every step pending), opens its live folder, announces it through
   * `emitStarted` (the handler's `ctx.emit('harness.run.started', …)`), and starts executing it.
   */
  async start(
    plan: RunPlan,
    emitStarted: (payload: HarnessRunStartedPayload) => Promise<void>,
    evaluationEvent: 'direct' | 'none',
  ): Promise<StartedRun> {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const record = this.newRecord(plan, runId, at, 'running');
    record.owner = { pid: process.pid };
    const control = new RunControl(this.deps.layout, runId);
    await control.open();
    await this.deps.runs.write(record);
    await emitStarted({
      runId,
      ...(plan.scenarioKey === undefined ? {} : { scenarioKey: plan.scenarioKey }),
      ...(plan.suiteKey === undefined ? {} : { suiteKey: plan.suiteKey }),
      mode: 'code-execution',
      startedAt: at,
    });
    const announced = structuredClone(record);
    const done = executeRun(this.deps, { plan, record, control, evaluationEvent });
    const tracked = done.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return { record: announced, done };
  }

  /** Waits until every run this process is executing has ended. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private report(runId: string): RunReport {
    return {
      dryRun: false,
      warnings: [],
      recordPath: this.deps.layout.runRecordRelative(runId),
      evaluationId: null,
    };
  }

  private newRecord(
    plan: RunPlan,
    runId: string,
    at: string,
    status: 'running' | 'blocked',
    blockedReason?: string,
  ): RunRecord {
    const steps = plan.cases.map(({ testCase }) =>
      plannedStep(runId, testCase.id, testCase.title, blockedReason),
    );
    return {
      version: 1,
      run: {
        runId,
        status,
        mode: 'code-execution',
        scenarioKey: plan.scenarioKey,
        ...(plan.suiteKey === undefined ? {} : { suiteKey: plan.suiteKey }),
        ...controlPlaneOf(plan),
        target: runTarget(plan, this.report(runId)),
        steps,
        evidenceCount: 0,
        createdAt: at,
        updatedAt: at,
      },
      suite: {
        id: plan.suite?.id ?? null,
        title: plan.suite?.title ?? null,
        ref: plan.suiteRef,
        path: plan.suitePath,
      },
      executor: plan.executorSummary,
      selection: plan.selection,
      preflight: plan.preflight,
      warnings: [],
      summary: { ...summarize([]), total: plan.cases.length },
      caseResults: [],
      evaluationId: null,
      owner: null,
      cancel: null,
    };
  }
}

function controlPlaneOf(plan: RunPlan): { controlPlaneExecutionId?: string } {
  const id = plan.controlPlaneExecutionId;
  return id === undefined ? {} : { controlPlaneExecutionId: id };
}
