import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { canonicalJson } from '../../packages/runtime/src/agent/snapshot-store.js';
import { problemOf } from '../support/contract-rejection.js';
import { AgentProject, script } from './agent-fixture.js';

let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

function echoProject(): AgentProject {
  return new AgentProject()
    .agent('echo', { argv: [process.execPath, script('echo.mjs')] })
    .agent('reviewer', { argv: ['true'] });
}

describe('agent.run submission', { timeout: 180_000 }, () => {
  test('an unknown agent is refused with the key, the folder searched and the known agents; nothing is queued', async () => {
    project = echoProject();
    const { user } = await project.runtime('none');
    const message = 'unknown agent "ghost"; known agents in agents/: echo, reviewer';
    expect(await problemOf(user.run({ agentKey: 'ghost', prompt: 'x' }))).toStrictEqual({
      code: 'VALIDATION_FAILED',
      message: `input.agentKey: ${message}`,
      details: [{ path: 'input.agentKey', message }],
    });
    expect(await problemOf(user.run({ agentKey: '../agents/echo' }))).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect([
      await project.store.list(),
      existsSync(join(project.stateDir, 'agent', 'snapshots')),
    ]).toStrictEqual([[], false]);
  });

  test('a given contextSnapshotId that names no stored snapshot is refused; nothing is queued', async () => {
    project = echoProject();
    const { user } = await project.runtime('none');
    for (const id of [`ctx-${'0'.repeat(64)}`, '../../etc/passwd']) {
      const message = `unknown context snapshot ${JSON.stringify(id)}`;
      expect(await problemOf(user.run({ agentKey: 'echo', contextSnapshotId: id }))).toStrictEqual({
        code: 'VALIDATION_FAILED',
        message: `input.contextSnapshotId: ${message}`,
        details: [{ path: 'input.contextSnapshotId', message }],
      });
    }
    expect(await project.store.list()).toStrictEqual([]);
  });

  test('snapshots are content-addressed: sha256 of the canonical JSON of prompt and input, reusable by id', async () => {
    project = echoProject();
    const { user } = await project.runtime('none');
    const first = await user.run({
      agentKey: 'echo',
      prompt: 'hello',
      input: { b: [1, { d: 2, c: 3 }], a: 'x' },
    });
    const expected = createHash('sha256')
      .update('{"input":{"a":"x","b":[1,{"c":3,"d":2}]},"prompt":"hello"}')
      .digest('hex');
    expect(first.contextSnapshotId).toBe(`ctx-${expected}`);
    expect(canonicalJson({ prompt: 'hello', input: { a: 'x', b: [1, { c: 3, d: 2 }] } })).toBe(
      '{"input":{"a":"x","b":[1,{"c":3,"d":2}]},"prompt":"hello"}',
    );
    const same = await user.run({
      agentKey: 'echo',
      input: { a: 'x', b: [1, { c: 3, d: 2 }] },
      prompt: 'hello',
    });
    const reused = await user.run({
      agentKey: 'echo',
      contextSnapshotId: first.contextSnapshotId!,
    });
    const matching = await user.run({
      agentKey: 'echo',
      contextSnapshotId: first.contextSnapshotId!,
      prompt: 'hello',
    });
    expect([
      same.contextSnapshotId,
      reused.contextSnapshotId,
      matching.contextSnapshotId,
    ]).toStrictEqual([first.contextSnapshotId, first.contextSnapshotId, first.contextSnapshotId]);
    const stored = JSON.parse(
      readFileSync(
        join(project.stateDir, 'agent', 'snapshots', `${first.contextSnapshotId}.json`),
        'utf8',
      ),
    );
    expect(stored).toStrictEqual({
      contextSnapshotId: first.contextSnapshotId,
      prompt: 'hello',
      input: { b: [1, { d: 2, c: 3 }], a: 'x' },
    });
    const empty = await user.run({ agentKey: 'echo' });
    expect(empty.contextSnapshotId).toBe(
      `ctx-${createHash('sha256').update('{"input":null,"prompt":null}').digest('hex')}`,
    );
  });

  test('a reused snapshot feeds its prompt and input to the agent; a different prompt next to it is refused', async () => {
    project = echoProject();
    const queue = await project.runtime('none');
    const first = await queue.user.run({
      agentKey: 'echo',
      prompt: 'from snapshot',
      input: { k: 1 },
    });
    expect(
      await problemOf(
        queue.user.run({
          agentKey: 'echo',
          contextSnapshotId: first.contextSnapshotId!,
          prompt: 'other',
        }),
      ),
    ).toStrictEqual({
      code: 'VALIDATION_FAILED',
      message:
        'input.prompt: differs from the prompt of the context snapshot; omit it or omit contextSnapshotId',
      details: [
        {
          path: 'input.prompt',
          message:
            'differs from the prompt of the context snapshot; omit it or omit contextSnapshotId',
        },
      ],
    });
    expect(
      (
        await problemOf(
          queue.user.run({
            agentKey: 'echo',
            contextSnapshotId: first.contextSnapshotId!,
            input: { k: 2 },
          }),
        )
      ).message,
    ).toBe(
      'input.input: differs from the input of the context snapshot; omit it or omit contextSnapshotId',
    );
    const reused = await queue.user.run({
      agentKey: 'echo',
      contextSnapshotId: first.contextSnapshotId!,
    });
    await project.runtime('in-process');
    await project.waitForStatus(reused.runId, 'completed');
    const seen = JSON.parse(
      readFileSync(join(project.store.artifactsDir(reused.runId), 'payload.json'), 'utf8'),
    );
    expect([seen.payload.prompt, seen.payload.input, seen.payload.contextSnapshotId]).toStrictEqual(
      ['from snapshot', { k: 1 }, first.contextSnapshotId],
    );
  });

  test('an invalid agent definition is refused with the file and the issues', async () => {
    project = echoProject();
    writeFileSync(
      join(project.dir, 'agents', 'broken.json'),
      JSON.stringify({ argv: [], shell: true }),
    );
    const { user } = await project.runtime('none');
    const refused = await problemOf(user.run({ agentKey: 'broken' }));
    expect([refused.code, refused.message]).toStrictEqual([
      'INTERNAL',
      'agent definition agents/broken.json is invalid: argv: Too small: expected array to have >=1 items; (root): Unrecognized key: "shell"',
    ]);
  });
});
