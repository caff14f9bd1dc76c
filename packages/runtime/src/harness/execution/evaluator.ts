import { jsonSubsetMismatch, preview } from './json-subset.js';
import type { CapturedStream } from '../../process/stream-capture.js';
import type { RuleSource } from '../suite/suite-index.js';

/** One named check: `<source>.<id>.<rule>` (e.g. `oracle.says-world.mustInclude`) or `implicit.exitCode`. */
export interface Check {
  name: string;
  status: 'passed' | 'failed';
  /** What was expected and what was seen. */
  message: string;
}

/** What the executor observed for one case. `signal` is set when the process was killed by one. */
export interface CaseObservation {
  exitCode: number | null;
  signal: string | null;
  stdout: CapturedStream;
  stderr: CapturedStream;
}

/** Name of the exit-code check added when no rule source declares `exitCode`. */
export const IMPLICIT_EXIT_CODE_CHECK = 'implicit.exitCode';

/**
 * The substrings the executor must track while streaming, per stream, deduplicated in first-seen
 * order: `mustInclude`/`mustNotInclude` on stdout, the `stderr*` variants on stderr.
 */
export function needlesOf(sources: readonly RuleSource[]): { stdout: string[]; stderr: string[] } {
  const stdout = new Set<string>();
  const stderr = new Set<string>();
  for (const { rules } of sources) {
    for (const needle of [...(rules.mustInclude ?? []), ...(rules.mustNotInclude ?? [])])
      stdout.add(needle);
    for (const needle of [
      ...(rules.stderrMustInclude ?? []),
      ...(rules.stderrMustNotInclude ?? []),
    ]) {
      stderr.add(needle);
    }
  }
  return { stdout: [...stdout], stderr: [...stderr] };
}

/**
 * The deterministic evaluator of RAGit's `harness run`. Builds one check per rule of each source, in
 * source order then rule order (exitCode, mustInclude, mustNotInclude, stderrMustInclude,
 * stderrMustNotInclude, jsonSubset); when no source declares `exitCode`, an `implicit.exitCode`
 * check that the exit code is 0 comes first. Substring rules are case-sensitive and read the
 * streaming matcher's results, so they cover the whole raw stream, not just the capture.
 * `jsonSubset` parses the captured stdout only: its limit is the capture limit (8 MiB by default);
 * when stdout was truncated the check fails saying so. The case passes only if every check passes.
 */
export function evaluateCase(
  sources: readonly RuleSource[],
  observation: CaseObservation,
): Check[] {
  const checks: Check[] = [];
  if (!sources.some(({ rules }) => rules.exitCode !== undefined)) {
    checks.push(exitCodeCheck(IMPLICIT_EXIT_CODE_CHECK, 0, observation));
  }
  let stdoutText: string | undefined;
  for (const { name, rules } of sources) {
    if (rules.exitCode !== undefined)
      checks.push(exitCodeCheck(`${name}.exitCode`, rules.exitCode, observation));
    if (rules.mustInclude)
      checks.push(
        includeCheck(`${name}.mustInclude`, 'stdout', rules.mustInclude, observation.stdout, true),
      );
    if (rules.mustNotInclude)
      checks.push(
        includeCheck(
          `${name}.mustNotInclude`,
          'stdout',
          rules.mustNotInclude,
          observation.stdout,
          false,
        ),
      );
    if (rules.stderrMustInclude)
      checks.push(
        includeCheck(
          `${name}.stderrMustInclude`,
          'stderr',
          rules.stderrMustInclude,
          observation.stderr,
          true,
        ),
      );
    if (rules.stderrMustNotInclude)
      checks.push(
        includeCheck(
          `${name}.stderrMustNotInclude`,
          'stderr',
          rules.stderrMustNotInclude,
          observation.stderr,
          false,
        ),
      );
    if (rules.jsonSubset !== undefined) {
      stdoutText ??= observation.stdout.captured.toString('utf8');
      checks.push(
        jsonSubsetCheck(`${name}.jsonSubset`, rules.jsonSubset, stdoutText, observation.stdout),
      );
    }
  }
  return checks;
}

/** `errored` when the run could not complete (timeout, spawn error, cancel), else AND of the checks. */
export function caseStatusOf(
  checks: readonly Check[],
  errored: boolean,
): 'passed' | 'failed' | 'errored' {
  if (errored) return 'errored';
  return checks.every((check) => check.status === 'passed') ? 'passed' : 'failed';
}

function check(name: string, passed: boolean, message: string): Check {
  return { name, status: passed ? 'passed' : 'failed', message };
}

function exitCodeCheck(name: string, expected: number, observation: CaseObservation): Check {
  const { exitCode, signal } = observation;
  const seen =
    exitCode !== null
      ? String(exitCode)
      : signal !== null
        ? `no exit code (killed by ${signal})`
        : 'no exit code (the command did not run to completion)';
  return check(name, exitCode === expected, `expected exit code ${expected}, saw ${seen}`);
}

function includeCheck(
  name: string,
  stream: 'stdout' | 'stderr',
  needles: readonly string[],
  captured: CapturedStream,
  mustInclude: boolean,
): Check {
  const expected = `expected ${stream} ${mustInclude ? 'to include' : 'not to include'} ${list(needles)}`;
  const offending = needles.filter((needle) => captured.found.has(needle) !== mustInclude);
  const scope = `${captured.totalBytes} bytes of ${stream}`;
  if (offending.length === 0) {
    return check(
      name,
      true,
      `${expected}; ${mustInclude ? 'all found' : 'none found'} in ${scope}`,
    );
  }
  return check(
    name,
    false,
    `${expected}; ${mustInclude ? 'missing' : 'found'} ${list(offending)} in ${scope}`,
  );
}

function jsonSubsetCheck(
  name: string,
  expected: unknown,
  stdoutText: string,
  stdout: CapturedStream,
): Check {
  const what = `expected stdout JSON to contain ${preview(expected)}`;
  if (stdout.truncated) {
    return check(
      name,
      false,
      `${what}; stdout was truncated at ${stdout.captured.length} of ${stdout.totalBytes} bytes (jsonSubset parses at most the capture limit)`,
    );
  }
  const trimmed = stdoutText.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) {
    return check(
      name,
      false,
      `${what}; stdout is not JSON starting with "{" or "[": ${preview(trimmed.slice(0, 60))}`,
    );
  }
  let actual: unknown;
  try {
    actual = JSON.parse(trimmed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return check(name, false, `${what}; stdout is not valid JSON: ${reason.slice(0, 200)}`);
  }
  const mismatch = jsonSubsetMismatch(expected, actual);
  return check(
    name,
    mismatch === null,
    mismatch === null ? `${what}; matched` : `${what}; ${mismatch}`,
  );
}

function list(needles: readonly string[]): string {
  return needles.map((needle) => preview(needle)).join(', ');
}
