import type {
  EvidenceArtifact,
  HarnessAssertionResult,
  HarnessStep,
  HarnessTarget,
} from '../../generated/harness/types.js';
import { excerptOf } from './excerpt.js';
import { artifactIdOf, stepIdOf } from '../records/harness-ids.js';
import type { RecordedCaseResult } from '../records/run-record.js';
import type { CaseResult } from './run-suite.js';
import type { HarnessStateLayout } from '../records/state-layout.js';
import type { RunPlan } from '../planning/run-plan.js';

/**
 * How a suite run maps onto the contract models: one `HarnessStep` per case (stepKey = case id, mode `code-execution`, action class
 * `code-exec-read`), an `EvidenceArtifact` per case stream (`console` for stdout, `app-log` for
 * stderr, hash of the whole stream), a `step-summary` failure artifact per failed or errored case,
 * and one assertion per check. All pure functions.
 */

/** Action class of a case: running a local command that is expected to only read. */
export const ACTION_CLASS = 'code-exec-read';

/** A step before it runs: `pending`, or `blocked` (verdict `blocked`) when preflight failed. */
export function plannedStep(
  runId: string,
  caseId: string,
  title: string,
  blockedReason?: string,
): HarnessStep {
  const step: HarnessStep = {
    stepId: stepIdOf(runId, caseId),
    stepKey: caseId,
    runId,
    mode: 'code-execution',
    actionClass: ACTION_CLASS,
    verdict: blockedReason === undefined ? 'autonomous' : 'blocked',
    requiresApproval: false,
    status: blockedReason === undefined ? 'pending' : 'blocked',
    metadata: { caseId, title },
  };
  if (blockedReason !== undefined) step.summary = blockedReason;
  return step;
}

/** The step once its case has a result: passed -> `completed`, skipped -> `pending`, else `failed`. */
export function finishedStep(
  step: HarnessStep,
  result: RecordedCaseResult,
  completedAt: string | undefined,
): HarnessStep {
  const status =
    result.status === 'passed' ? 'completed' : result.status === 'skipped' ? 'pending' : 'failed';
  const next: HarnessStep = {
    ...step,
    status,
    summary: caseSummary(result),
    metadata: { ...step.metadata, ...caseMetadata(result) },
  };
  if (completedAt !== undefined && result.status !== 'skipped') next.completedAt = completedAt;
  return next;
}

/**
 * What `step.metadata` carries of a case result, so the contract's output alone is enough to
 * report a run (the CLI builds its `caseResults` from it): everything but the excerpts, which are
 * evidence.
 */
export function caseMetadata(result: RecordedCaseResult): Record<string, unknown> {
  return {
    caseStatus: result.status,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
    truncated: result.truncated,
    bytes: result.bytes,
    checks: result.checks,
    evidenceIds: result.evidenceIds,
    error: result.error,
    stdoutSha256: result.stdoutSha256,
    stderrSha256: result.stderrSha256,
  };
}

/** One line about a case: `passed greets (exit 0, 12 ms)`, `errored slow: timed out after 100 ms`. */
export function caseSummary(result: CaseResult): string {
  if (result.status === 'skipped') {
    return `skipped ${result.caseId}${result.error ? `: ${result.error}` : ''}`;
  }
  const exit =
    result.exitCode !== null ? `exit ${result.exitCode}` : `signal ${result.signal ?? 'none'}`;
  const head = `${result.status} ${result.caseId} (${exit}, ${result.durationMs} ms)`;
  if (result.error) return `${head}: ${result.error}`;
  const failed = result.checks.filter((check) => check.status === 'failed').length;
  return failed === 0 ? head : `${head}: ${failed} of ${result.checks.length} checks failed`;
}

/**
 * The evidence of one executed case: stdout (`console`) and stderr (`app-log`) excerpts with the
 * SHA-256 of each whole stream, plus a `step-summary` failure artifact for a failed or errored
 * case holding its failed checks and both excerpts (each at most 320 characters, masked). A
 * skipped case has none.
 */
