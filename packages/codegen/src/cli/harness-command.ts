import { Command, Option } from 'commander';
import { createHarnessClient, type HarnessRunStartInput } from 'contracts-runtime/domains/harness';
import { isContractError } from 'contracts-runtime/errors';
import {
  formatProblem,
  HarnessInputError,
  locateSuite,
  parseRunInput,
  readSuiteDocument,
  type CaseStatus,
  type Problem,
  type RunInput,
  SuiteSourceError,
  verifySuite,
  watchHarnessEvents,
} from 'contracts-runtime/harness';
import { CliError, ExitCode } from './exit-codes.js';
import {
  exitCodeOfReport,
  formatReportText,
  reportOfRun,
  STATUS_LABELS,
} from './harness-run-report.js';
import { plural } from './plural.js';
import {
  addRuntimeFlags,
  exitCodeOfError,
  issuesOf,
  openTransport,
  readInputValue,
  runtimeOptionsOf,
  type RuntimeFlags,
} from './runtime-flags.js';

type Format = 'text' | 'json' | 'both';

interface RunFlags extends RuntimeFlags {
  input: string;
  dryRun?: boolean;
  quiet?: boolean;
  format: Format;
}

interface VerifyFlags extends RuntimeFlags {
  suite: string;
  format: 'text' | 'json';
}

/**
 * The CLI's run input mapped onto `harness.run.start@1.0.0` (see runtime/harness/run-metadata.ts):
 * `suiteRef` -> `suiteKey`, the rest (and `dryRun`) -> `metadata`.
 */
export function runStartInputOf(input: RunInput, dryRun: boolean): HarnessRunStartInput {
  const { suiteRef, ...rest } = input;
  return {
    suiteKey: suiteRef,
    mode: 'code-execution',
    metadata: { ...rest, ...(dryRun ? { dryRun: true } : {}) },
  };
}

