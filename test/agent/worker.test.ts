import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { createAgentClient } from '../../packages/runtime/src/generated/agent/client.js';
import { isProcessAlive } from '../../packages/runtime/src/process/process-group.js';
import { createAppRuntime } from '../../packages/runtime/src/app-runtime.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { transition } from '../../packages/runtime/src/agent/run-lifecycle.js';
import { AgentProject, ADMIN, script, USER, waitFor } from './agent-fixture.js';

let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

const statuses = (history: { status: string }[]) => history.map((entry) => entry.status);
const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('agent worker', { timeout: 180_000 }, () => {
  test('restart: queued runs survive, a running run whose worker died becomes failed/interrupted and its group is killed', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const queue = await project.runtime('none');
    const survivor = await queue.user.run({ agentKey: 'echo' });
    await pause();
    const orphaned = await queue.user.run({ agentKey: 'echo', prompt: 'PROMPT-OF-THE-DEAD' });
    await pause();
    const foreign = await queue.user.run({ agentKey: 'echo' });

    const deadWorker = spawnSync(process.execPath, ['-e', '']).pid;
    const leftover = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      detached: true,
      stdio: 'ignore',
    });
    leftover.unref();
    project.pids.push(leftover.pid!);
    const store = project.store;
    const dead = await project.record(orphaned.runId);
    dead.worker = { pid: deadWorker };
    dead.processGroup = leftover.pid!;
    dead.startedAt = new Date().toISOString();
    await store.write(transition(dead, 'running', dead.startedAt));
    // Claimed by a live worker (this very process, as far as the pid goes): left alone.
    const alive = await project.record(foreign.runId);
    alive.worker = { pid: process.pid };
    await store.write(transition(alive, 'running', new Date().toISOString()));

    await project.runtime('in-process');
    const failed = await project.waitForStatus(orphaned.runId, 'failed');
    expect([failed.failureReason, failed.lastError, statuses(failed.history)]).toStrictEqual([
      'interrupted',
      `interrupted: worker ${deadWorker} died while the run was running`,
      ['queued', 'running', 'failed'],
    ]);
    await project.waitForStatus(survivor.runId, 'completed');
    await waitFor('the leftover group to die', () =>
      isProcessAlive(leftover.pid!) ? undefined : true,
    );
    const event = await waitFor(
      'the failed event',
      async () => (await project.timeline().list({ key: 'agent.run.failed' }))[0],
    );
    expect(event.payload).toStrictEqual({
      runId: orphaned.runId,
      agentKey: 'echo',
      status: 'failed',
      failedAt: failed.completedAt,
      errorMessage: '[redacted]',
      problem: { reason: 'interrupted' },
      contextSnapshotId: failed.contextSnapshotId,
    });
    expect((await project.record(foreign.runId)).status).toBe('running');
    expect(project.timelineText().includes('PROMPT-OF-THE-DEAD')).toBe(false);
  });

  test('close() of the in-process worker ends a run in flight failed/interrupted and kills its group', async () => {
    project = new AgentProject().agent('sleeper', {
      argv: [process.execPath, script('sleeper.mjs')],
    });
    const { user, close } = await project.runtime('in-process', { killGraceMs: 200 });
    const { runId } = await user.run({ agentKey: 'sleeper' });
    const pidsFile = join(project.store.artifactsDir(runId), 'pids.json');
    const pids = await waitFor('pids.json', () =>
      existsSync(pidsFile)
        ? (JSON.parse(readFileSync(pidsFile, 'utf8')) as { agent: number; grandchild: number })
        : undefined,
    );
    project.pids.push(pids.agent, pids.grandchild);
    await close();
    const record = await project.record(runId);
    expect([record.status, record.failureReason, record.exit?.outcome]).toStrictEqual([
      'failed',
      'interrupted',
      'aborted',
    ]);
    await waitFor('agent and grandchild to die', () =>
      isProcessAlive(pids.agent) || isProcessAlive(pids.grandchild) ? undefined : true,
    );
  });

  test('concurrency 2: two runs execute at the same time', async () => {
    project = new AgentProject();
    const barrier = join(project.dir, 'barrier');
    mkdirSync(barrier);
    project.agent('barrier', {
      argv: [process.execPath, script('barrier.mjs')],
      env: { BARRIER_DIR: barrier, BARRIER_COUNT: '2' },
      timeoutMs: 120_000,
    });
    const { user } = await project.runtime('in-process', { concurrency: 2 });
    const first = await user.run({ agentKey: 'barrier' });
    const second = await user.run({ agentKey: 'barrier' });
    // Each agent only exits 0 once it saw the other's start marker: they ran simultaneously.
    const records = [
      await project.waitForStatus(first.runId, 'completed', 60_000),
      await project.waitForStatus(second.runId, 'completed', 60_000),
    ];
    expect(
      records.map((record) =>
        readFileSync(join(project.store.runDir(record.runId), 'stdout.txt'), 'utf8'),
      ),
    ).toStrictEqual(['met 2\n', 'met 2\n']);
  });

  test('concurrency 1: higher priority first, then oldest submission, one at a time', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const queue = await project.runtime('none');
    const low = await queue.user.run({ agentKey: 'echo', priority: 0 });
    await pause();
    const highOld = await queue.user.run({ agentKey: 'echo', priority: 5 });
    await pause();
    const highNew = await queue.user.run({ agentKey: 'echo', priority: 5 });
    await pause();
    const negative = await queue.user.run({ agentKey: 'echo', priority: -1 });
    await project.runtime('in-process', { concurrency: 1 });
    for (const { runId } of [low, highOld, highNew, negative])
      await project.waitForStatus(runId, 'completed');
    const started = await project.timeline().list({ key: 'agent.run.started' });
    expect(started.map((event) => event.payload.runId)).toStrictEqual([
      highOld.runId,
      highNew.runId,
      low.runId,
      negative.runId,
    ]);
    const records = await Promise.all(
      [highOld, highNew, low, negative].map(({ runId }) => project.record(runId)),
    );
    for (let index = 1; index < records.length; index++) {
      expect(records[index]!.startedAt! >= records[index - 1]!.completedAt!).toBe(true);
    }
  });
});

