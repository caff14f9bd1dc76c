import path from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { contracts, createProject, steady, type Project } from '../cli-harness/cli-helpers.js';

/**
 * A newcomer's first runs, driven through the built CLI: a suite written from the README, JSON
 * output in every outcome, an honest dry run, progress lines, plurals, inline --input.
 */

const MINIMAL = { id: 'mine', cases: [{ id: 'prints-hi', expected: { mustInclude: ['hi'] } }] };
const ECHO_HI = { kind: 'command', argv: [process.execPath, '-e', 'console.log("hi")'] };
const MISSING = { kind: 'command', argv: ['no-such-binary'] };

let project: Project;
beforeEach(() => {
  project = createProject();
  project.write('suites/mine.json', MINIMAL);
  project.write('suites/typo.json', {
    id: 'typo',
    cases: [{ id: 'prints-hi', expected: { mustInclud: ['hi'] } }],
  });
});
afterEach(() => project.remove());

const RULE_FIELDS =
  'valid rule fields: exitCode, mustInclude, mustNotInclude, stderrMustInclude, stderrMustNotInclude, jsonSubset';

function run(input: object, ...flags: string[]): ReturnType<typeof contracts> {
  return contracts(
    ['harness', 'run', '--input', '-', '--cwd', project.dir, ...flags],
    project.dir,
    JSON.stringify(input),
  );
}

/** Elapsed seconds vary: `· 0.1 s elapsed` -> `· T s elapsed`. */
function steadyProgress(text: string): string {
  return steady(text).replace(/\d+\.\d s elapsed/g, 'T s elapsed');
}

describe('a suite written from the README', () => {
  test('title and input are optional: verify exits 0 and says "1 case"', () => {
    const result = contracts(
      ['harness', 'verify', '--suite', 'mine', '--cwd', project.dir],
      project.dir,
    );
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([
      0,
      'suites/mine.json: suite mine is valid (1 case)\n',
      '',
    ]);
  });

  test('harness run executes it; the case document carries the defaults', () => {
    const printsDocument = {
      kind: 'command',
      argv: [
        process.execPath,
        '-e',
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{const d=JSON.parse(s);console.log("hi",JSON.stringify([d.suite.title,d.case.title,d.case.input]))})',
      ],
    };
    project.write('suites/defaults.json', {
      id: 'defaults',
      cases: [{ id: 'c', expected: { mustInclude: ['["defaults","c",{}]'] } }],
    });
    const result = run({ suiteRef: 'defaults', executor: printsDocument }, '--format', 'json');
    const report = JSON.parse(result.stdout);
    expect([result.status, report.summary, report.caseResults[0].checks]).toStrictEqual([
      0,
      { total: 1, passed: 1, failed: 0, errored: 0, skipped: 0 },
      [
        { name: 'implicit.exitCode', status: 'passed', message: 'expected exit code 0, saw 0' },
        {
          name: 'case.c.mustInclude',
          status: 'passed',
          message:
            'expected stdout to include "[\\"defaults\\",\\"c\\",{}]"; all found in 23 bytes of stdout',
        },
      ],
    ]);
  });

  test('every problem of a suite at once, one per root cause, with did-you-mean', () => {
    project.write('suites/many.json', {
      id: 'many',
      cases: [
        { id: 'a', expected: { mustInclud: ['x'] }, oracleRefs: ['says-hi', 'ghost'] },
        { id: 'b', oracleRefs: ['ghost'] },
      ],
      oracles: [{ id: 'says-hi', rules: { mustNotInclud: ['bye'] } }],
    });
    const result = contracts(['harness', 'verify', '--suite', 'many'], project.dir);
    expect([result.status, result.stdout]).toStrictEqual([
      1,
      [
        `suites/many.json: cases[0].expected.mustInclud: unknown field; did you mean "mustInclude"?; ${RULE_FIELDS}`,
        `suites/many.json: oracles[0].rules.mustNotInclud: unknown field; did you mean "mustNotInclude"?; ${RULE_FIELDS}`,
        'suites/many.json: cases[0].oracleRefs[1]: unresolved reference "ghost" (also referenced at cases[1].oracleRefs[0]); valid rule resource ids: says-hi',
        'suites/many.json: 3 problems',
        '',
      ].join('\n'),
    ]);
  });
});

describe('--format json prints one JSON document on stdout in every outcome', () => {
  test('a run blocked by preflight: the blocked run with its id, and the error (exit 2)', () => {
    const result = run({ suiteRef: 'typo', executor: ECHO_HI }, '--format', 'json');
    const document = JSON.parse(steady(result.stdout));
    expect([
      result.status,
      document.runId,
      document.status,
      document.runPath,
      document.caseResults.map((c: { caseId: string }) => c.caseId),
      document.error.code,
      document.error.problems,
    ]).toStrictEqual([
      2,
      'hr-ID',
      'blocked',
      '.contracts/harness-runs/hr-ID.json',
      ['prints-hi'],
      'VALIDATION_FAILED',
      [
        {
          path: 'suiteRef',
          message: `suites/typo.json fails verify at cases[0].expected.mustInclud: unknown field; did you mean "mustInclude"?; ${RULE_FIELDS}`,
        },
        { path: 'suiteRef', message: 'run hr-ID is blocked by preflight; nothing was executed' },
      ],
    ]);
  });

  test('a usage error (missing --input) and invalid input', () => {
    const usage = contracts(['harness', 'run', '--format', 'json'], project.dir);
    expect([usage.status, JSON.parse(usage.stdout)]).toStrictEqual([
      2,
      {
        ok: false,
        error: {
          code: 'USAGE',
          message: "required option '--input <json|@file|path|->' not specified",
          problems: [],
        },
      },
    ]);
    const invalid = run({ suiteRef: 'mine' }, '--format', 'json');
    expect([invalid.status, JSON.parse(invalid.stdout), invalid.stderr]).toStrictEqual([
      2,
      {
        ok: false,
        error: {
          code: 'USAGE',
          message: 'invalid run input',
          problems: [{ path: 'executor', message: 'required' }],
        },
      },
      'contracts: executor: required\n',
    ]);
  });

  test('verify of a missing suite', () => {
    const result = contracts(
      ['harness', 'verify', '--suite', 'absent', '--format', 'json'],
      project.dir,
    );
    expect([result.status, JSON.parse(result.stdout)]).toStrictEqual([
      2,
      {
        ok: false,
        error: {
          code: 'USAGE',
          message: '--suite: no suite file suites/absent.json',
          problems: [],
        },
      },
    ]);
  });
});