/** `input.suiteKey` -> `suiteRef`, `input.metadata.executor.argv` -> `executor.argv`. */
export function cliFieldOf(contractPath: string): string {
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

async function runHarness(flags: RunFlags): Promise<number> {
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
  const opened = await openTransport({ kind: 'local' }, options, 'harness', { kind: 'user' });
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

/**
 * Prints a progress line per finished case on stderr, in the report's words:
 * `[2/4] PASS greets (exit 0, 58 ms) · 1.2 s elapsed`. On a terminal the line updates in place and
 * is cleared at the end. Returns the function that stops it.
 */
function watchProgress(
  app: { timeline: Parameters<typeof watchHarnessEvents>[0] },
  total: number | undefined,
): () => void {
  const started = performance.now();
  const tty = process.stderr.isTTY === true;
  let done = 0;
  let stopped = false;
  const unsubscribe = watchHarnessEvents(app.timeline, (event) => {
    if (stopped || event.key !== 'harness.step.completed') return;
    done += 1;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const line = `[${done}/${total ?? '?'}] ${progressText(String(event.payload.summary ?? ''))} · ${seconds} s elapsed`;
    process.stderr.write(tty ? `\r\x1b[2K${line}` : `${line}\n`);
  });
  return () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    if (tty && done > 0) process.stderr.write('\r\x1b[2K');
  };
}

const STEP_SUMMARY =
  /^(passed|failed|errored|skipped) (\S+)(?: \((?:exit (-?\d+)|signal \S+), (\d+) ms\))?(?:: (.*))?$/s;

/**
 * A step's summary (`errored x (signal none, 3 ms): …`, see the runtime's run mapping) in the
 * words of the report's case line: `ERROR x (no exit code, 3 ms): …`.
 */
export function progressText(summary: string): string {
  const match = STEP_SUMMARY.exec(summary);
  if (!match) return summary;
  const [, status, caseId, exitCode, durationMs, why] = match;
  const label = STATUS_LABELS[status as CaseStatus];
  const exit = exitCode === undefined ? 'no exit code' : `exit ${exitCode}`;
  const head =
    durationMs === undefined
      ? `${label} ${caseId}`
      : `${label} ${caseId} (${exit}, ${durationMs} ms)`;
  return why === undefined ? head : `${head}: ${why}`;
}

async function verifyHarness(flags: VerifyFlags): Promise<number> {
  const { cwd } = runtimeOptionsOf(flags, 'none');
  let document: unknown;
  let suitePath = flags.suite;
  try {
    const location = locateSuite(cwd, flags.suite);
    suitePath = location.relative;
    document = await readSuiteDocument(location);
  } catch (error) {
    if (!(error instanceof SuiteSourceError)) throw error;
    if (error.reason !== 'invalid') throw new CliError(`--suite: ${error.message}`, ExitCode.Usage);
    return printVerification(flags.format, suitePath, null, [
      { path: '(root)', message: error.message },
    ]);
  }
  const verification = verifySuite(document);
  return printVerification(
    flags.format,
    suitePath,
    verification.suite?.id ?? null,
    verification.problems,
    verification.cases.length,
  );
}

function printVerification(
  format: 'text' | 'json',
  suitePath: string,
  suiteId: string | null,
  problems: readonly { path: string; message: string }[],
  cases = 0,
): number {
  const ok = problems.length === 0;
  if (format === 'json') {
    process.stdout.write(
      `${JSON.stringify({ ok, suite: suitePath, suiteId, problems }, null, 2)}\n`,
    );
  } else {
    for (const problem of problems)
      process.stdout.write(`${suitePath}: ${formatProblem(problem)}\n`);
    process.stdout.write(
      ok
        ? `${suitePath}: suite ${suiteId} is valid (${plural(cases, 'case')})\n`
        : `${suitePath}: ${plural(problems.length, 'problem')}\n`,
    );
  }
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

function formatOption(choices: readonly string[]): Option {
  return new Option(
    '--format <format>',
    'how to report: text on stdout, or one JSON document on stdout in every outcome',
  )
    .choices([...choices])
    .default('text');
}

const RUN_HELP = `
The input is {suiteRef, executor, cases?, concurrency?}: inline JSON, @file, a file path, or - for
stdin. An --input path is relative to the current folder; every path inside the input (suiteRef,
executor.cwd) resolves in --cwd.

Examples:
  $ npx contracts harness run --input examples/harness/run-input.json
  $ npx contracts harness run --dry-run --input '{"suiteRef": "hello", "executor": {"kind": "command", "argv": ["node", "examples/harness/case.mjs"]}}'

Exit codes:
  0  every selected case passed (or a dry run)
  1  a case failed or errored, or the run was cancelled
  2  usage or invalid input (the field is named); a suite failing verify blocks the run
`;

const VERIFY_HELP = `
Examples:
  $ npx contracts harness verify --suite examples/harness/suite.json
  $ npx contracts harness verify --suite hello --format json     reads suites/hello.json

Exit codes:
  0  the suite is valid
  1  the suite has problems (each printed as path: message)
  2  usage error (no such suite file, a suite outside --cwd)
`;

const HARNESS_HELP = `
Examples:
  $ npx contracts harness verify --suite examples/harness/suite.json
  $ npx contracts harness run --input examples/harness/run-input.json

Exit codes: 0 ok, 1 a case failed or the suite is invalid, 2 usage or invalid input.
`;

/**
 * `contracts harness run|verify` (RAGit's `harness run`). `run` goes through the generated harness
 * client and router in process (`harness.run.start`); `verify` checks a suite's structure only.
 * Exit codes: 0 every case passed / suite valid, 1 a case failed or errored / suite invalid,
 * 2 usage or invalid input (the field is named). With `--format json` stdout holds one JSON
 * document in every outcome.
 */
export function harnessCommand(): Command {
  const harness = new Command('harness')
    .description('Run and verify harness suites')
    .addHelpText('after', HARNESS_HELP);
  const run = new Command('run')
    .description('Execute a suite against a local command and evaluate it with deterministic rules')
    .requiredOption(
      '--input <json|@file|path|->',
      'run input JSON {suiteRef, executor, cases?, concurrency?}: inline, @file, a path, or - for stdin',
    )
    .option(
      '--dry-run',
      'resolve, validate and plan only: list each case and its checks; writes nothing',
    )
    .option('--quiet', 'no progress lines on stderr')
    .addOption(formatOption(['text', 'json', 'both']))
    .addHelpText('after', RUN_HELP);
  addRuntimeFlags(run).action(async (flags: RunFlags) => {
    process.exitCode = await runHarness(flags);
  });
  const verify = new Command('verify')
    .description('Check the structure of a suite without executing anything')
    .requiredOption('--suite <path|key>', 'suite file under --cwd, or the key of suites/<key>.json')
    .option('--cwd <path>', 'folder the suite resolves in (default: the current folder)')
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', VERIFY_HELP)
    .action(async (flags: VerifyFlags) => {
      process.exitCode = await verifyHarness(flags);
    });
  for (const sub of [run, verify]) {
    harness.addCommand(
      sub
        .exitOverride()
        .showHelpAfterError('(run with --help for usage)')
        .showSuggestionAfterError(true),
    );
  }
  return harness;
}
