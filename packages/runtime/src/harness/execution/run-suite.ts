import path from 'node:path';

import { caseDocument } from '../suite/case-document.js';
import { childEnvironment } from '../../process/child-env.js';
import { runCommand, type CommandRunResult } from '../../process/run-command.js';
import { locateBwrap, type SandboxSpec } from '../../process/sandbox.js';
import { caseStatusOf, evaluateCase, needlesOf, type Check } from './evaluator.js';
import { excerptOfAsync } from './excerpt.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import { HarnessInputError } from '../problems.js';
import type { CommandExecutorSpec } from '../planning/run-input.js';
import type { Suite, SuiteCase } from '../suite/suite.js';
import { SuiteIndex, type RuleSource } from '../suite/suite-index.js';

/** Status of one case: `skipped` in a dry run or when cancelled before it started. */
export type CaseStatus = 'passed' | 'failed' | 'errored' | 'skipped';

/**
 * The result of one case. Excerpts and messages are masked (secret shapes
 * and `executor.env` values); the SHA-256 digests (hex) cover each whole stream; byte counts are
 * whole-stream sizes; `error` says why a case errored or was skipped, else null.
 */
export interface CaseResult {
  caseId: string;
  status: CaseStatus;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  truncated: { stdout: boolean; stderr: boolean };
  bytes: { stdout: number; stderr: number };
  checks: Check[];
  stdoutExcerpt: string;
  stderrExcerpt: string;
  stdoutSha256: string | null;
  stderrSha256: string | null;
  error: string | null;
}

/** Case counts of a run; `total` is the number of selected cases. */
export interface RunSummary {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
}

/** `runSuite`'s result: results in suite order, whatever the concurrency. */
export interface SuiteRunResult {
  summary: RunSummary;
  caseResults: CaseResult[];
}

/** Options of `runSuite`. */
export interface RunSuiteOptions {
  /** A suite that passed `verifySuite`. */
  suite: Suite;
  executor: CommandExecutorSpec;
  /** `executor.cwd` is resolved against it (path confinement is the caller's job); default `process.cwd()`. */
  baseDir?: string;
  /** Case ids to run (suite order is kept); default all. */
  cases?: readonly string[];
  /** Cases run at once, integer >= 1; default 1 (RAGit's `harness run` is sequential). */
  concurrency?: number;
  /** Plan only: every selected case is `skipped`, nothing is executed. */
  dryRun?: boolean;
  captureLimitBytes?: number;
  killGraceMs?: number;
  /** Variables of this process passed to cases beyond the default allowlist (child-env.ts). */
  childEnv?: readonly string[];
  /**
   * Run every case under bubblewrap (runtime/process/sandbox.ts). Unless `bwrap` is given, it is
   * looked up on `PATH` once, when the run starts, for all its cases.
   */
  sandbox?: Omit<SandboxSpec, 'scratch' | 'emptyFile'>;
  /** Aborting kills running cases (`errored`) and skips the rest. */
  signal?: AbortSignal;
  /** Called when a case starts executing (not in a dry run). */
  onCaseStart?: (caseId: string, index: number) => void;
  /** Called when a case's process is spawned, with its pid (= its process-group id). */
  onCaseSpawn?: (caseId: string, pid: number, index: number) => void;
  /** May replace a case's result as it finishes (e.g. a case killed by a cancel is `errored`). */
  reviseResult?: (result: CaseResult, index: number) => CaseResult;
  /** Called as each case finishes, in completion order; `index` is its position in the results. */
  onCaseResult?: (result: CaseResult, index: number) => void;
}

/**
 * The selected cases in suite order. Throws `HarnessInputError` naming `cases[i]` for an id that
 * is not a case of the suite.
 */
export function selectCases(suite: Suite, ids?: readonly string[]): SuiteCase[] {
  if (ids === undefined) return [...suite.cases];
  const known = new Set(suite.cases.map((testCase) => testCase.id));
  const problems = ids.flatMap((id, index) =>
    known.has(id)
      ? []
      : [{ path: `cases[${index}]`, message: `unknown case id ${JSON.stringify(id)}` }],
  );
  if (problems.length > 0) throw new HarnessInputError(problems);
  const wanted = new Set(ids);
  return suite.cases.filter((testCase) => wanted.has(testCase.id));
}

interface CasePlan {
  testCase: SuiteCase;
  sources: RuleSource[];
  stdin: string;
}

/**
 * Runs the selected cases of a suite with the command executor and the evaluator: at most `concurrency` at once, results in suite order. Every case is planned (references
 * resolved, case document built) before anything runs. Throws `HarnessInputError` for an unknown
 * case id, a bad concurrency or an unresolved reference; a failing case never throws.
 */
