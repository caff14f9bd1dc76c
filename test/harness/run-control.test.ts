import {
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  unlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test, vi } from 'vitest';

import {
  liveGroupsOf,
  REGISTER_AFTER_MS,
  RunControl,
} from '../../packages/runtime/src/harness/control/run-control.js';
import type { EvidenceArtifact } from '../../packages/runtime/src/generated/harness/types.js';
import { planRun } from '../../packages/runtime/src/harness/planning/run-plan.js';
import { EvaluationStore } from '../../packages/runtime/src/harness/records/evaluation-store.js';
import { EvidenceStore } from '../../packages/runtime/src/harness/records/evidence-store.js';
import {
  newEvaluationId,
  newRunId,
} from '../../packages/runtime/src/harness/records/harness-ids.js';
import { RunStore } from '../../packages/runtime/src/harness/records/run-store.js';
import { HarnessStateLayout } from '../../packages/runtime/src/harness/records/state-layout.js';
import { HarnessRunService } from '../../packages/runtime/src/harness/run-service.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';
import { Timeline } from '../../packages/runtime/src/timeline.js';
import { createWorkspace, type Workspace } from './runtime-fixture.js';

const scratch: string[] = [];
let workspace: Workspace | undefined;
afterEach(() => {
  vi.useRealTimers();
  workspace?.remove();
  workspace = undefined;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function layout(): HarnessStateLayout {
  const dir = mkdtempSync(path.join(tmpdir(), 'run-control-'));
  scratch.push(dir);
  return new HarnessStateLayout(dir);
}

/** Resolves once `ready()` holds, checking after each turn of the event loop. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

describe('RunControl group registration', () => {
  test('a group released before REGISTER_AFTER_MS never gets a file', async () => {
    const state = layout();
    const control = new RunControl(state, 'hr-1');
    await control.open(4242);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    expect(control.registerGroup(100)).toBe(false);
    vi.advanceTimersByTime(REGISTER_AFTER_MS - 1);
    // Not awaited: the pending registration is dropped before releaseGroup returns.
    const released = control.releaseGroup(100);
    vi.advanceTimersByTime(10 * REGISTER_AFTER_MS);
    await released;
    expect(readdirSync(state.liveDir('hr-1'))).toStrictEqual(['owner']);
    await control.close();
    expect(existsSync(state.liveDir('hr-1'))).toBe(false);
  });

  test('a group still running after REGISTER_AFTER_MS is listed, and unlisted once released', async () => {
    const state = layout();
    const control = new RunControl(state, 'hr-1');
    await control.open(4242);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    control.registerGroup(101);
    control.registerGroup(102);
    vi.advanceTimersByTime(REGISTER_AFTER_MS);
    vi.useRealTimers();
    await until(() => liveGroupsOf(state, 'hr-1').length === 2);
    const listed = liveGroupsOf(state, 'hr-1');
    await control.releaseGroup(101);
    expect([listed, liveGroupsOf(state, 'hr-1')]).toStrictEqual([[101, 102], [102]]);
    await control.close();
  });
});

describe('RunControl.isCancelled', () => {
  test('looks a missing marker up once per turn, and keeps a marker once seen', async () => {
    const state = layout();
    const control = new RunControl(state, 'hr-1');
    await control.open(4242);
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    const seen = [control.isCancelled()];
    writeFileSync(
      state.cancelMarker('hr-1'),
      '{"reason":null,"cancelledAt":"2025-01-31T00:00:00.000Z"}',
    );
    seen.push(control.isCancelled());
    await nextTurn();
    seen.push(control.isCancelled());
    unlinkSync(state.cancelMarker('hr-1'));
    await nextTurn();
    seen.push(control.isCancelled());
    expect(seen).toStrictEqual([false, false, true, true]);
    await control.close();
  });
});

/** Evidence writes that each take `delayMs` first, so the run's write queue falls behind. */
class SlowEvidenceStore extends EvidenceStore {
  constructor(
    layout: HarnessStateLayout,
    private readonly delayMs: number,
  ) {
    super(layout);
  }

  override async putCase(
    runId: string,
    caseId: string,
    artifacts: readonly EvidenceArtifact[],
  ): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    await super.putCase(runId, caseId, artifacts);
  }
}

describe('group registration while a run executes', () => {
  test('cases shorter than REGISTER_AFTER_MS get no group file, even when writes fall behind', async () => {
    workspace = createWorkspace();
    const trueBinary = ['/bin/true', '/usr/bin/true'].find((file) => existsSync(file))!;
    workspace.writeSuite('quick', {
      id: 'quick',
      title: 'Quick',
      // Enough cases that most end while a batch of slow evidence writes is in flight.
      cases: Array.from({ length: 30 }, (_, index) => ({ id: `c${index}`, title: 'c', input: {} })),
    });
    const options = resolveRuntimeOptions({
      cwd: workspace.cwd,
      stateDir: workspace.stateDir,
      agentWorker: 'none',
      inlineExecutors: true,
    });
    const state = new HarnessStateLayout(options.stateDir);
    const service = new HarnessRunService({
      layout: state,
      runs: new RunStore(state),
      evidence: new SlowEvidenceStore(state, 4 * REGISTER_AFTER_MS),
      evaluations: new EvaluationStore(state),
      timeline: new Timeline(options.stateDir),
      now: () => new Date(),
      newRunId,
      newEvaluationId,
    });
    const plan = await planRun(
      { suiteKey: 'quick', metadata: { executor: { kind: 'command', argv: [trueBinary] } } },
      options,
      'harness.run.start',
    );
    const started = await service.start(plan, { kind: 'user' }, async () => undefined, 'none');
    const runId = started.record.run.runId;
    const listed: string[] = [];
    const watcher = watch(state.liveDir(runId), (_event, name) => {
      if (name?.startsWith('pgid-')) listed.push(name);
    });
    let slow: number;
    try {
      const done = await started.done;
      expect([done.run.status, done.summary.passed]).toStrictEqual(['completed', 30]);
      // On a loaded machine a case may really run that long; only those may have been listed.
      slow = done.caseResults.filter((result) => result.durationMs >= REGISTER_AFTER_MS / 2).length;
    } finally {
      watcher.close();
    }
    expect(new Set(listed).size).toBeLessThanOrEqual(slow);
  });
});
