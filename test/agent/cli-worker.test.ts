import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../packages/runtime/src/process/process-group.js';
import { CLI, runCli } from '../support/cli.js';
import { AgentProject, script, waitFor } from './agent-fixture.js';

// These tests run the compiled CLI: `npm test` builds it first (`pretest`). Generous per-test
// timeouts: several CLI processes start one after another on a possibly loaded machine.
let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

function startWorker(dir: string, ...extra: string[]) {
  const child = spawn(
    process.execPath,
    [CLI, 'agent', 'work', '--cwd', dir, '--idle-exit-ms', '300', ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
  return { pid: child.pid!, exited };
}

describe('contracts agent work', { timeout: 180_000 }, () => {
  test('--help lists every option', () => {
    project = new AgentProject();
    const result = runCli(['agent', 'work', '--help'], project.dir);
    const flags = [...result.stdout.matchAll(/^ {2}(-[-\w, ]+?)(?: <\w+>)? {2}/gm)].map(
      (match) => match[1],
    );
    expect([result.status, result.stdout.split('\n')[0], flags]).toStrictEqual([
      0,
      'Usage: contracts agent work [options]',
      ['--cwd', '--state-dir', '--agents-dir', '--concurrency', '--idle-exit-ms', '-h, --help'],
    ]);
  });

  test('drains the queue in its own process; a cancel from another process kills the run there; exits when idle', async () => {
    project = new AgentProject()
      .agent('echo', { argv: [process.execPath, script('echo.mjs')] })
      .agent('sleeper', { argv: [process.execPath, script('sleeper.mjs')] });
    const { user, admin } = await project.runtime('none');
    const first = await user.run({ agentKey: 'echo' });
    const second = await user.run({ agentKey: 'echo' });
    const sleeping = await user.run({ agentKey: 'sleeper', priority: 9 });
    const worker = startWorker(project.dir, '--concurrency', '2');
    project.pids.push(worker.pid);

    const running = await waitFor('the sleeper to run with a known process group', async () => {
      const record = await project.record(sleeping.runId);
      return record.processGroup ? record : undefined;
    });
    expect(running.worker?.pid).toBe(worker.pid);
    const pidsFile = join(project.store.artifactsDir(sleeping.runId), 'pids.json');
    const pids = await waitFor('pids.json', () =>
      existsSync(pidsFile)
        ? (JSON.parse(readFileSync(pidsFile, 'utf8')) as { agent: number; grandchild: number })
        : undefined,
    );
    project.pids.push(pids.agent, pids.grandchild);
    expect((await admin.cancel({ runId: sleeping.runId })).status).toBe('cancelled');
    await waitFor('agent and grandchild to die', () =>
      isProcessAlive(pids.agent) || isProcessAlive(pids.grandchild) ? undefined : true,
    );

    const ended = await worker.exited;
    expect([ended.code, ended.stderr, ended.stdout.trim().split('\n').sort()]).toStrictEqual([
      0,
      '',
      [
        `${first.runId} completed`,
        `${second.runId} completed`,
        `${sleeping.runId} cancelled`,
      ].sort(),
    ]);
    const cancelled = await project.record(sleeping.runId);
    // The cancel's kill or the worker's own abort (it sees the record cancelled) may land first.
    expect([
      cancelled.status,
      cancelled.exit?.outcome === 'exited' || cancelled.exit?.outcome === 'aborted',
      existsSync(join(project.stateDir, 'agent', 'worker.lock')),
    ]).toStrictEqual(['cancelled', true, false]);
  });

  test('a second worker exits at once while a live one holds the worker lock; a dead holder is taken over', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const { user } = await project.runtime('none');
    const { runId } = await user.run({ agentKey: 'echo' });
    const lock = join(project.stateDir, 'agent', 'worker.lock');
    writeFileSync(lock, String(process.pid));
    const busy = await startWorker(project.dir).exited;
    expect([
      busy.code,
      busy.stdout,
      busy.stderr,
      (await project.record(runId)).status,
    ]).toStrictEqual([
      0,
      '',
      `contracts agent work: worker ${process.pid} already drains this queue\n`,
      'queued',
    ]);
    writeFileSync(lock, '999999999');
    const drained = await startWorker(project.dir).exited;
    expect([drained.code, drained.stdout, (await project.record(runId)).status]).toStrictEqual([
      0,
      `${runId} completed\n`,
      'completed',
    ]);
  });

  test('contracts call agent.run starts a detached worker that runs the queue and exits when idle; --actor gates admin operations', async () => {
    project = new AgentProject()
      .agent('echo', { argv: [process.execPath, script('echo.mjs')] })
      .agent('gated', { argv: [process.execPath, script('echo.mjs')], requiresApproval: true });
    const call = (key: string, input: unknown, actor = 'user') => {
      const result = runCli(
        ['call', key, '--cwd', project.dir, '--actor', actor, '--input', JSON.stringify(input)],
        project.dir,
      );
      return { status: result.status, output: JSON.parse(result.stdout || result.stderr) };
    };
    const runs = [
      call('agent.run', { agentKey: 'echo', prompt: 'p1' }),
      call('agent.run', { agentKey: 'echo' }),
    ];
    expect(runs.map((run) => [run.status, run.output.status])).toStrictEqual([
      [0, 'queued'],
      [0, 'queued'],
    ]);
    const records = [];
    for (const run of runs)
      records.push(await project.waitForStatus(run.output.runId, 'completed', 60_000));
    // Detached workers ran them, in processes of their own (the CLI call has exited by now).
    const workerPids = records.map((record) => record.worker!.pid);
    project.pids.push(...workerPids);
    expect(workerPids.map((pid) => pid === process.pid)).toStrictEqual([false, false]);

    const gated = call('agent.run', { agentKey: 'gated' });
    expect(gated.output.status).toBe('awaiting_approval');
    const refused = call('agent.approvals', { runId: gated.output.runId, action: 'approve' });
    expect([refused.status, refused.output.error.code]).toStrictEqual([1, 'FORBIDDEN']);
    const approved = call(
      'agent.approvals',
      { runId: gated.output.runId, action: 'approve' },
      'admin',
    );
    expect([approved.status, approved.output.status]).toStrictEqual([0, 'approved']);
    const record = await project.waitForStatus(gated.output.runId, 'completed', 60_000);
    project.pids.push(record.worker!.pid);
    await waitFor(
      'the detached workers to exit',
      () => ([...workerPids, record.worker!.pid].some(isProcessAlive) ? undefined : true),
      60_000,
    );
    expect(existsSync(join(project.stateDir, 'agent', 'worker.lock'))).toBe(false);
  });
});
