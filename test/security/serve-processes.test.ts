import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { CLI, runCli } from '../support/cli.js';
import { callJson, pidsWithMarker, startServe, waitUntil } from '../support/served.js';
import { AttackProject, TOKENS, USER_1 } from './attack-fixture.js';

/**
 * What the processes of a run can do to the host and what is left of them: the sandbox, the
 * processes a case leaves behind, a runner killed with SIGKILL, and serve's shutdown grace.
 */

const project = new AttackProject('procs');
const { work, outside, marker } = project;

/** The sandbox tests' own project: its folders hold only sandboxed definitions. */
const boxed = new AttackProject('boxed');

afterEach(() => Promise.all([project.stopAll(), boxed.stopAll()]));
afterAll(() => {
  project.remove();
  boxed.remove();
});

const start = (url: string, executor: string, extra: Record<string, unknown> = {}) =>
  callJson(
    url,
    '/harness/run/start/v1.0.0',
    { suiteKey: 'one', metadata: { executor, ...extra } },
    USER_1,
  );

/** A script that starts `count` children carrying `tag` in its own process group, then exits 0. */
const SPAWNER = `
import { spawn } from 'node:child_process';
const [count, tag, how] = process.argv.slice(2);
for (let i = 0; i < Number(count); i++) {
  const argv = ['-e', 'setInterval(() => {}, 1000)', tag];
  const child = how === 'setsid'
    ? spawn('setsid', [process.execPath, ...argv], { stdio: 'ignore', detached: true })
    : spawn(process.execPath, argv, { stdio: 'ignore' });
  child.unref();
}
setTimeout(() => process.exit(0), 300);
`;

