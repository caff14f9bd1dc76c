import { Command, Option } from './commander.js';
import type { RunFlags } from './harness-run-action.js';
import type { VerifyFlags } from './harness-verify-action.js';
import { addRuntimeFlags } from './runtime-flags.js';

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
 * document in every outcome. The actions (harness-run-action.ts, harness-verify-action.ts) and the
 * runtime load only when one runs.
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
    const { harnessRun } = await import('./harness-run-action.js');
    process.exitCode = await harnessRun(flags);
  });
  const verify = new Command('verify')
    .description('Check the structure of a suite without executing anything')
    .requiredOption('--suite <path|key>', 'suite file under --cwd, or the key of suites/<key>.json')
    .option('--cwd <path>', 'folder the suite resolves in (default: the current folder)')
    .addOption(formatOption(['text', 'json']))
    .addHelpText('after', VERIFY_HELP)
    .action(async (flags: VerifyFlags) => {
      const { harnessVerify } = await import('./harness-verify-action.js');
      process.exitCode = await harnessVerify(flags);
    });
  for (const sub of [run, verify]) harness.addCommand(sub);
  return harness;
}
