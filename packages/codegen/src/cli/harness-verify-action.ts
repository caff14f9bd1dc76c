import {
  formatProblem,
  locateSuite,
  readSuiteDocument,
  SuiteSourceError,
  verifySuite,
} from 'contracts-runtime/harness';
import { CliError, ExitCode } from './exit-codes.js';
import { plural } from './plural.js';
import type { RuntimeFlags } from './runtime-flags.js';
import { runtimeOptionsOf } from './runtime-transport.js';

/** The flags of `contracts harness verify`. */
export interface VerifyFlags extends RuntimeFlags {
  suite: string;
  format: 'text' | 'json';
}

/**
 * The action of `contracts harness verify` (harness-command.ts): checks the structure of the
 * suite `--suite` names, executing nothing, and prints each problem as `path: message` (or one
 * JSON document `{ok, suite, suiteId, problems}` with `--format json`). Returns the exit code: 0
 * the suite is valid, 1 it has problems.
 * @throws CliError (exit 2) when the suite file cannot be found or lies outside `--cwd`.
 */
export async function harnessVerify(flags: VerifyFlags): Promise<number> {
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