describe('an honest dry run', () => {
  test('a misspelt rule: the case is named, with the problem that stops it', () => {
    const result = run({ suiteRef: 'typo', executor: ECHO_HI }, '--dry-run');
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([
      0,
      [
        'SKIP  prints-hi: see cases[0].expected.mustInclud',
        'dry run of the suite: 1 case planned (1 not runnable, see the warnings); the suite fails verify, so a real run would be blocked; nothing executed or written',
        '',
      ].join('\n'),
      `warning: cases[0].expected.mustInclud: unknown field; did you mean "mustInclude"?; ${RULE_FIELDS}\n`,
    ]);
  });

  test('every planned case with its checks, in JSON too', () => {
    const result = run({ suiteRef: 'mine', executor: ECHO_HI }, '--dry-run', '--format', 'both');
    const [text, json] = result.stdout.split(/\n(?=\{)/);
    expect([result.status, text, JSON.parse(json!).caseResults[0].plannedChecks]).toStrictEqual([
      0,
      'PLAN  prints-hi: implicit.exitCode, case.prints-hi.mustInclude\ndry run of mine: 1 case planned; nothing executed or written',
      ['implicit.exitCode', 'case.prints-hi.mustInclude'],
    ]);
  });

  test('argv[0] not on PATH: the dry run warns; the real run says command not found, in the same words on stderr and stdout', () => {
    const dry = run({ suiteRef: 'mine', executor: MISSING }, '--dry-run');
    expect([dry.status, dry.stderr]).toStrictEqual([
      0,
      'warning: executor.argv[0]: command not found: no-such-binary (searched PATH); every case would error\n',
    ]);
    const real = run({ suiteRef: 'mine', executor: MISSING });
    expect([real.status, steady(real.stdout), steadyProgress(real.stderr)]).toStrictEqual([
      1,
      [
        'ERROR prints-hi (no exit code, N ms): command not found: no-such-binary (searched PATH)',
        '1 case: 0 passed, 0 failed, 1 errored, 0 skipped; run hr-ID failed',
        'record: .contracts/harness-runs/hr-ID.json',
        '',
      ].join('\n'),
      '[1/1] ERROR prints-hi (no exit code, N ms): command not found: no-such-binary (searched PATH) · T s elapsed\n',
    ]);
  });
});

describe('progress and input forms', () => {
  test('progress is [n/N] with elapsed time; --quiet silences it', () => {
    project.write('suites/two.json', { id: 'two', cases: [{ id: 'one' }, { id: 'two' }] });
    const loud = run({ suiteRef: 'two', executor: ECHO_HI });
    const quiet = run({ suiteRef: 'two', executor: ECHO_HI }, '--quiet');
    expect([loud.status, steadyProgress(loud.stderr), quiet.stderr]).toStrictEqual([
      0,
      '[1/2] PASS one (exit 0, N ms) · T s elapsed\n[2/2] PASS two (exit 0, N ms) · T s elapsed\n',
      '',
    ]);
  });

  test('--input takes inline JSON like contracts call', () => {
    const inline = JSON.stringify({ suiteRef: 'mine', executor: ECHO_HI });
    const result = contracts(
      ['harness', 'run', '--input', inline, '--cwd', project.dir, '--quiet'],
      project.dir,
    );
    expect([result.status, steady(result.stdout).split('\n')[0]]).toStrictEqual([
      0,
      'PASS  prints-hi (exit 0, N ms)',
    ]);
  });

  test('--input is relative to the shell folder, and the error shows the absolute path', () => {
    const elsewhere = path.join(project.dir, 'suites');
    const result = contracts(
      ['harness', 'run', '--cwd', project.dir, '--input', 'run.json'],
      elsewhere,
    );
    expect([result.status, result.stderr]).toStrictEqual([
      2,
      `contracts: --input: cannot read ${path.join(elsewhere, 'run.json')} (no such file); an --input path is relative to the current folder, not --cwd\n`,
    ]);
  });

  test('empty stdin says so; bad JSON gives line and column', () => {
    const empty = contracts(['harness', 'run', '--input', '-'], project.dir, '');
    const bad = contracts(
      ['harness', 'run', '--input', '-'],
      project.dir,
      '{\n  "suiteRef": "mine",\n  oops\n}',
    );
    expect([empty.status, empty.stderr, bad.status, bad.stderr]).toStrictEqual([
      2,
      'contracts: --input: stdin was empty; expected a JSON document\n',
      2,
      'contracts: --input: stdin is not valid JSON at line 3, column 3: Expected double-quoted property name\n',
    ]);
  });
});
