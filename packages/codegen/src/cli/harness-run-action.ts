import { createHarnessClient, type HarnessRunStartInput } from 'contracts-runtime/domains/harness';
import { isContractError } from 'contracts-runtime/errors';
import {
  formatProblem,
  HarnessInputError,
  locateSuite,
  parseRunInput,
  readSuiteDocument,
  type Problem,
  type RunInput,
  verifySuite,
} from 'contracts-runtime/harness';
import { exitCodeOfError, issuesOf } from './contract-error-output.js';
import { ExitCode } from './exit-codes.js';
import { exitCodeOfReport, formatReportText, reportOfRun } from './harness-run-report.js';
import { watchProgress } from './harness-run-progress.js';
import { readInputValue } from './input-value.js';
import type { RuntimeFlags } from './runtime-flags.js';
import { openLocalTransport, runtimeOptionsOf } from './runtime-transport.js';

type Format = 'text' | 'json' | 'both';

/** The flags of `contracts harness run`. */
export interface RunFlags extends RuntimeFlags {
  input: string;
  dryRun?: boolean;
  quiet?: boolean;
  format: Format;
}

/**
 * The CLI's run input mapped onto `harness.run.start@1.0.0` (see runtime/harness/run-metadata.ts):
 * `suiteRef` -> `suiteKey`, the rest (and `dryRun`) -> `metadata`.
 */
function runStartInputOf(input: RunInput, dryRun: boolean): HarnessRunStartInput {
  const { suiteRef, ...rest } = input;
  return {
    suiteKey: suiteRef,
    mode: 'code-execution',
    metadata: { ...rest, ...(dryRun ? { dryRun: true } : {}) },
  };
}

/** `input.suiteKey` -> `suiteRef`, `input.metadata.executor.argv` -> `executor.argv`. */
function cliFieldOf(contractPath: string): string {
  if (contractPath === 'input.suiteKey') return 'suiteRef';
  if (contractPath.startsWith('input.metadata.'))
    return contractPath.slice('input.metadata.'.length);
  return contractPath.startsWith('input.') ? contractPath.slice('input.'.length) : contractPath;
}

/**
 * The JSON document of a run that ended before a report: `{ok: false, error: {code, message,
 * problems: [{path, message}]}}` (`code` is `USAGE` for input the CLI refused, else the contract
 * error's code).
 */
function errorDocument(code: string, message: string, problems: readonly Problem[]): string {
  return `${JSON.stringify({ ok: false, error: { code, message, problems } }, null, 2)}\n`;
}

/** Prints `problems` on stderr, and on stdout as one JSON document unless the format is text. */
function refuse(format: Format, code: string, message: string, problems: readonly Problem[]): void {
  for (const problem of problems) process.stderr.write(`contracts: ${formatProblem(problem)}\n`);
  if (problems.length === 0) process.stderr.write(`contracts: ${message}\n`);
  if (format !== 'text') process.stdout.write(errorDocument(code, message, problems));
}

/** How many cases a run of `input` selects, read from its suite; undefined when unreadable. */
async function plannedCount(input: RunInput, cwd: string): Promise<number | undefined> {
  if (input.cases !== undefined) return input.cases.length;
  try {
    return verifySuite(await readSuiteDocument(locateSuite(cwd, input.suiteRef))).cases.length;
  } catch {
    return undefined;
  }
}

const BLOCKED_RUN = /^run (hr-[0-9a-f]+) is blocked by preflight/;

/**
 * The action of `contracts harness run` (harness-command.ts, RAGit's `harness run`): starts the
 * run through the generated harness client over the in-process router (`harness.run.start`),
 * prints progress lines on stderr, and the report as text and/or one JSON document on stdout.
 * Returns the exit code: 0 every selected case passed (or a dry run), 1 a case failed or errored,
 * 2 invalid input (each field named) or a run blocked by preflight.
 * @throws CliError (exit 2) for an unreadable `--input`.
 */
export async function harnessRun(flags: RunFlags): Promise<number> {
  let input: RunInput;
  try {
    input = parseRunInput(await readInputValue(flags.input, true));
  } catch (error) {
    if (error instanceof HarnessInputError) {
      refuse(flags.format, 'USAGE', 'invalid run input', error.problems);
      return ExitCode.Usage;
    }
    throw error;
  }
  const dryRun = flags.dryRun === true;
  // The local user already is the host's user: an inline executor (RAGit's `harness run` input) runs.
  const options = runtimeOptionsOf(flags, 'none', { inlineExecutors: true });
  const total = await plannedCount(input, options.cwd);
  const opened = await openLocalTransport(options, 'harness', { kind: 'user' });
  const stopWatching =
    flags.format !== 'json' && flags.quiet !== true && opened.app && !dryRun
      ? watchProgress(opened.app, total)
      : () => undefined;
  const client = createHarnessClient(opened.transport);
  try {
    const { run } = await client.run.start(runStartInputOf(input, dryRun));
    stopWatching();
    const report = reportOfRun(run, options.cwd, options.stateDir);
    if (flags.format !== 'json') {
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(formatReportText(report));
    }
    if (flags.format !== 'text') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return exitCodeOfReport(report);
  } catch (error) {
    stopWatching();
    if (!isContractError(error)) throw error;
    const issues = issuesOf(error);
    const problems = issues.map((issue) => ({
      path: cliFieldOf(issue.path),
      message: issue.message,
    }));
    const blocked = issues.map((issue) => BLOCKED_RUN.exec(issue.message)?.[1]).find(Boolean);
    if (blocked !== undefined && flags.format !== 'text') {
      for (const problem of problems)
        process.stderr.write(`contracts: ${formatProblem(problem)}\n`);
      const { run } = await client.run.get({ runId: blocked });
      const report = reportOfRun(run, options.cwd, options.stateDir);
      const document = { ...report, error: { code: error.code, message: error.message, problems } };
      process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      return exitCodeOfError(error);
    }
    refuse(flags.format, error.code, `${error.code}: ${error.message}`, problems);
    return exitCodeOfError(error);
  } finally {
    await opened.close();
  }
}
