import { Command, Option } from 'commander';
import { createHarnessClient, type HarnessRunStartInput } from 'contracts-runtime/domains/harness';
import { isContractError } from 'contracts-runtime/errors';
import {
  formatProblem,
  HarnessInputError,
  locateSuite,
  parseRunInput,
  readSuiteDocument,
  type RunInput,
  SuiteSourceError,
  verifySuite,
  watchHarnessEvents,
} from 'contracts-runtime/harness';
import { CliError, ExitCode } from './exit-codes.js';
import { exitCodeOfReport, formatReportText, reportOfRun } from './harness-run-report.js';
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

async function runHarness(flags: RunFlags): Promise<number> {
  let input: RunInput;
  try {
    input = parseRunInput(await readInputValue(flags.input, true));
  } catch (error) {
    if (error instanceof HarnessInputError) {
      for (const problem of error.problems)
        process.stderr.write(`contracts: ${formatProblem(problem)}\n`);
      return ExitCode.Usage;
    }
    throw error;
  }
  const dryRun = flags.dryRun === true;
  // The local user already is the host's user: an inline executor (RAGit's `harness run` input) runs.
  const options = runtimeOptionsOf(flags, 'none', { inlineExecutors: true });
  const opened = await openTransport({ kind: 'local' }, options, 'harness', { kind: 'user' });
  const stopWatching =
    flags.format === 'text' && opened.app
      ? watchHarnessEvents(opened.app.timeline, progressPrinter())
      : () => undefined;
  try {
    const client = createHarnessClient(opened.transport);
    const { run } = await client.run.start(runStartInputOf(input, dryRun));
    const report = reportOfRun(run, options.cwd, options.stateDir);
    if (flags.format !== 'json') {
      for (const warning of report.warnings) process.stderr.write(`warning: ${warning}\n`);
      process.stdout.write(formatReportText(report));
    }
    if (flags.format !== 'text') process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return exitCodeOfReport(report);
  } catch (error) {
    if (!isContractError(error)) throw error;
    const issues = issuesOf(error);
    if (issues.length === 0) process.stderr.write(`contracts: ${error.code}: ${error.message}\n`);
    for (const issue of issues)
      process.stderr.write(`contracts: ${cliFieldOf(issue.path)}: ${issue.message}\n`);
    return exitCodeOfError(error);
  } finally {
    stopWatching();
    await opened.close();
  }
}

function progressPrinter(): (event: { key: string; payload: Record<string, unknown> }) => void {
  let done = 0;
  return (event) => {
    if (event.key !== 'harness.step.completed') return;
    done += 1;
    process.stderr.write(`[${done}] ${String(event.payload.summary ?? event.payload.stepId)}\n`);
  };
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
    verification.suite?.cases.length,
  );
}

function printVerification(
  format: 'text' | 'json',
  suitePath: string,
  suiteId: string | null,
  problems: readonly { path: string; message: string }[],
  cases?: number,
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
        ? `${suitePath}: suite ${suiteId} is valid (${cases ?? 0} cases)\n`
        : `${suitePath}: ${problems.length} problem(s)\n`,
    );
  }
  return ok ? ExitCode.Ok : ExitCode.Failure;
}

function formatOption(choices: readonly string[]): Option {
  return new Option('--format <format>', 'how to report').choices([...choices]).default('text');
}

/**
 * `contracts harness run|verify` (RAGit's `harness run`). `run` goes through the generated harness
 * client and router in process (`harness.run.start`); `verify` checks a suite's structure only.
 * Exit codes: 0 every case passed / suite valid, 1 a case failed or errored / suite invalid,
 * 2 usage or invalid input (the field is named).
 */
export function harnessCommand(): Command {
  const harness = new Command('harness').description('Run and verify harness suites');
  const run = new Command('run')
    .description('Execute a suite against a local command and evaluate it with deterministic rules')
    .requiredOption(
      '--input <path|->',
      'run input JSON: {suiteRef, executor, cases?, concurrency?}',
    )
    .option('--dry-run', 'resolve, validate and plan only; writes nothing')
    .addOption(formatOption(['text', 'json', 'both']));
  addRuntimeFlags(run).action(async (flags: RunFlags) => {
    process.exitCode = await runHarness(flags);
  });
  const verify = new Command('verify')
    .description('Check the structure of a suite without executing anything')
    .requiredOption('--suite <path|key>', 'suite file under --cwd, or the key of suites/<key>.json')
    .option('--cwd <path>', 'folder the suite resolves in')
    .addOption(formatOption(['text', 'json']))
    .action(async (flags: VerifyFlags) => {
      process.exitCode = await verifyHarness(flags);
    });
  for (const sub of [run, verify]) {
    harness.addCommand(sub.exitOverride().showHelpAfterError('(run with --help for usage)'));
  }
  return harness;
}
