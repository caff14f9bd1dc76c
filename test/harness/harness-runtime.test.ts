import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { isHarnessRunStartError } from '../../packages/runtime/src/generated/harness/client.js';
import type { HarnessStep } from '../../packages/runtime/src/generated/harness/types.js';
import { contractRejection } from '../support/contract-rejection.js';
import { PINNED_AT, pinnedHarness, type PinnedHarness } from './pinned-harness.js';
import { createWorkspace, RESPOND, respondExecutor, type Workspace } from './runtime-fixture.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

const MIXED = {
  id: 'mixed',
  title: 'Mixed',
  cases: [
    {
      id: 'ok',
      title: 'Passes',
      input: { stdout: ['hello world'] },
      expected: { mustInclude: ['hello'] },
    },
    {
      id: 'bad',
      title: 'Fails',
      input: { stdout: ['bye'], exitCode: 2 },
      expected: { exitCode: 0 },
      oracleRefs: ['says-hello'],
    },
  ],
  oracles: [{ id: 'says-hello', rules: { mustInclude: ['hello'] } }],
};

let workspace: Workspace;
let harness: PinnedHarness;

function setUp(suites: Record<string, object> = { mixed: MIXED }): PinnedHarness {
  workspace = createWorkspace();
  for (const [key, suite] of Object.entries(suites)) workspace.writeSuite(key, suite);
  harness = pinnedHarness(workspace);
  return harness;
}

afterEach(async () => {
  await harness?.close();
  workspace?.remove();
});

/** Durations vary: `durationMs` becomes 0 and `(exit 0, 12 ms)` becomes `(exit 0, N ms)`. */
function steady<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value)
      .replace(/"durationMs":\d+/g, '"durationMs":0')
      .replace(/, \d+ ms\)/g, ', N ms)'),
  ) as T;
}

