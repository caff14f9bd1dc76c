import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { caseExecutor, contracts, createProject, type Project } from './cli-helpers.js';

let project: Project;
beforeEach(() => {
  project = createProject();
  project.write('suites/one.json', {
    id: 'one',
    title: 'One',
    cases: [{ id: 'hi', title: 'Hi', input: { say: 'hi' }, expected: { mustInclude: ['hi'] } }],
  });
});
afterEach(() => project.remove());

function call(key: string, input: string, ...flags: string[]): ReturnType<typeof contracts> {
  return contracts(['call', key, '--input', input, '--cwd', project.dir, ...flags], project.dir);
}

describe('contracts call', () => {
  test('prints the output of a query as JSON', () => {
    const result = call('harness.target.resolve', '{"isolation":"preview"}');
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([
      0,
      `${JSON.stringify(
        {
          target: {
            targetId: 'local-preview',
            kind: 'local-command',
            isolation: 'preview',
            environment: 'local',
          },
        },
        null,
        2,
      )}\n`,
      '',
    ]);
  });

  test('harness.run.start with @file input, then run.get, evidence.list and evaluation.get', () => {
    const { kind: _kind, ...definition } = caseExecutor();
    project.write('executors/case.json', definition);
    project.write('start.json', { suiteKey: 'one', metadata: { executor: 'case' } });
    const started = call('harness.run.start', '@start.json');
    const { run } = JSON.parse(started.stdout);
    expect([
      started.status,
      run.status,
      run.steps.map((step: { stepKey: string }) => step.stepKey),
    ]).toStrictEqual([0, 'completed', ['hi']]);
    const fetched = call('harness.run.get', JSON.stringify({ runId: run.runId }));
    expect(JSON.parse(fetched.stdout)).toStrictEqual({ run });
    const evidence = JSON.parse(
      call('harness.evidence.list', JSON.stringify({ runId: run.runId, kind: 'console' })).stdout,
    );
    expect(
      evidence.artifacts.map((artifact: { artifactId: string }) => artifact.artifactId),
    ).toStrictEqual([`${run.runId}:hi:stdout`]);
    const evaluationId = run.target.metadata.run.evaluationId;
    const evaluation = JSON.parse(
      call('harness.evaluation.get', JSON.stringify({ evaluationId })).stdout,
    );
    expect([evaluation.evaluation.status, evaluation.evaluation.assertions.length]).toStrictEqual([
      'passed',
      2,
    ]);
  });

  test('the input can come from stdin', () => {
    const result = contracts(
      ['call', 'harness.target.resolve', '--input', '-', '--cwd', project.dir],
      project.dir,
      '{"targetId":"t-1"}',
    );
    expect([result.status, JSON.parse(result.stdout).target.targetId]).toStrictEqual([0, 't-1']);
  });
});

describe('contracts call: errors as JSON on stderr', () => {
  const error = (code: string, status: number, message: string, details: unknown = null): string =>
    `${JSON.stringify({ error: { code, status, message, details } }, null, 2)}\n`;

  test("a declared error exits 2 (it is the input's fault)", () => {
    const result = call('harness.run.start', '{}');
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([
      2,
      '',
      error('SCENARIO_OR_SUITE_REQUIRED', 400, 'A scenario or suite key is required.'),
    ]);
  });

  test('invalid input exits 2 and names the field', () => {
    project.write('executors/bad.json', { kind: 'shell', argv: ['x'] });
    const result = call(
      'harness.run.start',
      JSON.stringify({ suiteKey: 'one', metadata: { executor: 'bad', concurrency: 0 } }),
    );
    const definition = call(
      'harness.run.start',
      JSON.stringify({ suiteKey: 'one', metadata: { executor: 'bad' } }),
    );
    expect([
      result.status,
      JSON.parse(result.stderr).error.details,
      definition.status,
      JSON.parse(definition.stderr).error.details,
    ]).toStrictEqual([
      2,
      [{ path: 'input.metadata.concurrency', message: 'must be >= 1' }],
      2,
      [
        {
          path: 'input.metadata.executor',
          message: 'executors/bad.json: kind: expected "command" (the only executor kind of v1)',
        },
      ],
    ]);
  });

  test('an agent operation goes through the agent client and router', () => {
    const result = call('agent.status', '{"bogus":1}');
    expect([result.status, JSON.parse(result.stderr).error.details]).toStrictEqual([
      2,
      [{ path: 'input.bogus', message: 'unknown field' }],
    ]);
  });

  test('not found exits 1; an anonymous actor is unauthorized (exit 1)', () => {
    const missing = call('harness.run.get', '{"runId":"hr-0000000000000000"}');
    expect([missing.status, missing.stderr]).toStrictEqual([
      1,
      error('NOT_FOUND', 404, 'no harness run hr-0000000000000000', { resource: 'harness run' }),
    ]);
    const anonymous = call('harness.target.resolve', '{}', '--actor', 'anonymous');
    expect([anonymous.status, JSON.parse(anonymous.stderr).error.code]).toStrictEqual([
      1,
      'UNAUTHORIZED',
    ]);
  });

  test('an unknown operation, bad JSON and a bad actor are usage errors (exit 2)', () => {
    const unknown = call('harness.nothing.here', '{}');
    expect([unknown.status, unknown.stderr]).toStrictEqual([
      2,
      error(
        'NOT_FOUND',
        404,
        'unknown operation "harness.nothing.here"; valid operations: agent.approvals, agent.artifacts, agent.cancel, agent.run, agent.status, harness.evaluation.get, harness.evaluation.run, harness.evidence.get, harness.evidence.list, harness.run.cancel, harness.run.get, harness.run.start, harness.target.resolve',
      ),
    ]);
    const badJson = call('harness.run.get', '{oops');
    expect([badJson.status, badJson.stderr]).toStrictEqual([
      2,
      "contracts: --input: the inline value is not valid JSON at line 1, column 2: Expected property name or '}'\n",
    ]);
    const badActor = call('harness.run.get', '{}', '--actor', 'root');
    expect(badActor.status).toBe(2);
  });
});
