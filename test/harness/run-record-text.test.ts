import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import type { RunRecord } from '../../packages/runtime/src/harness/records/run-record.js';
import { runRecordChunks } from '../../packages/runtime/src/harness/records/run-record-text.js';
import { pinnedHarness, type PinnedHarness } from './pinned-harness.js';
import { createWorkspace, respondExecutor, type Workspace } from './runtime-fixture.js';

let workspace: Workspace | undefined;
let harness: PinnedHarness | undefined;
afterEach(async () => {
  await harness?.close();
  workspace?.remove();
  harness = undefined;
  workspace = undefined;
});

const text = (record: unknown): string =>
  Buffer.concat(runRecordChunks(record as RunRecord)).toString('utf8');
const pretty = (record: unknown): string => `${JSON.stringify(record, null, 2)}\n`;

/** A record shaped like the store's, with `steps` and `caseResults` as given. */
function recordWith(steps: unknown[], caseResults: unknown[], extra: object = {}): RunRecord {
  return {
    version: 1,
    run: { runId: 'hr-1', status: 'running', steps, target: { kind: 'local', metadata: {} } },
    suite: { id: 's', title: 'Suite « ü » 🚀', ref: 'suites/s.json', path: 'suites/s.json' },
    summary: { total: steps.length, passed: 0, failed: 0, errored: 0, skipped: 0 },
    caseResults,
    evaluationId: null,
    owner: null,
    cancel: null,
    ...extra,
  } as unknown as RunRecord;
}

describe('runRecordChunks', () => {
  test('the bytes of a record a run wrote are JSON.stringify(record, null, 2) + newline', async () => {
    workspace = createWorkspace();
    workspace.writeSuite('mixed', {
      id: 'mixed',
      title: 'Mixed',
      cases: [
        { id: 'ok', title: 'Passes', input: { stdout: ['hello'] } },
        { id: 'bad', title: 'Fails', input: { stdout: ['bye'], exitCode: 2 } },
      ],
    });
    harness = pinnedHarness(workspace);
    await harness.client.run.start({
      suiteKey: 'mixed',
      metadata: { executor: respondExecutor() },
    });
    const runs = path.join(workspace.stateDir, 'harness-runs');
    const file = readdirSync(runs).find((name) => name.endsWith('.json'))!;
    const written = readFileSync(path.join(runs, file), 'utf8');
    const record = JSON.parse(written) as RunRecord;
    expect([record.run.steps.length, record.caseResults.length]).toStrictEqual([2, 2]);
    expect(written).toBe(pretty(record));
    expect(text(record)).toBe(written);
  });

  test('empty arrays, primitives, unicode, and strings that look like the placeholders', () => {
    const records = [
      recordWith([], []),
      recordWith([{ stepId: 'a', summary: 'line\nbreak "quoted" \u0000steps' }], []),
      recordWith([], [{ caseId: 'x', checks: [], error: null, note: undefined }]),
      recordWith([null, 1, 'two', [3, [4]], {}], [{ nested: { deeper: [{ a: 1 }] } }]),
      recordWith([{ title: '\u0000run-record-x:steps' }], [{ text: '😀 ✓ é' }], {
        failure: { reason: 'internal', message: '"run-record":caseResults' },
        actor: { kind: 'user', id: 'u-1' },
      }),
    ];
    for (const record of records) expect(text(record)).toBe(pretty(record));
  });

  test('a replaced element is written anew; the same element is written the same', () => {
    const first = { stepId: 'a', status: 'pending' };
    const record = recordWith([first, { stepId: 'b', status: 'pending' }], []);
    const before = text(record);
    record.run.steps[0] = { ...first, status: 'completed' } as never;
    record.caseResults.push({ caseId: 'a', status: 'passed' } as never);
    const after = text(record);
    expect([before, after]).toStrictEqual([
      pretty(recordWith([first, { stepId: 'b', status: 'pending' }], [])),
      pretty(record),
    ]);
    expect(after).toContain('"status": "completed"');
  });
});