export async function runSuite(options: RunSuiteOptions): Promise<SuiteRunResult> {
  const concurrency = options.concurrency ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new HarnessInputError([{ path: 'concurrency', message: 'must be an integer >= 1' }]);
  }
  const index = new SuiteIndex(options.suite);
  const plans: CasePlan[] = selectCases(options.suite, options.cases).map((testCase) => ({
    testCase,
    sources: index.ruleSourcesOf(testCase),
    stdin: `${JSON.stringify(caseDocument(index, testCase))}\n`,
  }));
  const literals = Object.values(options.executor.env ?? {});
  const env = childEnvironment(process.env, options.childEnv ?? [], options.executor.env);
  const cwd = path.resolve(options.baseDir ?? process.cwd(), options.executor.cwd ?? '.');
  const sandbox = options.sandbox && withBwrap(options.sandbox);
  const results: CaseResult[] = new Array<CaseResult>(plans.length);

  const runOne = async (position: number): Promise<CaseResult> => {
    const plan = plans[position]!;
    const caseId = plan.testCase.id;
    if (options.dryRun) return skippedCaseResult(caseId, null);
    if (options.signal?.aborted) return skippedCaseResult(caseId, 'cancelled before start');
    options.onCaseStart?.(caseId, position);
    const run = await runCommand({
      argv: options.executor.argv,
      cwd,
      env,
      ...(sandbox === undefined ? {} : { sandbox }),
      stdin: plan.stdin,
      timeoutMs: options.executor.timeoutMs,
      captureLimitBytes: options.captureLimitBytes,
      killGraceMs: options.killGraceMs,
      needles: needlesOf(plan.sources),
      signal: options.signal,
      onSpawn: (pid) => options.onCaseSpawn?.(caseId, pid, position),
    });
    return resultOf(caseId, plan.sources, run, literals);
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < plans.length) {
      const position = next;
      next += 1;
      const ran = await runOne(position);
      const result = options.reviseResult?.(ran, position) ?? ran;
      results[position] = result;
      options.onCaseResult?.(result, position);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, plans.length) }, worker));
  return { summary: summarize(results), caseResults: results };
}

/**
 * The result of a case from what its command did: at once when both streams are empty (nothing to
 * mask into an excerpt), else once the excerpts are masked, stdout's then stderr's.
 */
function resultOf(
  caseId: string,
  sources: readonly RuleSource[],
  run: CommandRunResult,
  literals: readonly string[],
): CaseResult | Promise<CaseResult> {
  // A command that never started produced nothing to evaluate.
  const checks = run.outcome === 'spawn-error' ? [] : evaluateCase(sources, run);
  const result = (stdoutExcerpt: string, stderrExcerpt: string): CaseResult => ({
    caseId,
    status: caseStatusOf(checks, run.outcome !== 'exited'),
    exitCode: run.exitCode,
    signal: run.signal,
    durationMs: run.durationMs,
    truncated: { stdout: run.stdout.truncated, stderr: run.stderr.truncated },
    bytes: { stdout: run.stdout.totalBytes, stderr: run.stderr.totalBytes },
    checks: checks.map((check) => ({ ...check, message: maskSecrets(check.message, literals) })),
    stdoutExcerpt,
    stderrExcerpt,
    stdoutSha256: run.stdout.sha256,
    stderrSha256: run.stderr.sha256,
    error: run.error === null ? null : maskSecrets(run.error, literals),
  });
  const stderrAfter = (stdoutExcerpt: string): CaseResult | Promise<CaseResult> => {
    const stderrExcerpt = excerptOfCapture(run.stderr.captured, literals);
    return typeof stderrExcerpt === 'string'
      ? result(stdoutExcerpt, stderrExcerpt)
      : stderrExcerpt.then((excerpt) => result(stdoutExcerpt, excerpt));
  };
  const stdoutExcerpt = excerptOfCapture(run.stdout.captured, literals);
  return typeof stdoutExcerpt === 'string'
    ? stderrAfter(stdoutExcerpt)
    : stdoutExcerpt.then(stderrAfter);
}

/**
 * `sandbox` with the bwrap binary found on `PATH` now, so its cases skip the lookup; as it is
 * when bwrap is missing (each case then fails to spawn, naming what to install).
 */
function withBwrap(
  sandbox: Omit<SandboxSpec, 'scratch' | 'emptyFile'>,
): Omit<SandboxSpec, 'scratch' | 'emptyFile'> {
  if (sandbox.bwrap !== undefined) return sandbox;
  const bwrap = locateBwrap();
  return bwrap === undefined ? sandbox : { ...sandbox, bwrap };
}

/** The masked excerpt of a capture (see excerptOfAsync); an empty capture's is empty at once. */
function excerptOfCapture(captured: Buffer, literals: readonly string[]): string | Promise<string> {
  return captured.length === 0 ? '' : excerptOfAsync(captured, literals);
}

/** The result of a case that did not run (dry run, cancelled before start, blocked). */
export function skippedCaseResult(caseId: string, error: string | null): CaseResult {
  return {
    caseId,
    status: 'skipped',
    exitCode: null,
    signal: null,
    durationMs: 0,
    truncated: { stdout: false, stderr: false },
    bytes: { stdout: 0, stderr: 0 },
    checks: [],
    stdoutExcerpt: '',
    stderrExcerpt: '',
    stdoutSha256: null,
    stderrSha256: null,
    error,
  };
}

/** Counts results by status. */
export function summarize(results: readonly CaseResult[]): RunSummary {
  const summary: RunSummary = {
    total: results.length,
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
  };
  for (const result of results) summary[result.status] += 1;
  return summary;
}
