import { afterEach, describe, expect, test } from 'vitest';
import type { Actor } from '../../packages/runtime/src/actor.js';
import { isContractError } from '../../packages/runtime/src/errors.js';
import { AgentProject, script } from './agent-fixture.js';

let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

describe('agent policy from the contract', { timeout: 180_000 }, () => {
  test('agent.cancel and agent.approvals refuse a user (FORBIDDEN) and an anonymous caller (UNAUTHORIZED) through the router', async () => {
    project = new AgentProject().agent('gated', {
      argv: [process.execPath, script('echo.mjs')],
      requiresApproval: true,
    });
    const { router, user } = await project.runtime('none');
    const { runId } = await user.run({ agentKey: 'gated' });
    const outcomes: string[] = [];
    const callers: Actor[] = [
      { kind: 'anonymous' },
      { kind: 'user', id: 'u' },
      { kind: 'admin', id: 'a' },
    ];
    for (const [key, input] of [
      ['agent.cancel', { runId }],
      ['agent.approvals', { runId, action: 'reject' }],
    ] as const) {
      for (const actor of callers) {
        try {
          const output = (await router.call(key, input, { actor })) as { status: string };
          outcomes.push(`${key} ${actor.kind}: ${output.status}`);
        } catch (error) {
          if (!isContractError(error)) throw error;
          outcomes.push(`${key} ${actor.kind}: ${error.code} ${error.status} ${error.message}`);
        }
      }
    }
    expect(outcomes).toStrictEqual([
      'agent.cancel anonymous: UNAUTHORIZED 401 agent.cancel@1.0.0 needs a signed-in admin actor',
      'agent.cancel user: FORBIDDEN 403 agent.cancel@1.0.0 needs an admin actor; the caller is a user',
      'agent.cancel admin: cancelled',
      'agent.approvals anonymous: UNAUTHORIZED 401 agent.approvals@1.0.0 needs a signed-in admin actor',
      'agent.approvals user: FORBIDDEN 403 agent.approvals@1.0.0 needs an admin actor; the caller is a user',
      'agent.approvals admin: VALIDATION_FAILED 400 input.runId: run ' +
        runId +
        ' is cancelled, not awaiting approval',
    ]);
    // The refused calls changed nothing: the admin's cancel is the only transition.
    expect((await project.record(runId)).history.map((entry) => entry.status)).toStrictEqual([
      'queued',
      'awaiting_approval',
      'cancelled',
    ]);
  });
});
