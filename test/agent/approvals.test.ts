import { existsSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { problemOf } from '../support/contract-rejection.js';
import { AgentProject, script } from './agent-fixture.js';

let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

const statuses = (history: { status: string }[]) => history.map((entry) => entry.status);

function gatedProject(): AgentProject {
  return new AgentProject().agent('gated', {
    argv: [process.execPath, script('echo.mjs')],
    requiresApproval: true,
  });
}

describe('agent approvals', { timeout: 180_000 }, () => {
  test('queued -> awaiting_approval (agent.approval.requested, reason masked), approve -> queued -> running -> completed', async () => {
    project = gatedProject();
    const { user, admin } = await project.runtime('in-process');
    const output = await user.run({ agentKey: 'gated', prompt: 'p' });
    expect(output.status).toBe('awaiting_approval');
    const waiting = await project.record(output.runId);
    const approvalId = waiting.approval!.approvalId;
    expect(approvalId).toMatch(/^apr-/);
    // The worker polls every 100 ms: a gated run stays put however often it looks.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(
      (await user.status({ runId: output.runId })).runs.map((run) => run.status),
    ).toStrictEqual(['awaiting_approval']);
    const requested = await project.timeline().list({ key: 'agent.approval.requested' });
    expect(requested.map((event) => event.payload)).toStrictEqual([
      { runId: output.runId, approvalId, reason: '[redacted]', requestedAt: output.submittedAt },
    ]);

    const resolved = await admin.approvals({
      runId: output.runId,
      action: 'approve',
      comment: 'looks safe',
    });
    expect([resolved.approvalId, resolved.status, typeof resolved.resolvedAt]).toStrictEqual([
      approvalId,
      'approved',
      'string',
    ]);
    const record = await project.waitForStatus(output.runId, 'completed');
    expect(statuses(record.history)).toStrictEqual([
      'queued',
      'awaiting_approval',
      'queued',
      'running',
      'completed',
    ]);
    expect(record.approval).toStrictEqual({
      approvalId,
      requestedAt: output.submittedAt,
      decision: 'approved',
      resolvedAt: resolved.resolvedAt,
      approverId: 'ada',
      comment: 'looks safe',
    });
  });

  test('reject: the run ends rejected and never starts', async () => {
    project = gatedProject();
    const { user, admin } = await project.runtime('in-process');
    const { runId } = await user.run({ agentKey: 'gated' });
    const resolved = await admin.approvals({ runId, action: 'reject', approverId: 'rev-1' });
    expect(resolved.status).toBe('rejected');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const record = await project.record(runId);
    expect([
      record.status,
      statuses(record.history),
      record.startedAt,
      record.approval?.approverId,
    ]).toStrictEqual(['rejected', ['queued', 'awaiting_approval', 'rejected'], undefined, 'rev-1']);
    expect(existsSync(project.store.pidFile(runId))).toBe(false);
    expect((await project.timeline().list({ runId })).map((event) => event.key)).toStrictEqual([
      'agent.approval.requested',
    ]);
    expect((await user.artifacts({ runId })).artifacts).toStrictEqual([]);
  });

  test('an unknown action is refused with the valid ones listed; the run keeps waiting', async () => {
    project = gatedProject();
    const { user, admin } = await project.runtime('none');
    const { runId } = await user.run({ agentKey: 'gated' });
    expect(await problemOf(admin.approvals({ runId, action: 'maybe' }))).toStrictEqual({
      code: 'VALIDATION_FAILED',
      message: 'input.action: unknown action "maybe"; valid actions: approve, reject',
      details: [
        { path: 'input.action', message: 'unknown action "maybe"; valid actions: approve, reject' },
      ],
    });
    expect((await project.record(runId)).status).toBe('awaiting_approval');
  });

  test('resolving a run that is not awaiting approval, or an unknown run, is refused', async () => {
    project = gatedProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const { user, admin } = await project.runtime('none');
    const { runId } = await user.run({ agentKey: 'echo' });
    expect((await problemOf(admin.approvals({ runId, action: 'approve' }))).message).toBe(
      `input.runId: run ${runId} is queued, not awaiting approval`,
    );
    const gated = await user.run({ agentKey: 'gated' });
    await admin.approvals({ runId: gated.runId, action: 'reject' });
    expect(
      (await problemOf(admin.approvals({ runId: gated.runId, action: 'approve' }))).message,
    ).toBe(`input.runId: run ${gated.runId} is rejected, not awaiting approval`);
    expect(
      await problemOf(admin.approvals({ runId: 'run-nope', action: 'approve' })),
    ).toStrictEqual({
      code: 'NOT_FOUND',
      message: 'no agent run "run-nope"',
      details: [{ path: 'input.runId', message: 'unknown run' }],
    });
  });
});