describe('harness.run.start through the generated client and router', () => {
  test('one step per case, evidence per stream, failure artifact, evaluation of the checks', async () => {
    const { client } = setUp();
    const { run } = await client.run.start({
      suiteKey: 'mixed',
      metadata: { executor: respondExecutor() },
    });
    expect(run.status).toBe('failed');
    expect(run.evidenceCount).toBe(5);
    const base = {
      runId: 'hr-1',
      mode: 'code-execution',
      actionClass: 'code-exec-read',
      verdict: 'autonomous',
      requiresApproval: false,
      startedAt: PINNED_AT,
      completedAt: PINNED_AT,
    };
    expect(steady(run.steps)).toStrictEqual<HarnessStep[]>([
      {
        ...base,
        stepId: 'hr-1:ok',
        stepKey: 'ok',
        status: 'completed',
        summary: 'passed ok (exit 0, N ms)',
        metadata: {
          caseId: 'ok',
          title: 'Passes',
          caseStatus: 'passed',
          exitCode: 0,
          signal: null,
          durationMs: 0,
          truncated: { stdout: false, stderr: false },
          bytes: { stdout: 11, stderr: 0 },
          checks: [
            { name: 'implicit.exitCode', status: 'passed', message: 'expected exit code 0, saw 0' },
            {
              name: 'case.ok.mustInclude',
              status: 'passed',
              message: 'expected stdout to include "hello"; all found in 11 bytes of stdout',
            },
          ],
          evidenceIds: ['hr-1:ok:stdout', 'hr-1:ok:stderr'],
          error: null,
          stdoutSha256: sha('hello world'),
          stderrSha256: sha(''),
        },
      },
      {
        ...base,
        stepId: 'hr-1:bad',
        stepKey: 'bad',
        status: 'failed',
        summary: 'failed bad (exit 2, N ms): 2 of 2 checks failed',
        metadata: {
          caseId: 'bad',
          title: 'Fails',
          caseStatus: 'failed',
          exitCode: 2,
          signal: null,
          durationMs: 0,
          truncated: { stdout: false, stderr: false },
          bytes: { stdout: 3, stderr: 0 },
          checks: [
            { name: 'case.bad.exitCode', status: 'failed', message: 'expected exit code 0, saw 2' },
            {
              name: 'oracle.says-hello.mustInclude',
              status: 'failed',
              message: 'expected stdout to include "hello"; missing "hello" in 3 bytes of stdout',
            },
          ],
          evidenceIds: ['hr-1:bad:stdout', 'hr-1:bad:stderr', 'hr-1:bad:failure'],
          error: null,
          stdoutSha256: sha('bye'),
          stderrSha256: sha(''),
        },
      },
    ]);
    expect(await client.run.get({ runId: 'hr-1' })).toStrictEqual({ run });

    const { artifacts, total } = await client.evidence.list({ runId: 'hr-1', stepId: 'hr-1:bad' });
    expect(total).toBe(3);
    expect(artifacts.map((artifact) => [artifact.artifactId, artifact.kind])).toStrictEqual([
      ['hr-1:bad:failure', 'step-summary'],
      ['hr-1:bad:stderr', 'app-log'],
      ['hr-1:bad:stdout', 'console'],
    ]);
    expect(await client.evidence.get({ artifactId: 'hr-1:bad:stdout' })).toStrictEqual({
      artifact: {
        artifactId: 'hr-1:bad:stdout',
        kind: 'console',
        runId: 'hr-1',
        stepId: 'hr-1:bad',
        uri: 'evidence/hr-1/bad.json#stdout',
        contentType: 'text/plain; charset=utf-8',
        hash: `sha256:${sha('bye')}`,
        summary: 'bye',
        createdAt: PINNED_AT,
        metadata: { caseId: 'bad', stream: 'stdout', bytes: 3, truncated: false },
      },
    });
    const failure = await client.evidence.get({ artifactId: 'hr-1:bad:failure' });
    expect(steady(failure.artifact.metadata)).toStrictEqual({
      caseId: 'bad',
      status: 'failed',
      exitCode: 2,
      signal: null,
      error: null,
      failedChecks: [
        { name: 'case.bad.exitCode', message: 'expected exit code 0, saw 2' },
        {
          name: 'oracle.says-hello.mustInclude',
          message: 'expected stdout to include "hello"; missing "hello" in 3 bytes of stdout',
        },
      ],
      stdoutExcerpt: 'bye',
      stderrExcerpt: '',
    });

    const { evaluation } = await client.evaluation.get({ evaluationId: 'he-1' });
    expect(evaluation).toStrictEqual({
      evaluationId: 'he-1',
      runId: 'hr-1',
      scenarioKey: 'mixed',
      suiteKey: 'mixed',
      status: 'failed',
      assertions: [
        {
          assertionKey: 'ok:implicit.exitCode',
          status: 'passed',
          message: 'expected exit code 0, saw 0',
          evidenceArtifactIds: ['hr-1:ok:stdout', 'hr-1:ok:stderr'],
        },
        {
          assertionKey: 'ok:case.ok.mustInclude',
          status: 'passed',
          message: 'expected stdout to include "hello"; all found in 11 bytes of stdout',
          evidenceArtifactIds: ['hr-1:ok:stdout', 'hr-1:ok:stderr'],
        },
        {
          assertionKey: 'bad:case.bad.exitCode',
          status: 'failed',
          message: 'expected exit code 0, saw 2',
          evidenceArtifactIds: ['hr-1:bad:stdout', 'hr-1:bad:stderr', 'hr-1:bad:failure'],
        },
        {
          assertionKey: 'bad:oracle.says-hello.mustInclude',
          status: 'failed',
          message: 'expected stdout to include "hello"; missing "hello" in 3 bytes of stdout',
          evidenceArtifactIds: ['hr-1:bad:stdout', 'hr-1:bad:stderr', 'hr-1:bad:failure'],
        },
      ],
      evidenceCount: 5,
      startedAt: PINNED_AT,
      completedAt: PINNED_AT,
    });
  });

  test('the declared events reach the timeline once each, in order', async () => {
    // harness.run.started goes through ctx.emit, which stamps the router's real clock: its day
    // file comes after the pinned clock's, so it is listed last here.
    const { client, eventsOf, timeline } = setUp();
    await client.run.start({ suiteKey: 'mixed', metadata: { executor: respondExecutor() } });
    expect(await eventsOf('hr-1')).toStrictEqual([
      ['harness.step.started', 'hr-1:harness.step.started:ok'],
      ['harness.evidence.captured', 'hr-1:harness.evidence.captured:hr-1:ok:stdout'],
      ['harness.evidence.captured', 'hr-1:harness.evidence.captured:hr-1:ok:stderr'],
      ['harness.step.completed', 'hr-1:harness.step.completed:ok'],
      ['harness.step.started', 'hr-1:harness.step.started:bad'],
      ['harness.evidence.captured', 'hr-1:harness.evidence.captured:hr-1:bad:stdout'],
      ['harness.evidence.captured', 'hr-1:harness.evidence.captured:hr-1:bad:stderr'],
      ['harness.evidence.captured', 'hr-1:harness.evidence.captured:hr-1:bad:failure'],
      ['harness.step.completed', 'hr-1:harness.step.completed:bad'],
      ['harness.run.failed', 'hr-1:harness.run.failed'],
      ['harness.evaluation.completed', 'hr-1:harness.evaluation.completed:he-1'],
      ['harness.run.started', '*'],
    ]);
    const [failed] = await timeline.list({ key: 'harness.run.failed' });
    expect(failed?.payload).toStrictEqual({
      runId: 'hr-1',
      failedAt: PINNED_AT,
      reason: '1 of 2 cases failed or errored',
      problem: { status: 'failed', summary: { total: 2, failed: 1, errored: 0, skipped: 0 } },
    });
  });

  test('every case passing completes the run; concurrency keeps suite order', async () => {
    const suite = {
      id: 'fine',
      title: 'Fine',
      cases: [
        { id: 'slow', title: 'Slow', input: { sleepMs: 600, stdout: ['a'] } },
        { id: 'fast', title: 'Fast', input: { stdout: ['b'] } },
      ],
    };
    const { client, timeline } = setUp({ fine: suite });
    const { run } = await client.run.start({
      suiteKey: 'fine',
      metadata: { executor: respondExecutor(), concurrency: 2 },
    });
    expect([run.status, run.steps.map((step) => [step.stepKey, step.status])]).toStrictEqual([
      'completed',
      [
        ['slow', 'completed'],
        ['fast', 'completed'],
      ],
    ]);
    const [completed] = await timeline.list({ key: 'harness.run.completed' });
    expect(completed?.payload).toStrictEqual({
      runId: 'hr-1',
      completedAt: PINNED_AT,
      evidenceCount: 4,
      status: 'completed',
    });
  });

  test('an invalid input names the field, from the router and from the handler', async () => {
    const { client } = setUp();
    const unknown = await contractRejection(
      client.run.start({ suiteKey: 'mixed', foo: 1 } as never),
    );
    expect([unknown.code, unknown.status, unknown.details]).toStrictEqual([
      'VALIDATION_FAILED',
      400,
      [{ path: 'input.foo', message: 'unknown field' }],
    ]);
    const argv = await contractRejection(
      client.run.start({
        suiteKey: 'mixed',
        metadata: { executor: { kind: 'command', argv: ['node', 'a\u0007'] }, concurrency: 0 },
      }),
    );
    expect([argv.code, argv.status, argv.details]).toStrictEqual([
      'VALIDATION_FAILED',
      400,
      [
        { path: 'input.metadata.executor.argv[1]', message: 'control characters are not allowed' },
        { path: 'input.metadata.concurrency', message: 'must be >= 1' },
      ],
    ]);
    const missing = await contractRejection(client.run.start({ suiteKey: 'mixed' }));
    expect(missing.details).toStrictEqual([
      { path: 'input.metadata.executor', message: 'required' },
    ]);
    const cases = await contractRejection(
      client.run.start({
        suiteKey: 'mixed',
        mode: 'visual-computer-use',
        metadata: { executor: respondExecutor() },
      }),
    );
    expect(cases.details).toStrictEqual([
      {
        path: 'input.mode',
        message: 'expected "code-execution" (the command executor\'s only mode)',
      },
    ]);
    const unknownCase = await contractRejection(
      client.run.start({
        suiteKey: 'mixed',
        metadata: { executor: respondExecutor(), cases: ['ok', 'nope'] },
      }),
    );
    expect(unknownCase.details).toStrictEqual([
      { path: 'input.metadata.cases[1]', message: 'unknown case id "nope"' },
    ]);
    const noSuite = await contractRejection(
      client.run.start({ suiteKey: 'absent', metadata: { executor: respondExecutor() } }),
    );
    expect(noSuite.details).toStrictEqual([
      { path: 'input.suiteKey', message: 'no suite file suites/absent.json' },
    ]);
    expect(workspace.stateFiles()).toStrictEqual([]);
  });

  test('SCENARIO_OR_SUITE_REQUIRED arrives as the typed, declared error', async () => {
    const { client } = setUp();
    const error = await contractRejection(
      client.run.start({ metadata: { executor: respondExecutor() } }),
    );
    expect(isHarnessRunStartError(error)).toBe(true);
    expect([error.code, error.status, error.message]).toStrictEqual([
      'SCENARIO_OR_SUITE_REQUIRED',
      400,
      'A scenario or suite key is required.',
    ]);
    const other = await contractRejection(client.run.get({ runId: 'hr-404' }));
    expect([isHarnessRunStartError(other), other.code, other.status]).toStrictEqual([
      false,
      'NOT_FOUND',
      404,
    ]);
  });

  test('scenarioKey alone is the suite reference; controlPlaneExecutionId is kept', async () => {
    const { client } = setUp();
    const { run } = await client.run.start({
      scenarioKey: 'mixed',
      controlPlaneExecutionId: 'cp-7',
      metadata: { executor: respondExecutor(), cases: ['ok'] },
    });
    expect([
      run.status,
      run.scenarioKey,
      run.suiteKey,
      run.controlPlaneExecutionId,
      run.steps.length,
    ]).toStrictEqual(['completed', 'mixed', undefined, 'cp-7', 1]);
  });
});

