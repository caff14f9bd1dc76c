import type { HarnessRun } from '../../generated/harness/types.js';
import type { Problem } from '../problems.js';
import type { CaseResult, RunSummary } from '../execution/run-suite.js';

/**
 * The executor as records keep it: argv
 * with secrets and env values masked, `cwd` relative to the working directory, `envKeys` sorted
 * by code units, `timeoutMs` with its default applied.
 */
export interface ExecutorSummary {
  kind: 'command';
  argv: string[];
  cwd: string;
  envKeys: string[];
  timeoutMs: number;
}

/** Structural preflight of the suite (`verifySuite`): `ok` exactly when `problems` is empty. */
export interface Preflight {
  ok: boolean;
  problems: Problem[];
}

/** A case result as recorded: the runtime's `CaseResult` plus the ids of its evidence artifacts. */
export interface RecordedCaseResult extends CaseResult {
  evidenceIds: string[];
}

/** Why and when a run was cancelled (`harness.run.cancel`'s input and time). */
export interface CancelInfo {
  reason: string | null;
  cancelledAt: string;
}

/** The suite a run executes: its ids, the ref as given and the file relative to `--cwd`. */
export interface SuiteSummary {
  id: string | null;
  title: string | null;
  ref: string;
  path: string;
}

/**
 * One run record, `harness-runs/<runId>.json`: the contract's `HarnessRun`
 * (`run`, as `harness.run.get` answers it) next to what the CLI reports (suite, preflight,
 * warnings, summary, case results in suite order) and what a second process needs to cancel it
 * (`owner.pid`; the case process groups are in the live folder, see `RunControl`).
 */
export interface RunRecord {
  version: 1;
  run: HarnessRun;
  suite: SuiteSummary;
  executor: ExecutorSummary;
  selection: { cases: string[] | null; concurrency: number };
  preflight: Preflight;
  warnings: string[];
  summary: RunSummary;
  caseResults: RecordedCaseResult[];
  evaluationId: string | null;
  owner: { pid: number } | null;
  cancel: CancelInfo | null;
}

/** Run statuses after which nothing changes any more. */
export const TERMINAL_RUN_STATUSES: ReadonlySet<string> = new Set([
  'completed',
  'failed',
  'cancelled',
  'blocked',
]);