describe('the app runtime and the example agent', { timeout: 180_000 }, () => {
  test('createAppRuntime runs examples/agent through its in-process worker; approval gates the reviewed agent', async () => {
    project = new AgentProject();
    const options = resolveRuntimeOptions(
      {
        cwd: PROJECT_ROOT,
        stateDir: project.stateDir,
        agentsDir: 'examples/agent/agents',
        agentWorker: 'in-process',
      },
      {},
    );
    const app = await createAppRuntime(options);
    try {
      const client = (actor: typeof USER) =>
        createAgentClient(
          localTransport(app.routerFor('agent.run'), { actor, onEvent: app.onEvent }),
        );
      const { runId } = await client(USER).run({
        agentKey: 'summarize',
        prompt: 'one two three',
        input: { repo: 'demo' },
      });
      const record = await project.waitForStatus(runId, 'completed');
      expect(readFileSync(join(project.store.runDir(runId), 'stdout.txt'), 'utf8')).toBe(
        `summarized 3 words for ${runId}\n`,
      );
      expect(readFileSync(join(project.store.artifactsDir(runId), 'summary.md'), 'utf8')).toBe(
        `# Summary of ${runId}\n\n- one\n- two\n- three\n`,
      );
      expect(record.execution?.envKeys).toStrictEqual([
        'AGENT_ARTIFACTS_DIR',
        'AGENT_RUN_ID',
        'SUMMARY_STYLE',
      ]);
      const gated = await app.call(
        'agent.run',
        { agentKey: 'summarize-reviewed', prompt: 'a b' },
        USER,
      );
      expect((gated as { status: string }).status).toBe('awaiting_approval');
      const gatedId = (gated as { runId: string }).runId;
      await client(ADMIN).approvals({ runId: gatedId, action: 'approve' });
      await project.waitForStatus(gatedId, 'completed');
      expect(readFileSync(join(project.store.artifactsDir(gatedId), 'summary.md'), 'utf8')).toBe(
        `# Summary of ${gatedId}\n\nThe prompt has 2 words, starting with "a b".\n`,
      );
    } finally {
      await app.close();
    }
  });
});
