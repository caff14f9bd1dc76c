import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli.js';
import { callJson, pidsWithMarker, waitUntil } from '../support/served.js';
import { ADMIN, AttackProject, TOKENS, USER_1, USER_2 } from './attack-fixture.js';

/**
 * `contracts serve` attacked the way an untrusted `user` token holder would, over loopback: each
 * test asserts the refused outcome.
 */

const project = new AttackProject('attack');
const { work, outside, marker: MARKER } = project;
const executor = project.executor.bind(project);
const script = project.script.bind(project);
const writeJson = project.writeJson.bind(project);
const serve = project.serve.bind(project);

afterEach(() => project.stopAll());
afterAll(() => project.remove());

describe('executors are configuration, not input', () => {
  test('an inline argv is refused with a 400 naming the field, and nothing runs', async () => {
    const url = await serve();
    const pwned = join(outside, 'pwned');
    const answer = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      {
        suiteKey: 'one',
        metadata: { executor: { kind: 'command', argv: ['touch', pwned] } },
      },
      USER_1,
    );
    const cwdOnly = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: { kind: 'command', cwd: '/' } } },
      USER_1,
    );
    expect([
      answer.status,
      answer.body.errors,
      cwdOnly.status,
      cwdOnly.body.errors[0].path,
      existsSync(pwned),
    ]).toStrictEqual([
      400,
      [
        {
          path: 'input.metadata.executor.argv',
          message:
            'inline executors are refused: this runtime runs only the executors its operator defined; give the name of one (executors/<name>.json)',
        },
      ],
      400,
      'input.metadata.executor.cwd',
      false,
    ]);
  });

  test('`contracts call` refuses an inline executor too; an unknown name lists the known ones', () => {
    executor('noop', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    const pwned = join(outside, 'pwned-by-call');
    const inline = runCli(
      [
        'call',
        'harness.run.start',
        '--cwd',
        work,
        '--state-dir',
        join(work, 'call-state'),
        '--input',
        JSON.stringify({
          suiteKey: 'one',
          metadata: { executor: { kind: 'command', argv: ['touch', pwned] } },
        }),
      ],
      work,
    );
    const unknown = runCli(
      [
        'call',
        'harness.run.start',
        '--cwd',
        work,
        '--state-dir',
        join(work, 'call-state'),
        '--input',
        JSON.stringify({ suiteKey: 'one', metadata: { executor: 'nope' } }),
      ],
      work,
    );
    expect([
      inline.status,
      JSON.parse(inline.stderr).error.details[0].path,
      existsSync(pwned),
      unknown.status,
      JSON.parse(unknown.stderr).error.details,
    ]).toStrictEqual([
      2,
      'input.metadata.executor.argv',
      false,
      2,
      [
        {
          path: 'input.metadata.executor',
          message: 'unknown executor "nope"; known executors in executors/: noop',
        },
      ],
    ]);
  });

  test('a named executor runs; limits above the server caps and suites outside suites/ are refused', async () => {
    executor('noop', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    writeJson(join(work, 'elsewhere.json'), {
      id: 'x',
      title: 'x',
      cases: [{ id: 'c', title: 'c', input: {}, expected: { exitCode: 0 } }],
    });
    const url = await serve(['--max-concurrency', '2']);
    const ok = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'noop' } },
      USER_1,
    );
    const over = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      {
        suiteKey: 'one',
        metadata: { executor: 'noop', concurrency: 3, captureLimitBytes: 9 * 1024 * 1024 },
      },
      USER_1,
    );
    const path = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'elsewhere.json', metadata: { executor: 'noop' } },
      USER_1,
    );
    expect([
      ok.status,
      ok.body.run.status,
      over.status,
      over.body.errors,
      path.status,
      path.body.errors,
    ]).toStrictEqual([
      200,
      'completed',
      400,
      [
        {
          path: 'input.metadata.captureLimitBytes',
          message: "must be <= 8388608 (this runtime's limit)",
        },
        { path: 'input.metadata.concurrency', message: "must be <= 2 (this runtime's limit)" },
      ],
      400,
      [
        {
          path: 'input.suiteKey',
          message:
            '"elsewhere.json" is not in this runtime\'s suite folder (suites/); name a suite by its key',
        },
      ],
    ]);
  });
});

