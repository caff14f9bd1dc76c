import { setMaxListeners } from 'node:events';

import type { HarnessRun, HarnessRunStartedPayload } from '../generated/harness/types.js';
import type { Actor } from '../actor.js';
import { ownProcessGroup, processStartTicks } from '../process/process-group.js';
import { appendHarnessEvent } from './harness-events.js';
import { eventIdOf } from './records/harness-ids.js';
import { appendRunEvent, transition } from './records/run-lifecycle.js';
import { formatProblem } from './problems.js';
import { RunControl } from './control/run-control.js';
import { executeHarnessRun, type HarnessDeps } from './execution/run-execution.js';
import { caseMetadata, plannedStep, runTarget, type RunReport } from './execution/run-mapping.js';
import { invalidInput } from './planning/run-metadata.js';
import type { RunPlan } from './planning/run-plan.js';
import type { RecordedCaseResult, RunOwner, RunRecord } from './records/run-record.js';
import { skippedCaseResult, summarize } from './execution/run-suite.js';
import { IMPLICIT_EXIT_CODE_CHECK } from './execution/evaluator.js';
import { locateProgram } from '../process/run-command.js';
import { RULE_NAMES, type SuiteCase } from './suite/suite.js';
import { SuiteIndex } from './suite/suite-index.js';

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
  private readonly stop = new AbortController();

  constructor(private readonly deps: HarnessDeps) {
    // Every run in flight listens on the one stop signal; dozens at once are expected, not a leak.
    setMaxListeners(0, this.stop.signal);
  }

  /**
   * The dry run of RAGit's `harness run`: the suite resolved, the executor validated, every selected case
   * planned and reported `skipped`, with the names of the checks that would apply in
   * `step.metadata.plannedChecks`; preflight problems become warnings, and so does an `argv[0]`
   * found neither on `PATH` nor as a file (`locateProgram`). Writes nothing at all, not even a
   * directory, and emits no event; the run id it reports is never recorded.
   */
  dryRun(plan: RunPlan): HarnessRun {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const warnings = plan.preflight.problems.map(formatProblem);
    const program = plan.executor.argv[0] ?? '';
    const pathVariable = plan.executor.env?.PATH ?? process.env.PATH;
    if (
      plan.sandbox === undefined &&
      locateProgram(program, plan.executorCwd, pathVariable) === undefined
    ) {
      const why = program.includes('/')
        ? `no such file under ${plan.executorSummary.cwd}`
        : 'searched PATH';
      warnings.push(
        `executor.argv[0]: command not found: ${program} (${why}); every case would error`,
      );
    }
    const index = plan.suite === undefined ? undefined : new SuiteIndex(plan.suite);
    const steps = plan.cases.map(({ testCase, problem }) => {
      const step = plannedStep(runId, testCase.id, testCase.title);
      const skipped: RecordedCaseResult = {
        ...skippedCaseResult(testCase.id, problem),
        evidenceIds: [],
      };
      const plannedChecks =
        problem === null && index !== undefined ? checkNamesOf(index, testCase) : [];
      return {
        ...step,
        summary: `planned ${testCase.id}`,
        metadata: { ...step.metadata, ...caseMetadata(skipped), plannedChecks },
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
  async block(plan: RunPlan, operation: string, actor: Actor): Promise<never> {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const reason = `blocked by preflight: ${plan.preflight.problems.map(formatProblem).join('; ')}`;
    const record = this.newRecord(plan, runId, at, actor, reason);
    const ended = transition(record, 'blocked', at);
    await this.deps.runs.write(record);
    for (const step of record.run.steps) {
      const id = eventIdOf(runId, 'harness.step.blocked', step.stepKey);
      const payload = { runId, stepId: step.stepId, blockedAt: at, reason };
      await appendHarnessEvent(this.deps.timeline, 'harness.step.blocked', id, payload, at);
    }
    await appendRunEvent(this.deps.timeline, ended, at);
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
    actor: Actor,
    emitStarted: (payload: HarnessRunStartedPayload) => Promise<void>,
    evaluationEvent: 'direct' | 'none',
  ): Promise<StartedRun> {
    const runId = this.deps.newRunId();
    const at = this.deps.now().toISOString();
    const record = this.newRecord(plan, runId, at, actor);
    const started = transition(record, 'running', at);
    record.owner = runnerOf(process.pid);
    const control = new RunControl(this.deps.layout, runId);
    await control.open();
    try {
      await this.deps.runs.write(record);
    } catch (error) {
      await control.close().catch(() => undefined);
      throw error;
    }
    if (started.key === 'harness.run.started') await emitStarted(started.payload);
    const announced = structuredClone(record);
    const done = executeHarnessRun(this.deps, {
      plan,
      record,
      control,
      evaluationEvent,
      stop: this.stop.signal,
    });
    const tracked = done.catch(() => undefined);
    this.inFlight.add(tracked);
    void tracked.then(() => this.inFlight.delete(tracked));
    return { record: announced, done };
  }

  /** Waits until every run this process is executing has ended. */
  async settle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  /**
   * Shuts down: waits up to `graceMs` (milliseconds) for the runs this process executes, then
   * stops the rest (their case process groups are killed) and waits for them to be recorded
   * `failed`, reason `interrupted`.
   */
  async shutdown(graceMs: number): Promise<void> {
    if (this.inFlight.size > 0) {
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise((resolve) => (timer = setTimeout(resolve, graceMs)));
      await Promise.race([this.settle(), grace]);
      clearTimeout(timer);
    }
    this.stop.abort();
    await this.settle();
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
    actor: Actor,
    blockedReason?: string,
  ): RunRecord {
    const steps = plan.cases.map(({ testCase }) =>
      plannedStep(runId, testCase.id, testCase.title, blockedReason),
    );
    return {
      version: 1,
      run: {
        runId,
        status: 'queued',
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
      actor: { kind: actor.kind, ...(actor.id === undefined ? {} : { id: actor.id }) },
    };
  }
}

/** The owner record of runner `pid`: its process group and start time, where Linux tells them. */
export function runnerOf(pid: number): RunOwner {
  const pgid = pid === process.pid ? ownProcessGroup() : undefined;
  const startTicks = processStartTicks(pid);
  return {
    pid,
    ...(pgid === undefined ? {} : { pgid }),
    ...(startTicks === undefined ? {} : { startTicks }),
  };
}

function controlPlaneOf(plan: RunPlan): { controlPlaneExecutionId?: string } {
  const id = plan.controlPlaneExecutionId;
  return id === undefined ? {} : { controlPlaneExecutionId: id };
}

/**
 * The names of the checks the evaluator would build for `testCase`, in its order (see
 * `evaluateCase`): `implicit.exitCode` first when no source declares `exitCode`, then
 * `<source>.<id>.<rule>` per rule of each source.
 */
function checkNamesOf(index: SuiteIndex, testCase: SuiteCase): string[] {
  const sources = index.ruleSourcesOf(testCase);
  const names = sources.some(({ rules }) => rules.exitCode !== undefined)
    ? []
    : [IMPLICIT_EXIT_CODE_CHECK];
  for (const { name, rules } of sources) {
    for (const rule of RULE_NAMES) if (rules[rule] !== undefined) names.push(`${name}.${rule}`);
  }
  return names;
}