describe('the generated router around the runtime', () => {
  test('an event the operation does not declare is refused', async () => {
    workspace = createWorkspace();
    harness = pinnedHarness(workspace, (handlers) => ({
      ...handlers,
      runGet: async (input, ctx) => {
        const emit = ctx.emit as (key: string, payload: unknown) => Promise<void>;
        await emit('harness.step.started', {
          runId: input.runId,
          stepId: 's',
          stepKey: 'k',
          mode: 'code-execution',
          startedAt: PINNED_AT,
        });
        return handlers.runGet(input, ctx);
      },
    }));
    const error = await contractRejection(harness.client.run.get({ runId: 'hr-1' }));
    expect([error.code, error.status, error.message]).toStrictEqual([
      'UNDECLARED_EVENT',
      500,
      'harness.run.get@1.0.0 does not declare event harness.step.started',
    ]);
    expect(await harness.timeline.list()).toStrictEqual([]);
  });

  test('unknown ids are NOT_FOUND, also ids that would leave the state directory', async () => {
    const { client } = setUp();
    const calls: [string, () => Promise<unknown>][] = [
      ['run.get', () => client.run.get({ runId: 'hr-9' })],
      ['run.get ..', () => client.run.get({ runId: '../../etc/passwd' })],
      ['run.cancel', () => client.run.cancel({ runId: 'hr-9' })],
      ['evidence.list', () => client.evidence.list({ runId: 'hr-9' })],
      ['evidence.get', () => client.evidence.get({ artifactId: 'hr-9:ok:stdout' })],
      ['evidence.get ..', () => client.evidence.get({ artifactId: '..:x' })],
      ['evaluation.get', () => client.evaluation.get({ evaluationId: 'he-9' })],
    ];
    const codes: [string, string][] = [];
    for (const [name, call] of calls) codes.push([name, (await contractRejection(call())).code]);
    expect(codes).toStrictEqual(calls.map(([name]) => [name, 'NOT_FOUND']));
  });

  test('harness.target.resolve is local and deterministic', async () => {
    const { client } = setUp();
    expect(await client.target.resolve({})).toStrictEqual({
      target: {
        targetId: 'local-task',
        kind: 'local-command',
        isolation: 'task',
        environment: 'local',
      },
    });
    expect(
      await client.target.resolve({
        targetId: 'box-1',
        isolation: 'sandbox',
        allowlistedDomains: ['b.example', 'a.example', 'b.example'],
      }),
    ).toStrictEqual({
      target: {
        targetId: 'box-1',
        kind: 'local-command',
        isolation: 'sandbox',
        environment: 'local',
        allowlistedDomains: ['a.example', 'b.example'],
      },
    });
    const bad = await contractRejection(client.target.resolve({ isolation: 'cloud' }));
    expect(bad.details).toStrictEqual([
      { path: 'input.isolation', message: 'expected one of preview, task, shared, sandbox' },
    ]);
  });
});