export function caseArtifacts(
  layout: HarnessStateLayout,
  runId: string,
  result: CaseResult,
  createdAt: string,
): EvidenceArtifact[] {
  if (result.status === 'skipped') return [];
  const stepId = stepIdOf(runId, result.caseId);
  const artifact = (
    part: 'stdout' | 'stderr' | 'failure',
    fields: Omit<EvidenceArtifact, 'artifactId' | 'runId' | 'stepId' | 'uri' | 'createdAt'>,
  ): EvidenceArtifact => ({
    artifactId: artifactIdOf(runId, result.caseId, part),
    runId,
    stepId,
    uri: `${layout.evidenceRelative(runId, result.caseId)}#${part}`,
    createdAt,
    ...fields,
  });
  const stream = (part: 'stdout' | 'stderr'): EvidenceArtifact =>
    artifact(part, {
      kind: part === 'stdout' ? 'console' : 'app-log',
      contentType: 'text/plain; charset=utf-8',
      ...(result[`${part}Sha256`] === null ? {} : { hash: `sha256:${result[`${part}Sha256`]}` }),
      summary: result[`${part}Excerpt`],
      metadata: {
        caseId: result.caseId,
        stream: part,
        bytes: result.bytes[part],
        truncated: result.truncated[part],
      },
    });
  const artifacts = [stream('stdout'), stream('stderr')];
  if (result.status === 'failed' || result.status === 'errored') {
    const failedChecks = result.checks
      .filter((check) => check.status === 'failed')
      .map(({ name, message }) => ({ name, message: excerptOf(message) }));
    artifacts.push(
      artifact('failure', {
        kind: 'step-summary',
        contentType: 'application/json',
        summary: excerptOf(caseSummary(result)),
        metadata: {
          caseId: result.caseId,
          status: result.status,
          exitCode: result.exitCode,
          signal: result.signal,
          error: result.error === null ? null : excerptOf(result.error),
          failedChecks,
          stdoutExcerpt: result.stdoutExcerpt,
          stderrExcerpt: result.stderrExcerpt,
        },
      }),
    );
  }
  return artifacts;
}

/**
 * The assertions of an evaluation: one per check, keyed `<caseId>:<check name>`
 * (`greets:oracle.says-world.mustInclude`), pointing at the case's evidence; plus a failed
 * `<caseId>:executor` assertion for a case that errored or never ran, carrying why.
 */
export function assertionsOf(results: readonly RecordedCaseResult[]): HarnessAssertionResult[] {
  const assertions: HarnessAssertionResult[] = [];
  for (const result of results) {
    for (const check of result.checks) {
      assertions.push({
        assertionKey: `${result.caseId}:${check.name}`,
        status: check.status,
        message: check.message,
        evidenceArtifactIds: result.evidenceIds,
      });
    }
    if (result.status === 'errored' || result.status === 'skipped') {
      assertions.push({
        assertionKey: `${result.caseId}:executor`,
        status: 'failed',
        message: `${result.status === 'skipped' ? 'not run' : 'errored'}: ${result.error ?? 'no result'}`,
        evidenceArtifactIds: result.evidenceIds,
      });
    }
  }
  return assertions;
}

/** What the run reports beyond the contract's HarnessRun fields (see {@link runTarget}). */
export interface RunReport {
  dryRun: boolean;
  warnings: string[];
  recordPath: string | null;
  evaluationId: string | null;
}

/**
 * The run's target with `metadata = {executor, run}`: the executor as records keep it (env keys
 * only) and `run = {suiteId, suiteTitle, suiteRef, suitePath, selection, preflight, dryRun,
 * warnings, recordPath, evaluationId}`. HarnessRun 1.0.0 has no metadata of its own, so the
 * target (the local command executor this run attached to) carries them; with step metadata, the
 * contract output is a complete report of the run.
 */
export function runTarget(plan: RunPlan, report: RunReport): HarnessTarget {
  return {
    ...plan.target,
    metadata: {
      ...plan.target.metadata,
      run: {
        suiteId: plan.suite?.id ?? null,
        suiteTitle: plan.suite?.title ?? null,
        suiteRef: plan.suiteRef,
        suitePath: plan.suitePath,
        selection: plan.selection,
        preflight: plan.preflight,
        ...report,
      },
    },
  };
}
