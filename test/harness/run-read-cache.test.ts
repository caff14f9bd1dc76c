import { readFileSync, utimesSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { isDeeplyFrozen } from '../../packages/runtime/src/deep-freeze.js';
import { writeJsonAtomic } from '../../packages/runtime/src/store/atomic-json.js';
import { pinnedHarness, type PinnedHarness } from './pinned-harness.js';
import { createWorkspace, respondExecutor, type Workspace } from './runtime-fixture.js';

const SUITE = {
  id: 'one',
  title: 'One',
  cases: [{ id: 'ok', title: 'Passes', input: { stdout: ['hello'] } }],
};

let workspace: Workspace;
let harness: PinnedHarness;

afterEach(async () => {
  await harness?.close();
  workspace?.remove();
});

/** Sets a state file's mtime an hour back, as if the run had ended long ago. */
function age(file: string): void {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(file, past, past);
}

describe('the harness read path over cached records', () => {
  test('run.get answers one frozen output per record version, and a rewrite at once', async () => {
    workspace = createWorkspace();
    workspace.writeSuite('one', SUITE);
    harness = pinnedHarness(workspace);
    await harness.client.run.start({ suiteKey: 'one', metadata: { executor: respondExecutor() } });
    const file = path.join(workspace.stateDir, 'harness-runs', 'hr-1.json');
    age(file);
    const get = () =>
      harness.router.call('harness.run.get', { runId: 'hr-1' }, { actor: { kind: 'user' } });
    const first = (await get()) as { run: { status: string } };
    const second = await get();
    expect([first.run.status, second === first, isDeeplyFrozen(first)]).toStrictEqual([
      'completed',
      true,
      true,
    ]);

    const record = JSON.parse(readFileSync(file, 'utf8')) as { run: { status: string } };
    record.run.status = 'cancelled';
    await writeJsonAtomic(file, record);
    const third = (await get()) as { run: { status: string } };
    expect([third.run.status, third === first]).toStrictEqual(['cancelled', false]);
  });

  test('run.get answers a record whose parse is kept at once, and another user NOT_FOUND', async () => {
    workspace = createWorkspace();
    workspace.writeSuite('one', SUITE);
    harness = pinnedHarness(workspace);
    await harness.client.run.start({ suiteKey: 'one', metadata: { executor: respondExecutor() } });
    age(path.join(workspace.stateDir, 'harness-runs', 'hr-1.json'));
    const get = (actor: { kind: 'user'; id?: string }) =>
      harness.handlers.runGet({ runId: 'hr-1' }, { actor } as never);
    const read = get({ kind: 'user' });
    const first = await read;
    const kept = get({ kind: 'user' });
    const other = await Promise.resolve()
      .then(() => get({ kind: 'user', id: 'someone-else' }))
      .catch((error: { code?: string }) => error.code);
    expect([read instanceof Promise, kept instanceof Promise, kept === first, other]).toStrictEqual(
      [true, false, true, 'NOT_FOUND'],
    );
  });

  test('evaluation.get and evidence.get answer deeply frozen values', async () => {
    workspace = createWorkspace();
    workspace.writeSuite('one', SUITE);
    harness = pinnedHarness(workspace);
    await harness.client.run.start({ suiteKey: 'one', metadata: { executor: respondExecutor() } });
    const { evaluation } = await harness.handlers.evaluationGet({ evaluationId: 'he-1' }, {
      actor: { kind: 'user' },
    } as never);
    const { artifact } = await harness.handlers.evidenceGet({ artifactId: 'hr-1:ok:stdout' }, {
      actor: { kind: 'user' },
    } as never);
    expect([
      evaluation.status,
      artifact.kind,
      isDeeplyFrozen(evaluation),
      isDeeplyFrozen(artifact),
    ]).toStrictEqual(['passed', 'console', true, true]);
  });
});
