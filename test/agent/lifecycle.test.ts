import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { isProcessAlive } from '../../packages/runtime/src/process/process-group.js';
import { transition } from '../../packages/runtime/src/agent/run-lifecycle.js';
import { AgentProject, script, waitFor } from './agent-fixture.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

const statuses = (history: { status: string }[]) => history.map((entry) => entry.status);

describe('agent run lifecycle', { timeout: 180_000 }, () => {
  test('queued -> running -> completed: stdin payload, artifacts dir, provenance and events', async () => {
    project = new AgentProject().agent('echo', {
      argv: [process.execPath, script('echo.mjs')],
      env: { EXTRA: 'extra-value' },
    });
    const { user } = await project.runtime('in-process');
    const output = await user.run({
      agentKey: 'echo',
      prompt: 'summarize the repo',
      input: { depth: 2 },
      mode: 'fast',
      metadata: { ticket: 'T-1' },
    });
    expect(output.status).toBe('queued');
    expect(output.submittedAt).toMatch(ISO);
    expect(output.contextSnapshotId).toMatch(/^ctx-[0-9a-f]{64}$/);

    const record = await project.waitForStatus(output.runId, 'completed');
    expect(statuses(record.history)).toStrictEqual(['queued', 'running', 'completed']);
    expect(record.execution).toStrictEqual({
      argv: [process.execPath, script('echo.mjs')],
      cwd: '.',
      envKeys: ['AGENT_ARTIFACTS_DIR', 'AGENT_RUN_ID', 'EXTRA'],
      timeoutMs: 600_000,
    });
    expect([
      record.exit?.outcome,
      record.exit?.exitCode,
      record.actor,
      record.worker?.pid,
    ]).toStrictEqual(['exited', 0, { kind: 'user', id: 'uma' }, process.pid]);
    expect(JSON.stringify(record)).not.toContain('extra-value');
    expect(JSON.stringify(record)).not.toContain('summarize the repo');

    const seen = JSON.parse(
      readFileSync(join(project.store.artifactsDir(output.runId), 'payload.json'), 'utf8'),
    );
    expect(seen).toStrictEqual({
      payload: {
        runId: output.runId,
        agentKey: 'echo',
        prompt: 'summarize the repo',
        input: { depth: 2 },
        contextSnapshotId: output.contextSnapshotId,
        mode: 'fast',
        metadata: { ticket: 'T-1' },
      },
      runIdEnv: output.runId,
      extra: 'extra-value',
    });

    // The record is written before its event is appended: wait for the event.
    await waitFor(
      'the completed event',
      async () => (await project.timeline().list({ key: 'agent.run.completed' }))[0],
    );
    const list = (await project.timeline().list({ runId: output.runId })).map((event) => ({
      id: event.id,
      key: event.key,
      payload: event.payload,
      operation: event.operation,
    }));
    expect(list).toStrictEqual([
      {
        id: `${output.runId}/agent.run.started`,
        key: 'agent.run.started',
        payload: {
          runId: output.runId,
          agentKey: 'echo',
          status: 'running',
          startedAt: record.startedAt,
          contextSnapshotId: output.contextSnapshotId,
        },
        operation: { key: 'agent.run', version: '1.0.0' },
      },
      {
        id: `${output.runId}/agent.run.completed`,
        key: 'agent.run.completed',
        payload: {
          runId: output.runId,
          agentKey: 'echo',
          status: 'completed',
          completedAt: record.completedAt,
          contextSnapshotId: output.contextSnapshotId,
        },
        operation: undefined,
      },
    ]);
  });

  test('running -> failed: errorMessage in lastError, masked in the timeline, artifacts kept', async () => {
    project = new AgentProject().agent('fail', {
      argv: [process.execPath, script('fail.mjs'), 'SECRET-ERROR-7731'],
    });
    const { user } = await project.runtime('in-process');
    const { runId } = await user.run({ agentKey: 'fail', prompt: 'PROMPT-SECRET-4410' });
    const record = await project.waitForStatus(runId, 'failed');
    expect([record.failureReason, record.lastError, record.exit?.exitCode]).toStrictEqual([
      'exit-code',
      'agent exited with code 3: SECRET-ERROR-7731',
      3,
    ]);
    const status = await user.status({ runId });
    expect(status.runs.map((run) => [run.status, run.lastError])).toStrictEqual([
      ['failed', 'agent exited with code 3: SECRET-ERROR-7731'],
    ]);
    const failed = await waitFor(
      'the failed event',
      async () => (await project.timeline().list({ key: 'agent.run.failed' }))[0],
    );
    expect(failed.payload).toStrictEqual({
      runId,
      agentKey: 'fail',
      status: 'failed',
      failedAt: record.completedAt,
      errorMessage: '[redacted]',
      problem: { reason: 'exit-code', exitCode: 3, signal: null },
      contextSnapshotId: record.contextSnapshotId,
    });
    const text = project.timelineText();
    expect([text.includes('SECRET-ERROR-7731'), text.includes('PROMPT-SECRET-4410')]).toStrictEqual(
      [false, false],
    );
    const kinds = (await user.artifacts({ runId })).artifacts.map(
      (artifact) => artifact.artifactId,
    );
    expect(kinds).toStrictEqual([
      `${runId}/stdout`,
      `${runId}/stderr`,
      `${runId}/files/partial.txt`,
    ]);
  });

  test('a run whose agent definition vanished or whose cwd is missing fails with reason setup and never starts', async () => {
    project = new AgentProject()
      .agent('gone', { argv: [process.execPath, script('echo.mjs')] })
      .agent('nowhere', { argv: [process.execPath, script('echo.mjs')], cwd: 'missing-dir' });
    const queue = await project.runtime('none');
    const gone = await queue.user.run({ agentKey: 'gone' });
    const nowhere = await queue.user.run({ agentKey: 'nowhere' });
    rmSync(join(project.dir, 'agents', 'gone.json'));
    await project.runtime('in-process');
    const records = [
      await project.waitForStatus(gone.runId, 'failed'),
      await project.waitForStatus(nowhere.runId, 'failed'),
    ];
    expect(
      records.map((record) => [record.failureReason, record.lastError, record.execution]),
    ).toStrictEqual([
      ['setup', 'unknown agent "gone"; known agents in agents/: nowhere', undefined],
      ['setup', 'agent cwd missing-dir is not a directory', undefined],
    ]);
    await waitFor('both failed events', async () =>
      (await project.timeline().list({ key: 'agent.run.failed' })).length === 2 ? true : undefined,
    );
    expect((await project.timeline().list({ key: 'agent.run.started' })).length).toBe(0);
  });

  test('an agent whose binary does not exist fails with reason spawn-error', async () => {
    project = new AgentProject().agent('ghost', { argv: ['no-such-agent-binary-x9'] });
    const { user } = await project.runtime('in-process');
    const { runId } = await user.run({ agentKey: 'ghost' });
    const record = await project.waitForStatus(runId, 'failed');
    expect(record.failureReason).toBe('spawn-error');
    expect(record.lastError).toContain('no-such-agent-binary-x9');
  });

  test('an agent past its timeoutMs fails with reason timed-out', async () => {
    project = new AgentProject().agent('slow', {
      argv: [process.execPath, script('sleeper.mjs')],
      timeoutMs: 1000,
    });
    const { user } = await project.runtime('in-process', { killGraceMs: 200 });
    const { runId } = await user.run({ agentKey: 'slow' });
    const record = await project.waitForStatus(runId, 'failed');
    const pids = JSON.parse(
      readFileSync(join(project.store.artifactsDir(runId), 'pids.json'), 'utf8'),
    );
    project.pids.push(pids.agent, pids.grandchild);
    expect([record.failureReason, record.lastError]).toStrictEqual([
      'timed-out',
      'timed out after 1000 ms',
    ]);
    await waitFor('the grandchild to die', () =>
      isProcessAlive(pids.grandchild) ? undefined : true,
    );
  });

  test('cancel of a running agent kills its process group, grandchild included, and keeps artifacts', async () => {
    project = new AgentProject().agent('sleeper', {
      argv: [process.execPath, script('sleeper.mjs')],
    });
    const { user, admin } = await project.runtime('in-process', { killGraceMs: 300 });
    const { runId } = await user.run({ agentKey: 'sleeper' });
    await project.waitForStatus(runId, 'running');
    const pidsFile = join(project.store.artifactsDir(runId), 'pids.json');
    const pids = await waitFor('pids.json', () =>
      existsSync(pidsFile)
        ? (JSON.parse(readFileSync(pidsFile, 'utf8')) as { agent: number; grandchild: number })
        : undefined,
    );
    project.pids.push(pids.agent, pids.grandchild);
    const recorded = await waitFor(
      'the process group in the record',
      async () => (await project.record(runId)).processGroup,
    );
    expect(recorded).toBe(pids.agent);

    const cancelled = await admin.cancel({ runId, reason: 'operator stop', requestedBy: 'ops' });
    expect([cancelled.runId, cancelled.status, typeof cancelled.cancelledAt]).toStrictEqual([
      runId,
      'cancelled',
      'string',
    ]);
    await waitFor('agent and grandchild to die', () =>
      isProcessAlive(pids.agent) || isProcessAlive(pids.grandchild) ? undefined : true,
    );
    const record = await waitFor('the exit to be recorded', async () => {
      const stored = await project.record(runId);
      return stored.exit ? stored : undefined;
    });
    expect([
      record.status,
      statuses(record.history),
      record.cancellation?.reason,
      record.cancellation?.requestedBy,
    ]).toStrictEqual(['cancelled', ['queued', 'running', 'cancelled'], 'operator stop', 'ops']);
    const artifacts = (await user.artifacts({ runId })).artifacts.map((artifact) => artifact.kind);
    expect(artifacts).toStrictEqual(['stdout', 'stderr', 'file']);
    expect(readFileSync(join(project.store.runDir(runId), 'stdout.txt'), 'utf8')).toBe('started\n');
    // A second cancel answers like the first; no event is written for a cancel.
    expect(await admin.cancel({ runId })).toStrictEqual(cancelled);
    const keys = (await project.timeline().list({ runId })).map((event) => event.key);
    expect(keys).toStrictEqual(['agent.run.started']);
  });

  test('cancel kills the recorded process group of a run whose worker lives in another process', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const { user, admin } = await project.runtime('none');
    const { runId } = await user.run({ agentKey: 'echo' });
    const group = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      detached: true,
      stdio: 'ignore',
    });
    group.unref();
    project.pids.push(group.pid!);
    const record = await project.record(runId);
    // As another process's worker leaves it: running, with the agent's group recorded.
    record.worker = { pid: process.ppid };
    record.processGroup = group.pid!;
    await project.store.write(transition(record, 'running', new Date().toISOString()));
    expect((await admin.cancel({ runId })).status).toBe('cancelled');
    await waitFor('the group to die', () => (isProcessAlive(group.pid!) ? undefined : true));
    expect(statuses((await project.record(runId)).history)).toStrictEqual([
      'queued',
      'running',
      'cancelled',
    ]);
  });

  test('cancel of a queued run: it never starts; cancel of an ended run changes nothing', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const queueOnly = await project.runtime('none');
    const { runId } = await queueOnly.user.run({ agentKey: 'echo' });
    const cancelled = await queueOnly.admin.cancel({ runId });
    expect(cancelled.status).toBe('cancelled');
    const done = await queueOnly.user.run({ agentKey: 'echo' });
    await project.runtime('in-process');
    await project.waitForStatus(done.runId, 'completed');
    expect(await queueOnly.admin.cancel({ runId: done.runId })).toStrictEqual({
      runId: done.runId,
      status: 'completed',
    });
    const record = await project.record(runId);
    expect([
      record.status,
      statuses(record.history),
      existsSync(join(project.store.runDir(runId), 'stdout.txt')),
    ]).toStrictEqual(['cancelled', ['queued', 'cancelled'], false]);
  });
});
