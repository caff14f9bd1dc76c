import type { HarnessRun } from '../../generated/harness/types.js';
import type { Actor } from '../../actor.js';
import type { RunFailureReason } from './run-lifecycle.js';
import type { Problem } from '../problems.js';
import type { CaseResult, RunSummary } from '../execution/run-suite.js';

/**
 * The executor as records keep it: argv
 * with secrets and env values masked, `cwd` relative to the working directory, `envKeys` sorted
 * by code units, `timeoutMs` with its default applied.
 */
export interface ExecutorSummary {
  kind: 'command';
  /** The executor's name when the run named one (`executors/<name>.json`). */
  name?: string;
  argv: string[];
  cwd: string;
  envKeys: string[];
  timeoutMs: number;
  /** Present when every case ran under bubblewrap. */
  sandbox?: 'bwrap';
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
 * (`owner`; the case process groups are in the live folder, see `RunControl`). `actor` is who
 * started it: a `user` sees only the runs whose actor has their id (admins see every run).
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
  owner: RunOwner | null;
  cancel: CancelInfo | null;
  /** Who started the run; absent in records written before runs kept their actor. */
  actor?: Actor;
  /** Set when the run failed other than by its cases (see run-lifecycle.ts). */
  failure?: { reason: RunFailureReason; message: string };
}

/**
 * The process executing a run: its pid, its process group and its start time in clock ticks since
 * boot (Linux `/proc/<pid>/stat`), so recovery can tell a dead runner from a reused pid.
 */
export interface RunOwner {
  pid: number;
  pgid?: number;
  startTicks?: number;
}
