import path from 'node:path';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { contractRejection } from '../support/contract-rejection.js';
import { AgentProject, script } from './agent-fixture.js';

let project: AgentProject;

afterEach(async () => {
  await project.cleanup();
});

async function problemMessage(call: Promise<unknown>): Promise<string> {
  const error = await contractRejection(call);
  return `${error.code} ${error.message}`;
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 3));

describe('agent.status paging and filters', { timeout: 180_000 }, () => {
  test('total, nextOffset, offset past the end, limit 0, runId and status filters', async () => {
    project = new AgentProject()
      .agent('echo', { argv: [process.execPath, script('echo.mjs')] })
      .agent('gated', { argv: [process.execPath, script('echo.mjs')], requiresApproval: true });
    const { user } = await project.runtime('none');
    const ids: string[] = [];
    for (const agentKey of ['echo', 'gated', 'echo', 'gated', 'echo']) {
      ids.push((await user.run({ agentKey })).runId);
      await pause();
    }
    const page = async (input: Parameters<typeof user.status>[0]) => {
      const out = await user.status(input);
      return {
        ids: out.runs.map((run) => ids.indexOf(run.runId)),
        total: out.total,
        nextOffset: out.nextOffset,
      };
    };
    expect(await page({ limit: 2 })).toStrictEqual({ ids: [0, 1], total: 5, nextOffset: 2 });
    expect(await page({ limit: 2, offset: 2 })).toStrictEqual({
      ids: [2, 3],
      total: 5,
      nextOffset: 4,
    });
    expect(await page({ limit: 2, offset: 4 })).toStrictEqual({
      ids: [4],
      total: 5,
      nextOffset: undefined,
    });
    expect(await page({ offset: 5 })).toStrictEqual({ ids: [], total: 5, nextOffset: undefined });
    expect(await page({ offset: 99, limit: 3 })).toStrictEqual({
      ids: [],
      total: 5,
      nextOffset: undefined,
    });
    expect(await page({ limit: 0 })).toStrictEqual({ ids: [], total: 5, nextOffset: undefined });
    expect(await page({ status: 'awaiting_approval' })).toStrictEqual({
      ids: [1, 3],
      total: 2,
      nextOffset: undefined,
    });
    expect(await page({ status: 'queued', limit: 1, offset: 1 })).toStrictEqual({
      ids: [2],
      total: 3,
      nextOffset: 2,
    });
    expect(await page({ runId: ids[3]! })).toStrictEqual({
      ids: [3],
      total: 1,
      nextOffset: undefined,
    });
    expect(await page({ runId: 'run-unknown' })).toStrictEqual({
      ids: [],
      total: 0,
      nextOffset: undefined,
    });

    const summary = (await user.status({ runId: ids[1]! })).runs[0];
    expect(summary).toStrictEqual({
      runId: ids[1],
      agentKey: 'gated',
      status: 'awaiting_approval',
      submittedAt: (await project.record(ids[1]!)).submittedAt,
      contextSnapshotId: (await project.record(ids[1]!)).contextSnapshotId,
    });
    expect(await problemMessage(user.status({ status: 'done' }))).toBe(
      'VALIDATION_FAILED input.status: unknown status "done"; valid: awaiting_approval, cancelled, completed, failed, queued, rejected, running',
    );
    expect(await problemMessage(user.status({ limit: -1, offset: -2 }))).toBe(
      'VALIDATION_FAILED input.limit: must be >= 0; input.offset: must be >= 0',
    );
  });
});

describe('agent.artifacts', { timeout: 180_000 }, () => {
  test('stdout, stderr and every file with kind, content type, size and sha256; kind filter and paging', async () => {
    project = new AgentProject().agent('echo', { argv: [process.execPath, script('echo.mjs')] });
    const { user } = await project.runtime('in-process');
    const { runId } = await user.run({ agentKey: 'echo', prompt: 'p' });
    await project.waitForStatus(runId, 'completed');
    const all = await user.artifacts({ runId });
    const runDir = project.store.runDir(runId);
    const files = [
      ['stdout', join(runDir, 'stdout.txt'), 'text/plain; charset=utf-8', `${runId}/stdout`],
      ['stderr', join(runDir, 'stderr.txt'), 'text/plain; charset=utf-8', `${runId}/stderr`],
      [
        'diff',
        join(runDir, 'artifacts', 'change.diff'),
        'text/x-diff',
        `${runId}/files/change.diff`,
      ],
      [
        'file',
        join(runDir, 'artifacts', 'nested', 'note.md'),
        'text/markdown',
        `${runId}/files/nested/note.md`,
      ],
      [
        'file',
        join(runDir, 'artifacts', 'payload.json'),
        'application/json',
        `${runId}/files/payload.json`,
      ],
    ] as const;
    expect(all.artifacts.map(({ createdAt: _createdAt, ...rest }) => rest)).toStrictEqual(
      files.map(([kind, file, contentType, artifactId]) => {
        const bytes = readFileSync(file);
        return {
          artifactId,
          kind,
          uri: path.relative(path.dirname(project.store.root), file).split(path.sep).join('/'),
          contentType,
          summary: `size=${bytes.length}; sha256=${createHash('sha256').update(bytes).digest('hex')}`,
        };
      }),
    );
    expect(readFileSync(files[0][1], 'utf8')).toBe(`done ${runId}\n`);
    expect([all.total, all.nextOffset]).toStrictEqual([5, undefined]);

    const ids = async (input: Omit<Parameters<typeof user.artifacts>[0], 'runId'>) => {
      const out = await user.artifacts({ runId, ...input });
      return [
        out.artifacts.map((artifact) => artifact.artifactId.slice(runId.length + 1)),
        out.total,
        out.nextOffset,
      ];
    };
    expect(await ids({ kind: 'file' })).toStrictEqual([
      ['files/nested/note.md', 'files/payload.json'],
      2,
      undefined,
    ]);
    expect(await ids({ kind: 'stderr' })).toStrictEqual([['stderr'], 1, undefined]);
    expect(await ids({ limit: 2, offset: 1 })).toStrictEqual([
      ['stderr', 'files/change.diff'],
      5,
      3,
    ]);
    expect(await ids({ offset: 5 })).toStrictEqual([[], 5, undefined]);
    expect(await ids({ limit: 0 })).toStrictEqual([[], 5, undefined]);
    expect(await problemMessage(user.artifacts({ runId, kind: 'image' }))).toBe(
      'VALIDATION_FAILED input.kind: unknown artifact kind "image"; valid: diff, file, stderr, stdout',
    );
    expect(await problemMessage(user.artifacts({ runId: 'run-nope' }))).toBe(
      'NOT_FOUND no agent run "run-nope"',
    );
  });
});