/** Reads the record files of a state directory. */
function records(stateDir: string): {
  run: { runId: string; status: string; steps: { status: string }[] };
  failure?: { reason: string };
}[] {
  const dir = join(stateDir, 'harness-runs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.endsWith('.cancel.json'))
    .map((name) => JSON.parse(readFileSync(join(dir, name), 'utf8')));
}

describe('what a case leaves behind', () => {
  test('a passing case that leaves 50 children in its process group leaves 0 processes', async () => {
    const spawner = project.script('spawner.mjs', SPAWNER);
    project.executor('spawner', { argv: [process.execPath, spawner, '50', `${marker}-group`] });
    const url = await project.serve();
    const answer = await start(url, 'spawner');
    const left = await waitUntil('the group to be gone', () =>
      pidsWithMarker(`${marker}-group`).length === 0 ? 0 : undefined,
    ).catch(() => pidsWithMarker(`${marker}-group`).length);
    expect([answer.body.run.status, left]).toStrictEqual(['completed', 0]);
  });
});

describe('the bubblewrap sandbox', () => {
  test('serve --sandbox required refuses to start while a definition has no sandbox', async () => {
    boxed.executor('plain', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    const served = boxed.start(['--sandbox', 'required']);
    const exit = await served.exit;
    rmSync(join(boxed.work, 'executors', 'plain.json'));
    expect([exit.code, exit.stderr]).toStrictEqual([
      2,
      'contracts: --sandbox required: executors/plain.json has no "sandbox": "bwrap"\n',
    ]);
  });

  test('hides the state directory and the tokens file, keeps the root read-only and the network off, and holds setsid children', async () => {
    const tokensFile = join(boxed.work, 'tokens.txt');
    writeFileSync(tokensFile, TOKENS.replaceAll(',', '\n'));
    const probe = boxed.script(
      'probe.mjs',
      `
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
const { STATE, TOKENS_FILE, OUTSIDE, PORT, TAG } = process.env;
const attempt = (action) => { try { action(); return true; } catch { return false; } };
const report = {
  stateEntries: fs.existsSync(STATE) ? fs.readdirSync(STATE).length : -1,
  stateWritable: attempt(() => fs.writeFileSync(STATE + '/harness-runs-evil.json', '{}')),
  tokens: fs.readFileSync(TOKENS_FILE, 'utf8'),
  outsideWritable: attempt(() => fs.writeFileSync(OUTSIDE + '/evil', 'x')),
  scratchWritable: attempt(() => fs.writeFileSync('scratch.txt', 'ok')),
};
spawn('setsid', [process.execPath, '-e', 'setInterval(() => {}, 1000)', TAG], { stdio: 'ignore', detached: true }).unref();
const socket = net.connect(Number(PORT), '127.0.0.1');
const done = (network) => { socket.destroy(); process.stdout.write(JSON.stringify({ ...report, network })); setTimeout(() => process.exit(0), 200); };
socket.once('connect', () => done(true));
socket.once('error', () => done(false));
`,
    );
    boxed.suite('sandboxed', {
      exitCode: 0,
      jsonSubset: {
        stateEntries: 0,
        stateWritable: false,
        tokens: '',
        outsideWritable: false,
        scratchWritable: true,
        network: false,
      },
    });
    const served = boxed.start(['--tokens-file', tokensFile, '--sandbox', 'required']);
    const url = await served.url;
    boxed.executor('probe', {
      argv: [process.execPath, probe],
      sandbox: 'bwrap',
      env: {
        STATE: boxed.stateDir,
        TOKENS_FILE: tokensFile,
        OUTSIDE: boxed.outside,
        PORT: new URL(url).port,
        TAG: `${boxed.marker}-setsid`,
      },
    });
    // Added after the start: refused when a run names it.
    boxed.executor('bare', { argv: [process.execPath, '-e', 'process.exit(0)'] });
    const answer = await callJson(
      url,
      '/harness/run/start/v1.0.0',
      { suiteKey: 'sandboxed', metadata: { executor: 'probe' } },
      USER_1,
    );
    const checks = answer.body.run.steps[0].metadata.checks;
    const unsandboxed = await start(url, 'bare');
    const left = await waitUntil('the setsid child to be gone', () =>
      pidsWithMarker(`${boxed.marker}-setsid`).length === 0 ? 0 : undefined,
    ).catch(() => pidsWithMarker(`${boxed.marker}-setsid`).length);
    expect({
      status: answer.body.run.status,
      failedChecks: checks.filter((check: { status: string }) => check.status !== 'passed'),
      evilOnHost: [
        existsSync(join(boxed.stateDir, 'harness-runs-evil.json')),
        existsSync(join(boxed.outside, 'evil')),
      ],
      left,
      required: [unsandboxed.status, unsandboxed.body.errors],
    }).toStrictEqual({
      status: 'completed',
      failedChecks: [],
      evilOnHost: [false, false],
      left: 0,
      required: [
        400,
        [
          {
            path: 'input.metadata.executor',
            message:
              'executor bare has no sandbox; this runtime requires "sandbox": "bwrap" in every executor definition',
          },
        ],
      ],
    });
  });
});

describe('a sandboxed agent', () => {
  test('writes its artifacts folder and nothing else of the state directory', async () => {
    const agent = boxed.script(
      'sandboxed-agent.mjs',
      `
import fs from 'node:fs';
const attempt = (action) => { try { action(); return 'written'; } catch { return 'refused'; } };
fs.writeFileSync(process.env.AGENT_ARTIFACTS_DIR + '/report.txt', [
  attempt(() => fs.writeFileSync(process.env.STATE + '/agent/evil.json', '{}')),
  attempt(() => fs.writeFileSync(process.env.AGENT_ARTIFACTS_DIR + '/probe', 'x')),
].join(','));
`,
    );
    const url = await boxed.serve();
    boxed.agent('boxed', {
      argv: [process.execPath, agent],
      sandbox: 'bwrap',
      env: { STATE: boxed.stateDir },
    });
    const run = await callJson(url, '/agent/run/v1.0.0', { agentKey: 'boxed' }, USER_1);
    const ended = await waitUntil('the agent run to end', async () => {
      const status = await callJson(url, '/agent/status/v1.0.0', { runId: run.body.runId }, USER_1);
      const summary = status.body.runs[0];
      return summary && ['completed', 'failed'].includes(summary.status) ? summary : undefined;
    });
    const artifacts = join(boxed.stateDir, 'agent', 'runs', run.body.runId, 'artifacts');
    expect([
      ended.status,
      readFileSync(join(artifacts, 'report.txt'), 'utf8'),
      existsSync(join(boxed.stateDir, 'agent', 'evil.json')),
    ]).toStrictEqual(['completed', 'refused,written', false]);
  });
});

describe('a crash never leaves a run running', () => {
  test('after kill -9 of `contracts harness run`, the run recovers as interrupted and no case process is left', async () => {
    const sleeper = project.script('sleeper.mjs', 'setTimeout(() => {}, 60_000);');
    const stateDir = join(work, 'killed-state');
    const input = JSON.stringify({
      suiteRef: 'one',
      executor: { kind: 'command', argv: [process.execPath, sleeper, `${marker}-orphan`] },
    });
    const runner = spawn(
      process.execPath,
      [CLI, 'harness', 'run', '--cwd', work, '--state-dir', stateDir, '--input', '-'],
      { stdio: ['pipe', 'ignore', 'ignore'] },
    );
    runner.stdin!.end(input);
    const live = await waitUntil('a case group to be registered', () => {
      const dir = join(stateDir, 'harness-runs');
      const folder = existsSync(dir)
        ? readdirSync(dir).find((name) => name.endsWith('.live'))
        : undefined;
      if (folder === undefined) return undefined;
      return readdirSync(join(dir, folder)).some((name) => name.startsWith('pgid-'))
        ? folder
        : undefined;
    });
    runner.kill('SIGKILL');
    await new Promise((resolve) => runner.once('exit', resolve));
    const orphans = pidsWithMarker(`${marker}-orphan`).length;
    const runId = live.slice(0, -'.live'.length);
    const got = runCli(
      [
        'call',
        'harness.run.get',
        '--cwd',
        work,
        '--state-dir',
        stateDir,
        '--input',
        JSON.stringify({ runId }),
      ],
      work,
    );
    const run = JSON.parse(got.stdout).run;
    expect({
      orphansBefore: orphans,
      status: run.status,
      steps: run.steps.map((step: { status: string }) => step.status),
      failure: records(stateDir)[0]!.failure?.reason,
      left: pidsWithMarker(`${marker}-orphan`).length,
      liveFolder: existsSync(join(stateDir, 'harness-runs', live)),
    }).toStrictEqual({
      orphansBefore: 1,
      status: 'failed',
      steps: ['failed'],
      failure: 'interrupted',
      left: 0,
      liveFolder: false,
    });
  });

  test('after kill -9 of serve with a background run, the next serve recovers it at start', async () => {
    const sleeper = project.script('sleeper.mjs', 'setTimeout(() => {}, 60_000);');
    project.executor('sleeper', { argv: [process.execPath, sleeper, `${marker}-bg`] });
    const first = project.start();
    const stateDir = project.stateDir;
    const answer = await start(await first.url, 'sleeper', { background: true });
    await waitUntil('the case to be registered', () => {
      const folder = join(stateDir, 'harness-runs', `${answer.body.run.runId}.live`);
      return existsSync(folder) && readdirSync(folder).some((name) => name.startsWith('pgid-'))
        ? true
        : undefined;
    });
    first.child.kill('SIGKILL');
    await first.exit;
    const orphans = pidsWithMarker(`${marker}-bg`).length;
    const second = startServe(work, ['--state-dir', stateDir], { CONTRACTS_TOKENS: TOKENS });
    const url = await second.url;
    const recordAtStart = records(stateDir)[0]!;
    const got = await callJson(
      url,
      '/harness/run/get/v1.0.0',
      { runId: answer.body.run.runId },
      USER_1,
    );
    await second.stop();
    expect({
      orphans,
      atStart: [recordAtStart.run.status, recordAtStart.failure?.reason],
      got: got.body.run.status,
      left: pidsWithMarker(`${marker}-bg`).length,
    }).toStrictEqual({ orphans: 1, atStart: ['failed', 'interrupted'], got: 'failed', left: 0 });
  });
});

describe('SIGTERM on serve', () => {
  test('stops accepting, lets a short run finish, stops a long one after the grace as interrupted, exits 0', async () => {
    const sleeper = project.script('sleeper.mjs', 'setTimeout(() => {}, 60_000);');
    const brief = project.script('brief.mjs', 'setTimeout(() => process.exit(0), 400);');
    project.executor('sleeper', { argv: [process.execPath, sleeper, `${marker}-term`] });
    project.executor('brief', { argv: [process.execPath, brief] });
    const served = project.start(['--shutdown-grace-ms', '1500']);
    const url = await served.url;
    const long = await start(url, 'sleeper', { background: true });
    const short = await start(url, 'brief', { background: true });
    served.child.kill('SIGTERM');
    const exit = await served.exit;
    const byId = new Map(records(project.stateDir).map((record) => [record.run.runId, record]));
    const longRecord = byId.get(long.body.run.runId)!;
    expect({
      code: exit.code,
      long: [longRecord.run.status, longRecord.failure?.reason],
      short: byId.get(short.body.run.runId)!.run.status,
      left: pidsWithMarker(`${marker}-term`).length,
      said: exit.stderr.includes('SIGTERM, stopping (runs in flight get 1500 ms)'),
    }).toStrictEqual({
      code: 0,
      long: ['failed', 'interrupted'],
      short: 'completed',
      left: 0,
      said: true,
    });
  });
});
