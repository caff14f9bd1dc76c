import { readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { PROJECT_ROOT } from '../support/cli.js';
import {
  caseExecutor,
  CASE_SCRIPT,
  contracts,
  createProject,
  steady,
  type Project,
} from './cli-helpers.js';

const SMOKE = {
  id: 'smoke',
  title: 'Smoke',
  cases: [
    {
      id: 'greets',
      title: 'Greets',
      input: { say: 'hello world' },
      expected: { mustInclude: ['hello'] },
      oracleRefs: ['says-world'],
    },
    { id: 'exits', title: 'Exits 3', input: { exitCode: 3 }, expected: { exitCode: 3 } },
  ],
  oracles: [{ id: 'says-world', rules: { mustInclude: ['world'] } }],
};

const FAILING = {
  id: 'failing',
  title: 'Failing',
  cases: [
    { id: 'fine', title: 'Fine', input: { say: 'ok' } },
    {
      id: 'wrong',
      title: 'Wrong',
      input: { say: 'goodbye', exitCode: 1 },
      expected: { mustInclude: ['hello'] },
    },
  ],
};

/** The unresolved oracle of the broken suite below, with the nearest id and the valid ones. */
const GHOST = 'unresolved reference "ghost"; valid rule resource ids: says-world';

let project: Project;
beforeEach(() => {
  project = createProject();
  project.write('suites/smoke.json', SMOKE);
  project.write('suites/failing.json', FAILING);
});
afterEach(() => project.remove());

/** `contracts harness run --input - --cwd <project> …` with `input` as the run input. */
function run(input: object, ...flags: string[]): ReturnType<typeof contracts> {
  return contracts(
    ['harness', 'run', '--input', '-', '--cwd', project.dir, ...flags],
    project.dir,
    JSON.stringify(input),
  );
}

describe('contracts harness run', () => {
  test('text: one line per case and a summary; progress on stderr; exit 0', () => {
    const result = run({ suiteRef: 'smoke', executor: caseExecutor() });
    expect([result.status, steady(result.stdout)]).toStrictEqual([
      0,
      [
        'PASS  greets (exit 0, N ms)',
        'PASS  exits (exit 3, N ms)',
        '2 cases: 2 passed, 0 failed, 0 errored, 0 skipped; run hr-ID completed',
        'record: .contracts/harness-runs/hr-ID.json',
        '',
      ].join('\n'),
    ]);
    expect(steady(result.stderr).replace(/\d+\.\d s elapsed/g, 'T s elapsed')).toBe(
      '[1/2] PASS greets (exit 0, N ms) · T s elapsed\n[2/2] PASS exits (exit 3, N ms) · T s elapsed\n',
    );
    const runId = /run (hr-[0-9a-f]{16})/.exec(result.stdout)?.[1];
    const record = JSON.parse(
      readFileSync(path.join(project.dir, `.contracts/harness-runs/${runId}.json`), 'utf8'),
    );
    expect([record.run.status, record.summary]).toStrictEqual([
      'completed',
      { total: 2, passed: 2, failed: 0, errored: 0, skipped: 0 },
    ]);
  });

  test('json: the documented fields; a failing case exits 1', () => {
    const result = run(
      { suiteRef: 'suites/failing.json', executor: caseExecutor() },
      '--format',
      'json',
    );
    expect(result.status).toBe(1);
    const report = JSON.parse(steady(result.stdout));
    expect(Object.keys(report)).toStrictEqual([
      'runId',
      'suiteId',
      'runPath',
      'preflight',
      'summary',
      'caseResults',
      'dryRun',
      'warnings',
      'status',
      'evaluationId',
    ]);
    expect(report).toStrictEqual({
      runId: 'hr-ID',
      suiteId: 'failing',
      runPath: '.contracts/harness-runs/hr-ID.json',
      preflight: { ok: true, problems: [] },
      summary: { total: 2, passed: 1, failed: 1, errored: 0, skipped: 0 },
      caseResults: [
        {
          caseId: 'fine',
          status: 'passed',
          exitCode: 0,
          durationMs: 0,
          truncated: { stdout: false, stderr: false },
          checks: [
            { name: 'implicit.exitCode', status: 'passed', message: 'expected exit code 0, saw 0' },
          ],
          evidenceIds: ['hr-ID:fine:stdout', 'hr-ID:fine:stderr'],
          error: null,
          plannedChecks: null,
        },
        {
          caseId: 'wrong',
          status: 'failed',
          exitCode: 1,
          durationMs: 0,
          truncated: { stdout: false, stderr: false },
          checks: [
            { name: 'implicit.exitCode', status: 'failed', message: 'expected exit code 0, saw 1' },
            {
              name: 'case.wrong.mustInclude',
              status: 'failed',
              message: 'expected stdout to include "hello"; missing "hello" in 8 bytes of stdout',
            },
          ],
          evidenceIds: ['hr-ID:wrong:stdout', 'hr-ID:wrong:stderr', 'hr-ID:wrong:failure'],
          error: null,
          plannedChecks: null,
        },
      ],
      dryRun: false,
      warnings: [],
      status: 'failed',
      evaluationId: 'he-ID',
    });
    expect(result.stderr).toBe('');
  });

  test('both: the text report, then the JSON report', () => {
    const result = run(
      { suiteRef: 'smoke', executor: caseExecutor(), cases: ['exits'] },
      '--format',
      'both',
    );
    const [text, json] = steady(result.stdout).split(/\n(?=\{)/);
    expect([result.status, text]).toStrictEqual([
      0,
      [
        'PASS  exits (exit 3, N ms)',
        '1 case: 1 passed, 0 failed, 0 errored, 0 skipped; run hr-ID completed',
        'record: .contracts/harness-runs/hr-ID.json',
      ].join('\n'),
    ]);
    expect(JSON.parse(json!).summary).toStrictEqual({
      total: 1,
      passed: 1,
      failed: 0,
      errored: 0,
      skipped: 0,
    });
  });

  test('the example of examples/harness runs from the project root', () => {
    const stateDir = path.join(project.dir, 'state');
    const result = contracts(
      [
        'harness',
        'run',
        '--input',
        'examples/harness/run-input.json',
        '--state-dir',
        stateDir,
        '--format',
        'json',
      ],
      PROJECT_ROOT,
    );
    const report = JSON.parse(result.stdout);
    expect([result.status, report.suiteId, report.summary, report.runPath]).toStrictEqual([
      0,
      'example-smoke',
      { total: 4, passed: 4, failed: 0, errored: 0, skipped: 0 },
      path.join(stateDir, `harness-runs/${report.runId}.json`),
    ]);
  });

  test('env values and secrets are masked in the output and every state file; records keep env keys', () => {
    const secret = 'env-value-7d1c9e';
    project.write('suites/env.json', {
      id: 'env',
      title: 'Env',
      cases: [
        {
          id: 'leaks',
          title: 'Leaks',
          input: { echoEnv: 'LEAKY', stderr: `Authorization: Bearer abc.def.ghi ${secret}` },
          expected: { mustNotInclude: [secret] },
        },
      ],
    });
    const result = run(
      { suiteRef: 'env', executor: caseExecutor({ env: { LEAKY: secret } }) },
      '--format',
      'both',
    );
    expect(result.status).toBe(1);
    expect([result.stdout.includes(secret), result.stderr.includes(secret)]).toStrictEqual([
      false,
      false,
    ]);
    expect(result.stdout).toContain('FAIL  leaks (exit 0, ');
    expect(result.stdout).toContain(
      'case.leaks.mustNotInclude: expected stdout not to include "***"; found "***"',
    );
    const leaking = project
      .files('.contracts')
      .filter((file) =>
        /env-value|abc\.def\.ghi/.test(
          readFileSync(path.join(project.dir, '.contracts', file), 'utf8'),
        ),
      );
    expect(leaking).toStrictEqual([]);
    const [recordFile] = project.files('.contracts/harness-runs');
    const record = JSON.parse(
      readFileSync(path.join(project.dir, '.contracts/harness-runs', recordFile!), 'utf8'),
    );
    expect(record.executor).toStrictEqual({
      kind: 'command',
      argv: [process.execPath, CASE_SCRIPT],
      cwd: '.',
      envKeys: ['LEAKY'],
      timeoutMs: 60000,
    });
  });
});

describe('contracts harness run: input errors exit 2 and name the field', () => {
  const cases: [string, object, string][] = [
    ['missing executor', { suiteRef: 'smoke' }, 'contracts: executor: required\n'],
    [
      'unknown field',
      { suiteRef: 'smoke', executor: caseExecutor(), extra: 1 },
      'contracts: extra: unknown field\n',
    ],
    [
      'control character in argv',
      { suiteRef: 'smoke', executor: caseExecutor({ argv: ['node', 'x\u001b[2J'] }) },
      'contracts: executor.argv[1]: control characters are not allowed\n',
    ],
    [
      'control character in suiteRef',
      { suiteRef: 'smo\nke', executor: caseExecutor() },
      'contracts: suiteRef: control characters are not allowed\n',
    ],
    [
      'zero concurrency',
      { suiteRef: 'smoke', executor: caseExecutor(), concurrency: 0 },
      'contracts: concurrency: must be >= 1\n',
    ],
    [
      'unknown case',
      { suiteRef: 'smoke', executor: caseExecutor(), cases: ['greets', 'nope'] },
      'contracts: cases[1]: unknown case id "nope"\n',
    ],
    [
      'missing suite',
      { suiteRef: 'absent', executor: caseExecutor() },
      'contracts: suiteRef: no suite file suites/absent.json\n',
    ],
    [
      'suiteRef climbing out with ..',
      { suiteRef: '../outside.json', executor: caseExecutor() },
      'contracts: suiteRef: "../outside.json" leaves the working directory\n',
    ],
    [
      'executor cwd climbing out with ..',
      { suiteRef: 'smoke', executor: caseExecutor({ cwd: 'suites/../..' }) },
      'contracts: executor.cwd: leaves the working directory\n',
    ],
    [
      'absolute suiteRef elsewhere',
      { suiteRef: path.join(tmpdir(), 'x.json'), executor: caseExecutor() },
      `contracts: suiteRef: ${JSON.stringify(path.join(tmpdir(), 'x.json'))} leaves the working directory\n`,
    ],
  ];
  test.each(cases)('%s', (_name, input, stderr) => {
    const result = run(input);
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([2, '', stderr]);
    expect(project.files('.contracts')).toStrictEqual([]);
  });

  test('a symlink out of --cwd is refused, for the suite and for the executor cwd', () => {
    const outside = createProject();
    try {
      outside.write('suite.json', SMOKE);
      symlinkSync(outside.dir, path.join(project.dir, 'linked'));
      const suite = run({ suiteRef: 'linked/suite.json', executor: caseExecutor() });
      const cwd = run({ suiteRef: 'smoke', executor: caseExecutor({ cwd: 'linked' }) });
      expect([suite.status, suite.stderr, cwd.status, cwd.stderr]).toStrictEqual([
        2,
        'contracts: suiteRef: "linked/suite.json" leaves the working directory through a symlink\n',
        2,
        'contracts: executor.cwd: leaves the working directory through a symlink\n',
      ]);
      expect(project.files('.contracts')).toStrictEqual([]);
    } finally {
      outside.remove();
    }
  });

  test('input that is not JSON, and a missing input file', () => {
    const bad = contracts(
      ['harness', 'run', '--input', '-', '--cwd', project.dir],
      project.dir,
      '{nope',
    );
    const missing = contracts(['harness', 'run', '--input', 'absent.json'], project.dir);
    expect([bad.status, bad.stderr]).toStrictEqual([
      2,
      "contracts: --input: stdin is not valid JSON at line 1, column 2: Expected property name or '}'\n",
    ]);
    expect([missing.status, missing.stderr]).toStrictEqual([
      2,
      `contracts: --input: cannot read ${path.join(project.dir, 'absent.json')} (no such file); an --input path is relative to the current folder, not --cwd\n`,
    ]);
  });

  test('a bad --format is a usage error', () => {
    const result = run({ suiteRef: 'smoke', executor: caseExecutor() }, '--format', 'xml');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("error: option '--format <format>' argument 'xml' is invalid");
  });
});

describe('contracts harness run --dry-run and preflight', () => {
  test('--dry-run plans every case and writes nothing, not even the state directory', () => {
    const result = run({ suiteRef: 'smoke', executor: caseExecutor() }, '--dry-run');
    expect([result.status, steady(result.stdout), result.stderr]).toStrictEqual([
      0,
      [
        'PLAN  greets: implicit.exitCode, case.greets.mustInclude, oracle.says-world.mustInclude',
        'PLAN  exits: case.exits.exitCode',
        'dry run of smoke: 2 cases planned; nothing executed or written',
        '',
      ].join('\n'),
      '',
    ]);
    expect(project.files()).toStrictEqual(['suites/failing.json', 'suites/smoke.json']);
  });

  test('a suite failing verify refuses the run (exit 2); under --dry-run its problems are warnings', () => {
    project.write('suites/broken.json', {
      ...SMOKE,
      cases: [{ ...SMOKE.cases[0], oracleRefs: ['ghost'] }],
    });
    const input = { suiteRef: 'broken', executor: caseExecutor() };
    const dry = run(input, '--dry-run', '--format', 'json');
    const report = JSON.parse(dry.stdout);
    expect([dry.status, report.preflight, report.warnings, report.dryRun]).toStrictEqual([
      0,
      {
        ok: false,
        problems: [{ path: 'cases[0].oracleRefs[0]', message: GHOST }],
      },
      [`cases[0].oracleRefs[0]: ${GHOST}`],
      true,
    ]);
    expect(project.files('.contracts')).toStrictEqual([]);
    const refused = run(input);
    expect([refused.status, refused.stdout, steady(refused.stderr)]).toStrictEqual([
      2,
      '',
      [
        `contracts: suiteRef: suites/broken.json fails verify at cases[0].oracleRefs[0]: ${GHOST}`,
        'contracts: suiteRef: run hr-ID is blocked by preflight; nothing was executed',
        '',
      ].join('\n'),
    ]);
  });
});

describe('contracts harness verify', () => {
  test('a valid suite by key exits 0', () => {
    const result = contracts(
      ['harness', 'verify', '--suite', 'smoke', '--cwd', project.dir],
      project.dir,
    );
    expect([result.status, result.stdout]).toStrictEqual([
      0,
      'suites/smoke.json: suite smoke is valid (2 cases)\n',
    ]);
  });

  test('every problem is listed at once and exits 1; json format', () => {
    project.write('suites/bad.json', {
      id: 'bad',
      title: 'Bad',
      cases: [
        { id: 'c', title: 'C', input: {}, expected: { mustInclude: [3] }, oracleRefs: ['o'] },
      ],
      oracles: [{ id: 'o' }],
    });
    const text = contracts(['harness', 'verify', '--suite', 'suites/bad.json'], project.dir);
    expect([text.status, text.stdout]).toStrictEqual([
      1,
      [
        'suites/bad.json: cases[0].expected.mustInclude[0]: expected string',
        'suites/bad.json: cases[0].oracleRefs[0]: oracle "o" (oracles[0]) carries no rule',
        'suites/bad.json: 2 problems',
        '',
      ].join('\n'),
    ]);
    project.write('suites/norule.json', {
      id: 'norule',
      title: 'No rule',
      cases: [{ id: 'c', title: 'C', input: {}, oracleRefs: ['o'] }],
      oracles: [{ id: 'o' }],
    });
    const json = contracts(
      ['harness', 'verify', '--suite', 'norule', '--format', 'json'],
      project.dir,
    );
    expect([json.status, JSON.parse(json.stdout)]).toStrictEqual([
      1,
      {
        ok: false,
        suite: 'suites/norule.json',
        suiteId: 'norule',
        problems: [
          { path: 'cases[0].oracleRefs[0]', message: 'oracle "o" (oracles[0]) carries no rule' },
        ],
      },
    ]);
  });

  test('a suite that is not JSON is a problem (exit 1)', () => {
    project.write('suites/notjson.json', '{oops');
    const result = contracts(['harness', 'verify', '--suite', 'notjson'], project.dir);
    const [problem, summary] = result.stdout.split('\n');
    expect([result.status, problem, summary]).toStrictEqual([
      1,
      "suites/notjson.json: (root): suites/notjson.json is not valid JSON at line 1, column 2: Expected property name or '}'",
      'suites/notjson.json: 1 problem',
    ]);
  });

  test('usage errors exit 2: a missing suite, a suite outside --cwd, no --suite', () => {
    const missing = contracts(['harness', 'verify', '--suite', 'absent'], project.dir);
    const outside = contracts(['harness', 'verify', '--suite', '../x.json'], project.dir);
    const none = contracts(['harness', 'verify'], project.dir);
    expect([missing.status, missing.stderr]).toStrictEqual([
      2,
      'contracts: --suite: no suite file suites/absent.json\n',
    ]);
    expect([outside.status, outside.stderr]).toStrictEqual([
      2,
      'contracts: --suite: "../x.json" leaves the working directory\n',
    ]);
    expect(none.status).toBe(2);
  });

  test('every harness command has --help', () => {
    for (const args of [['harness'], ['harness', 'run'], ['harness', 'verify'], ['call']]) {
      const result = contracts([...args, '--help'], project.dir);
      expect([
        args.join(' '),
        result.status,
        result.stdout.startsWith(`Usage: contracts ${args.join(' ')}`),
      ]).toStrictEqual([args.join(' '), 0, true]);
    }
  });
});