describe('run variants', () => {
  test('a dry run plans every case and writes nothing, not even the state directory', async () => {
    const { client } = setUp();
    const { run } = await client.run.start({
      suiteKey: 'mixed',
      metadata: { executor: respondExecutor(), dryRun: true },
    });
    expect([
      run.status,
      run.steps.map((step) => [step.stepKey, step.status, step.metadata?.caseStatus]),
    ]).toStrictEqual([
      'queued',
      [
        ['ok', 'pending', 'skipped'],
        ['bad', 'pending', 'skipped'],
      ],
    ]);
    expect(existsSync(workspace.stateDir)).toBe(false);
  });

  test('a suite failing verify is recorded blocked and refused; a dry run only warns', async () => {
    const broken = { ...MIXED, cases: [{ ...MIXED.cases[0]!, oracleRefs: ['ghost'] }] };
    const { client, eventsOf } = setUp({ broken });
    const dry = await client.run.start({
      suiteKey: 'broken',
      metadata: { executor: respondExecutor(), dryRun: true },
    });
    const run = dry.run.target.metadata?.run as { warnings: string[] };
    expect(run.warnings).toStrictEqual([
      'cases[0].oracleRefs[0]: unresolved reference "ghost"; valid rule resource ids: says-hello',
    ]);
    expect(existsSync(workspace.stateDir)).toBe(false);

    const error = await contractRejection(
      client.run.start({ suiteKey: 'broken', metadata: { executor: respondExecutor() } }),
    );
    expect([error.code, error.details]).toStrictEqual([
      'VALIDATION_FAILED',
      [
        {
          path: 'input.suiteKey',
          message:
            'suites/broken.json fails verify at cases[0].oracleRefs[0]: unresolved reference "ghost"; valid rule resource ids: says-hello',
        },
        {
          path: 'input.suiteKey',
          message: 'run hr-2 is blocked by preflight; nothing was executed',
        },
      ],
    ]);
    const { run: blocked } = await client.run.get({ runId: 'hr-2' });
    expect([
      blocked.status,
      blocked.steps.map((step) => [step.status, step.verdict]),
    ]).toStrictEqual(['blocked', [['blocked', 'blocked']]]);
    expect(await eventsOf('hr-2')).toStrictEqual([
      ['harness.step.blocked', 'hr-2:harness.step.blocked:ok'],
      ['harness.run.failed', 'hr-2:harness.run.failed'],
    ]);
  });

  test('harness.evaluation.run runs the suite and answers its evaluation', async () => {
    const { client, eventsOf } = setUp();
    const { evaluation } = await client.evaluation.run({
      suiteKey: 'mixed',
      metadata: { executor: respondExecutor(), cases: ['ok'] },
    });
    expect([evaluation.evaluationId, evaluation.runId, evaluation.status]).toStrictEqual([
      'he-1',
      'hr-1',
      'passed',
    ]);
    expect(await client.evaluation.get({ evaluationId: 'he-1' })).toStrictEqual({ evaluation });
    // Routed events carry the router's real clock, the others the pinned one: compare as a set.
    const events = (await eventsOf('hr-1')).map(([key]) => key).sort();
    expect(events).toStrictEqual([
      'harness.evaluation.completed',
      'harness.evidence.captured',
      'harness.evidence.captured',
      'harness.run.completed',
      'harness.run.started',
      'harness.step.completed',
      'harness.step.started',
    ]);
    const refused = await contractRejection(
      client.evaluation.run({
        suiteKey: 'mixed',
        metadata: { executor: respondExecutor(), dryRun: true },
      }),
    );
    expect(refused.details).toStrictEqual([
      { path: 'input.metadata.dryRun', message: 'not supported by harness.evaluation.run' },
    ]);
  });

  test('records keep env keys only; env values are masked in records, evidence and events', async () => {
    const secret = 'value-of-the-env-9f3a';
    const suite = {
      id: 'env',
      title: 'Env',
      cases: [
        {
          id: 'echo',
          title: 'Echo',
          input: { echoEnv: 'HARNESS_SECRET', stderr: [`token=abcdef123456 ${secret}`] },
          expected: { mustInclude: ['nothing-like-this'] },
        },
      ],
    };
    const { client } = setUp({ env: suite });
    const { run } = await client.run.start({
      suiteKey: 'env',
      metadata: {
        executor: respondExecutor({
          argv: [process.execPath, RESPOND, secret],
          env: { HARNESS_SECRET: secret },
        }),
      },
    });
    expect(run.target.metadata?.executor).toStrictEqual({
      kind: 'command',
      argv: [process.execPath, RESPOND, '***'],
      cwd: '.',
      envKeys: ['HARNESS_SECRET'],
      timeoutMs: 60000,
    });
    const failure = await client.evidence.get({ artifactId: 'hr-1:echo:failure' });
    const metadata = failure.artifact.metadata as Record<string, string>;
    expect([metadata.stdoutExcerpt, metadata.stderrExcerpt]).toStrictEqual([
      'HARNESS_SECRET=***',
      'token=*** ***',
    ]);
    for (const file of workspace.stateFiles()) {
      const text = readFileSync(path.join(workspace.stateDir, file), 'utf8');
      expect([file, text.includes(secret), text.includes('abcdef123456')]).toStrictEqual([
        file,
        false,
        false,
      ]);
    }
  });

  test('a background run answers running at once and finishes before close()', async () => {
    const { client } = setUp();
    const { run } = await client.run.start({
      suiteKey: 'mixed',
      metadata: { executor: respondExecutor(), background: true, cases: ['ok'] },
    });
    expect([run.status, run.steps.map((step) => step.status)]).toStrictEqual([
      'running',
      ['pending'],
    ]);
    await harness.close();
    expect((await client.run.get({ runId: 'hr-1' })).run.status).toBe('completed');
  });

  test('cancelling a background run in the same process stops it and keeps cancelled', async () => {
    const suite = {
      id: 'long',
      title: 'Long',
      cases: [
        { id: 'first', title: 'First', input: {} },
        { id: 'sleeper', title: 'Sleeper', input: { sleepMs: 60_000 } },
        { id: 'never', title: 'Never', input: {} },
      ],
    };
    const { client } = setUp({ long: suite });
    await client.run.start({
      suiteKey: 'long',
      metadata: { executor: respondExecutor(), background: true },
    });
    const stateOf = async (): Promise<string | undefined> =>
      (await client.run.get({ runId: 'hr-1' })).run.steps[1]?.status;
    for (let tries = 0; (await stateOf()) !== 'running' && tries < 600; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(
      await client.run.cancel({ runId: 'hr-1', reason: 'operator password=hunter22' }),
    ).toStrictEqual({
      runId: 'hr-1',
      status: 'cancelled',
      cancelledAt: PINNED_AT,
    });
    await harness.close();
    const { run } = await client.run.get({ runId: 'hr-1' });
    expect([
      run.status,
      run.steps.map((step) => [step.stepKey, step.status, step.metadata?.caseStatus]),
    ]).toStrictEqual([
      'cancelled',
      [
        ['first', 'completed', 'passed'],
        ['sleeper', 'failed', 'errored'],
        ['never', 'pending', 'skipped'],
      ],
    ]);
    const { artifacts } = await client.evidence.list({ runId: 'hr-1' });
    expect(artifacts.map((artifact) => artifact.artifactId)).toStrictEqual([
      'hr-1:first:stderr',
      'hr-1:first:stdout',
      'hr-1:sleeper:failure',
      'hr-1:sleeper:stderr',
      'hr-1:sleeper:stdout',
    ]);
    const [failed] = await harness.timeline.list({ key: 'harness.run.failed' });
    expect(failed?.payload.reason).toBe('cancelled: operator password=***');
    expect(await client.run.cancel({ runId: 'hr-1' })).toStrictEqual({
      runId: 'hr-1',
      status: 'cancelled',
      cancelledAt: PINNED_AT,
    });
  });
});
