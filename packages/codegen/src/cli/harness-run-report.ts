import path from 'node:path';
import type { HarnessRun, HarnessStep } from 'contracts-runtime/domains/harness';
import type { CaseStatus, Check, Problem, RunSummary } from 'contracts-runtime/harness';
import { ExitCode } from './exit-codes.js';
import { plural } from './plural.js';

/** One case as `contracts harness run` reports it. */
export interface ReportedCase {
  caseId: string;
  status: CaseStatus;
  exitCode: number | null;
  durationMs: number;
  truncated: { stdout: boolean; stderr: boolean };
  checks: Check[];
  evidenceIds: string[];
  /** Why the case errored or was skipped, else null. */
  error: string | null;
  /** In a dry run, the names of the checks that would apply (`implicit.exitCode`, …); else null. */
  plannedChecks: string[] | null;
}

/**
 * The JSON output of `contracts harness run` (RAGit's `harness run`): `runId,
 * suiteId, runPath, preflight, summary, caseResults, dryRun, warnings`, then `status` (the run's)
 * and `evaluationId`. `runPath` is relative to `--cwd` when the state directory is inside it, and
 * null in a dry run.
 */
export interface HarnessRunReport {
  runId: string;
  suiteId: string | null;
  runPath: string | null;
  preflight: { ok: boolean; problems: Problem[] };
  summary: RunSummary;
  caseResults: ReportedCase[];
  dryRun: boolean;
  warnings: string[];
  status: string;
  evaluationId: string | null;
}

type Loose = Record<string, unknown>;

/**
 * Builds the report from the `HarnessRun` that `harness.run.start` answered: run-level facts from
 * `target.metadata.run`, one case per step from `step.metadata` (see runtime/harness/run-mapping.ts).
 */
export function reportOfRun(run: HarnessRun, cwd: string, stateDir: string): HarnessRunReport {
  const meta = ((run.target.metadata ?? {}) as Loose).run as Loose | undefined;
  const caseResults = run.steps.map(caseOfStep);
  const summary: RunSummary = {
    total: caseResults.length,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
  };
  for (const result of caseResults) summary[result.status] += 1;
  const recordPath = typeof meta?.recordPath === 'string' ? meta.recordPath : null;
  return {
    runId: run.runId,
    suiteId: typeof meta?.suiteId === 'string' ? meta.suiteId : null,
    runPath: recordPath === null ? null : displayPath(path.join(stateDir, recordPath), cwd),
    preflight: (meta?.preflight as HarnessRunReport['preflight'] | undefined) ?? {
      ok: true,
      problems: [],
    },
    summary,
    caseResults,
    dryRun: meta?.dryRun === true,
    warnings: Array.isArray(meta?.warnings) ? (meta.warnings as string[]) : [],
    status: run.status,
    evaluationId: typeof meta?.evaluationId === 'string' ? meta.evaluationId : null,
  };
}

function caseOfStep(step: HarnessStep): ReportedCase {
  const meta = (step.metadata ?? {}) as Loose;
  const status = (meta.caseStatus as CaseStatus | undefined) ?? 'skipped';
  return {
    caseId: step.stepKey,
    status,
    exitCode: typeof meta.exitCode === 'number' ? meta.exitCode : null,
    durationMs: typeof meta.durationMs === 'number' ? meta.durationMs : 0,
    truncated: (meta.truncated as ReportedCase['truncated'] | undefined) ?? {
      stdout: false,
      stderr: false,
    },
    checks: Array.isArray(meta.checks) ? (meta.checks as Check[]) : [],
    evidenceIds: Array.isArray(meta.evidenceIds) ? (meta.evidenceIds as string[]) : [],
    error: typeof meta.error === 'string' ? meta.error : null,
    plannedChecks: Array.isArray(meta.plannedChecks) ? (meta.plannedChecks as string[]) : null,
  };
}

/** `file` relative to `cwd` (with `/`) when inside it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative.startsWith('..') || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join('/');
}

/** The word of each case status in text output (report lines and progress lines alike). */
export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  passed: 'PASS',
  failed: 'FAIL',
  errored: 'ERROR',
  skipped: 'SKIP',
};

/**
 * One text line for a case: `PASS greets (exit 0, 12 ms)`, with failed checks or the error after.
 * In a dry run: `PLAN greets: implicit.exitCode, case.greets.mustInclude`, or `SKIP` with why.
 */
export function caseLine(result: ReportedCase): string {
  if (result.plannedChecks !== null && result.error === null) {
    return `${'PLAN'.padEnd(5)} ${result.caseId}: ${result.plannedChecks.join(', ')}`;
  }
  const label = STATUS_LABELS[result.status].padEnd(5);
  if (result.status === 'skipped') {
    return `${label} ${result.caseId}${result.error ? `: ${result.error}` : ''}`;
  }
  const exit = result.exitCode === null ? 'no exit code' : `exit ${result.exitCode}`;
  const truncated = result.truncated.stdout || result.truncated.stderr ? ', output truncated' : '';
  const head = `${label} ${result.caseId} (${exit}, ${result.durationMs} ms${truncated})`;
  const failed = result.checks
    .filter((check) => check.status === 'failed')
    .map((check) => `${check.name}: ${check.message}`);
  const why = [...(result.error ? [result.error] : []), ...failed].join('; ');
  return why === '' ? head : `${head}: ${why}`;
}

/** The text report: one line per case in suite order, then a summary line (and the record path). */
export function formatReportText(report: HarnessRunReport): string {
  const lines = report.caseResults.map(caseLine);
  const { total, passed, failed, errored, skipped } = report.summary;
  if (report.dryRun) {
    const blocked = report.caseResults.filter((result) => result.error !== null).length;
    const notRunnable = blocked === 0 ? '' : ` (${blocked} not runnable, see the warnings)`;
    const preflight = report.preflight.ok
      ? ''
      : '; the suite fails verify, so a real run would be blocked';
    lines.push(
      `dry run of ${report.suiteId ?? 'the suite'}: ${plural(total, 'case')} planned${notRunnable}${preflight}; nothing executed or written`,
    );
  } else {
    lines.push(
      `${plural(total, 'case')}: ${passed} passed, ${failed} failed, ${errored} errored, ${skipped} skipped; run ${report.runId} ${report.status}`,
    );
    if (report.runPath !== null) lines.push(`record: ${report.runPath}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Exit code of a run: 0 when every case passed (or a dry run), else 1. */
export function exitCodeOfReport(report: HarnessRunReport): number {
  if (report.dryRun) return ExitCode.Ok;
  const { total, passed } = report.summary;
  return total > 0 && passed === total && report.status === 'completed'
    ? ExitCode.Ok
    : ExitCode.Failure;
}