describe('child processes get a clean environment', () => {
  test('no server variable, token or token-file path reaches a case; --child-env adds one', async () => {
    const dump = join(outside, 'env.json');
    const dumper = script(
      'dump-env.mjs',
      "import { writeFileSync } from 'node:fs'; writeFileSync(process.env.OUT, JSON.stringify(process.env));",
    );
    executor('dump', { argv: [process.execPath, dumper], env: { OUT: dump } });
    const tokensFile = join(work, 'tokens.txt');
    writeFileSync(tokensFile, `user:${USER_1}\nadmin:${ADMIN}\n`);
    const url = await serve(['--tokens-file', tokensFile, '--child-env', 'KEEP_ME'], {
      CONTRACTS_STATE_DIR: join(work, 'env-state'),
      SERVER_ONLY_SECRET: 'do-not-pass-4411',
      KEEP_ME: 'kept',
    });
    const answer = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'dump' } },
      USER_1,
    );
    const text = readFileSync(dump, 'utf8');
    const env = JSON.parse(text) as Record<string, string>;
    expect([
      answer.body.run.status,
      Object.keys(env).filter((name) => name.startsWith('CONTRACTS_')),
      env.SERVER_ONLY_SECRET,
      env.KEEP_ME,
      typeof env.PATH,
      [ADMIN, USER_1, TOKENS, tokensFile].filter((secret) => text.includes(secret)),
    ]).toStrictEqual(['completed', [], undefined, 'kept', 'string', []]);
  });

  test("an agent's env values are masked in lastError, events, its record and its artifacts", async () => {
    const leaker = script(
      'leak.mjs',
      'process.stderr.write(`the secret is ${process.env.AGENT_SECRET}\\n`); process.exit(3);',
    );
    const secret = 'agent-secret-value-8823';
    project.agent('leaker', {
      argv: [process.execPath, leaker],
      env: { AGENT_SECRET: secret },
    });
    const url = await serve();
    const run = await callJson(url, '/agent/run/v1.0.0', { agentKey: 'leaker' }, USER_1);
    const ended = await waitUntil('the agent run to fail', async () => {
      const status = await callJson(url, '/agent/status/v1.0.0', { runId: run.body.runId }, USER_1);
      return status.body.runs[0]?.status === 'failed' ? status.body.runs[0] : undefined;
    });
    const artifacts = await callJson(
      url,
      '/agent/artifacts/v1.0.0',
      { runId: run.body.runId },
      USER_1,
    );
    const runDir = join(project.stateDir, 'agent', 'runs', run.body.runId);
    const kept = [
      readFileSync(join(runDir, 'run.json'), 'utf8'),
      readFileSync(join(runDir, 'stderr.txt'), 'utf8'),
      ...artifacts.body.artifacts.map((artifact: { uri: string }) => artifact.uri),
    ].join('\n');
    const events = readEvents(project.stateDir);
    expect([
      ended.lastError,
      kept.includes(secret),
      events.includes(secret),
      artifacts.body.artifacts.map((artifact: { uri: string }) => artifact.uri.startsWith('/')),
    ]).toStrictEqual(['agent exited with code 3: the secret is ***', false, false, [false, false]]);
  });
});

/** Every event line of a state directory's timeline, as one text. */
function readEvents(stateDir: string): string {
  const dir = join(stateDir, 'events');
  if (!existsSync(dir)) return '';
  return readdirSync(dir)
    .map((name) => readFileSync(join(dir, name), 'utf8'))
    .join('');
}

describe('ownership', () => {
  test("user 2 cannot see, read or cancel user 1's runs, evidence, evaluations or agent runs; admin can", async () => {
    const sleeper = script('sleep.mjs', `setTimeout(() => {}, 30_000); // ${MARKER}`);
    executor('noop', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    executor('sleeper', { argv: [process.execPath, sleeper, MARKER] });
    project.agent('quick', {
      argv: [process.execPath, '-e', 'process.exit(0)'],
    });
    const url = await serve();
    const done = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'noop' } },
      USER_1,
    );
    const running = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'sleeper', background: true } },
      USER_1,
    );
    const runId = done.body.run.runId as string;
    const evaluationId = done.body.run.target.metadata.run.evaluationId as string;
    const agentRun = await callJson(url, '/agent/run/v1.0.0', { agentKey: 'quick' }, USER_1);
    const as = (token: string) => ({
      get: callJson(url, '/harness/run/get/v1.0.0', { runId }, token),
      evidence: callJson(url, '/harness/evidence/list/v1.0.0', { runId }, token),
      artifact: callJson(
        url,
        '/harness/evidence/get/v1.0.0',
        { artifactId: `${runId}:c1:stdout` },
        token,
      ),
      evaluation: callJson(url, '/harness/evaluation/get/v1.0.0', { evaluationId }, token),
      agentStatus: callJson(url, '/agent/status/v1.0.0', {}, token),
      agentArtifacts: callJson(
        url,
        '/agent/artifacts/v1.0.0',
        { runId: agentRun.body.runId },
        token,
      ),
    });
    const seen = async (token: string) => {
      const calls = as(token);
      return [
        (await calls.get).status,
        (await calls.evidence).status,
        (await calls.artifact).status,
        (await calls.evaluation).status,
        (await calls.agentStatus).body.total,
        (await calls.agentArtifacts).status,
      ];
    };
    const intruder = await seen(USER_2);
    const cancel = await callJson(
      url,
      '/harness/run/cancel/v1.0.0',
      { runId: running.body.run.runId },
      USER_2,
    );
    const stillRunning = await callJson(
      url,
      '/harness/run/get/v1.0.0',
      { runId: running.body.run.runId },
      USER_1,
    );
    const owner = await seen(USER_1);
    const admin = await seen(ADMIN);
    const ownCancel = await callJson(
      url,
      '/harness/run/cancel/v1.0.0',
      { runId: running.body.run.runId },
      USER_1,
    );
    expect({
      intruder,
      intruderCancel: [cancel.status, cancel.body.title],
      stillRunning: stillRunning.body.run.status,
      owner,
      admin,
      ownCancel: ownCancel.body.status,
    }).toStrictEqual({
      intruder: [404, 404, 404, 404, 0, 404],
      intruderCancel: [404, 'No such harness run.'],
      stillRunning: 'running',
      owner: [200, 200, 200, 200, 1, 200],
      admin: [200, 200, 200, 200, 1, 200],
      ownCancel: 'cancelled',
    });
  });
});

/** The `event:` names `/events?runId=` sends `token` within `ms` (the run's backlog comes first). */
async function streamedEvents(
  url: string,
  runId: string,
  token: string,
  ms: number,
): Promise<string[]> {
  const abort = new AbortController();
  const response = await fetch(`${url}/events?runId=${runId}`, {
    headers: { authorization: `Bearer ${token}` },
    signal: abort.signal,
  });
  const reader = response.body!.getReader();
  let text = '';
  const timer = setTimeout(() => abort.abort(), ms);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
  } catch {
    // aborted: the time is up
  } finally {
    clearTimeout(timer);
  }
  return [...text.matchAll(/^event: (.+)$/gm)].map((match) => match[1]!);
}

describe('the event stream', () => {
  test("user 2's /events carries none of user 1's run; user 1 and admin see it", async () => {
    executor('noop', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    const url = await serve();
    const run = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'noop' } },
      USER_1,
    );
    const runId = run.body.run.runId as string;
    const [own, admin, intruder] = await Promise.all([
      streamedEvents(url, runId, USER_1, 1500),
      streamedEvents(url, runId, ADMIN, 1500),
      streamedEvents(url, runId, USER_2, 1500),
    ]);
    expect([
      own.includes('harness.run.completed'),
      admin.length === own.length,
      intruder,
    ]).toStrictEqual([true, true, []]);
  });
});

describe('a corrupt record', () => {
  test('answers a problem naming the run; an admin cancel still stops it and the runner rewrites it', async () => {
    const sleeper = script('corrupt-sleeper.mjs', 'setTimeout(() => {}, 60_000);');
    executor('sleeper', { argv: [process.execPath, sleeper, `${MARKER}-corrupt`] });
    const url = await serve();
    const started = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'one', metadata: { executor: 'sleeper', background: true } },
      USER_1,
    );
    const runId = started.body.run.runId as string;
    const record = join(project.stateDir, 'harness-runs', `${runId}.json`);
    await waitUntil('the case to run', () =>
      pidsWithMarker(`${MARKER}-corrupt`).length > 0 ? true : undefined,
    );
    const truncated = readFileSync(record, 'utf8').slice(0, 40);
    writeFileSync(record, truncated);
    const lines = truncated.split('\n');
    const where = `${lines.length}:${lines.at(-1)!.length + 1}`;
    const got = await callJson(url, '/harness/run/get/v1.0.0', { runId }, USER_1);
    const userCancel = await callJson(url, '/harness/run/cancel/v1.0.0', { runId }, USER_1);
    const adminCancel = await callJson(url, '/harness/run/cancel/v1.0.0', { runId }, ADMIN);
    const after = await waitUntil('the runner to rewrite the record', async () => {
      const answer = await callJson(url, '/harness/run/get/v1.0.0', { runId }, USER_1);
      return answer.status === 200 ? answer.body.run.status : undefined;
    });
    expect({
      got: [got.status, got.body.code, got.body.title, got.body.detail],
      userCancel: [userCancel.status, userCancel.body.code],
      adminCancel: [adminCancel.status, adminCancel.body.status],
      after,
      left: pidsWithMarker(`${MARKER}-corrupt`).length,
    }).toStrictEqual({
      got: [
        500,
        'RECORD_CORRUPT',
        'A stored record is corrupt.',
        `the record of harness run ${runId} is corrupt: harness-runs/${runId}.json is not JSON (it ends early at ${where})`,
      ],
      userCancel: [500, 'RECORD_CORRUPT'],
      adminCancel: [200, 'cancelled'],
      after: 'cancelled',
      left: 0,
    });
  });
});
