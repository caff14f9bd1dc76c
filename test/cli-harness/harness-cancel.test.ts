import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, expect, test } from 'vitest';

import { isProcessAlive } from '../../packages/runtime/src/process/process-group.js';
import {
  caseExecutor,
  contracts,
  createProject,
  startContracts,
  waitFor,
  type Project,
} from './cli-helpers.js';

let project: Project;
let pidFile: string;
const leftovers: number[] = [];

beforeEach(() => {
  project = createProject();
  pidFile = path.join(project.dir, 'hang.pids');
  project.write('suites/long.json', {
    id: 'long',
    title: 'Long',
    cases: [
      { id: 'first', title: 'First', input: { say: 'first' } },
      { id: 'hang', title: 'Hangs', input: { say: 'hanging', hang: { pidFile } } },
      { id: 'never', title: 'Never runs', input: { say: 'never' } },
    ],
  });
  project.write('run.json', { suiteRef: 'long', executor: caseExecutor() });
});

afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone, as it should be
    }
  }
  project.remove();
});

/** The pids of the hanging case and its grandchild, once the case wrote them. */
async function hangingPids(): Promise<number[]> {
  const pids = await waitFor(() => {
    if (!existsSync(pidFile)) return undefined;
    const numbers = readFileSync(pidFile, 'utf8').trim().split(' ').map(Number);
    return numbers.length === 2 && numbers.every((pid) => pid > 0) ? numbers : undefined;
  });
  leftovers.push(...pids);
  return pids;
}

function runIdOf(): string {
  const [file] = project
    .files('.contracts/harness-runs')
    .filter((name) => /^hr-[0-9a-f]{16}\.json$/.test(name));
  return file!.replace(/\.json$/, '');
}

function readState(relative: string): unknown {
  return JSON.parse(readFileSync(path.join(project.dir, '.contracts', relative), 'utf8'));
}

function call(key: string, input: object): { status: number | null; output: unknown } {
  const result = contracts(
    ['call', key, '--input', JSON.stringify(input), '--cwd', project.dir],
    project.dir,
  );
  return {
    status: result.status,
    output: result.stdout === '' ? result.stderr : JSON.parse(result.stdout),
  };
}

async function gone(pids: readonly number[]): Promise<boolean> {
  await waitFor(() => (pids.every((pid) => !isProcessAlive(pid)) ? true : undefined), 20_000);
  return true;
}

test('harness.run.cancel from a second process stops the run, kills the case group, keeps evidence', async () => {
  const running = startContracts(
    ['harness', 'run', '--input', 'run.json', '--format', 'json'],
    project.dir,
  );
  const pids = await hangingPids();
  const runId = runIdOf();

  const cancel = call('harness.run.cancel', { runId, reason: 'operator stop' });
  expect(cancel.status).toBe(0);
  expect((cancel.output as { status: string }).status).toBe('cancelled');

  const ended = await running.done;
  const report = JSON.parse(ended.stdout);
  expect([
    ended.status,
    report.status,
    report.caseResults.map((result: { caseId: string; status: string }) => [
      result.caseId,
      result.status,
    ]),
  ]).toStrictEqual([
    1,
    'cancelled',
    [
      ['first', 'passed'],
      ['hang', 'errored'],
      ['never', 'skipped'],
    ],
  ]);
  expect(await gone(pids)).toBe(true);

  const record = readState(`harness-runs/${runId}.json`) as {
    run: { status: string };
    cancel: { reason: string };
  };
  expect([record.run.status, record.cancel.reason]).toStrictEqual(['cancelled', 'operator stop']);
  expect(project.files(`.contracts/evidence/${runId}`)).toStrictEqual(['first.json', 'hang.json']);
  expect(project.files('.contracts/harness-runs')).toStrictEqual([
    `${runId}.cancel.json`,
    `${runId}.json`,
  ]);
  const listed = call('harness.evidence.list', { runId });
  expect((listed.output as { total: number }).total).toBe(5);
  const events = contracts(
    ['call', 'harness.run.get', '--input', JSON.stringify({ runId }), '--cwd', project.dir],
    project.dir,
  );
  expect(JSON.parse(events.stdout).run.status).toBe('cancelled');
  const ends = project
    .files('.contracts/events')
    .flatMap((file) =>
      readFileSync(path.join(project.dir, '.contracts/events', file), 'utf8')
        .trim()
        .split('\n'),
    )
    .map(
      (line) => JSON.parse(line) as { key: string; payload: { runId?: string; reason?: string } },
    )
    .filter((event) => event.payload.runId === runId && event.key.startsWith('harness.run.'))
    .map((event) => [event.key, event.payload.reason ?? null]);
  expect(ends).toStrictEqual([
    ['harness.run.started', null],
    ['harness.run.failed', 'cancelled: operator stop'],
  ]);
});

test('a CLI killed mid-run leaves readable records; the next call recovers the run as interrupted and ends its case group', async () => {
  const running = startContracts(['harness', 'run', '--input', 'run.json'], project.dir);
  const pids = await hangingPids();
  const runId = runIdOf();
  await waitFor(() => {
    const record = readState(`harness-runs/${runId}.json`) as {
      run: { steps: { status: string }[] };
    };
    return record.run.steps[0]?.status === 'completed' ? true : undefined;
  });
  // The case's group is listed for a cancel once the case has run a moment (REGISTER_AFTER_MS).
  const live = `.contracts/harness-runs/${runId}.live`;
  await waitFor(() => (project.files(live).includes(`pgid-${pids[0]}`) ? true : undefined));
  running.child.kill('SIGKILL');
  expect((await running.done).signal).toBe('SIGKILL');

  for (const file of project.files('.contracts').filter((name) => name.endsWith('.json'))) {
    expect([file, typeof readState(file)]).toStrictEqual([file, 'object']);
  }
  for (const file of project.files('.contracts/events')) {
    const lines = readFileSync(path.join(project.dir, '.contracts/events', file), 'utf8')
      .trim()
      .split('\n');
    expect(lines.every((line) => typeof JSON.parse(line) === 'object')).toBe(true);
  }
  const record = readState(`harness-runs/${runId}.json`) as {
    run: { status: string; steps: { stepKey: string; status: string }[] };
  };
  expect([
    record.run.status,
    record.run.steps.map((step) => [step.stepKey, step.status]),
  ]).toStrictEqual([
    'running',
    [
      ['first', 'completed'],
      ['hang', 'running'],
      ['never', 'pending'],
    ],
  ]);
  expect(pids.map(isProcessAlive)).toStrictEqual([true, true]);

  // The cancel reads the run first, finds its runner dead and recovers it: the run has already
  // ended (failed, interrupted) by the time the cancel would apply, so it answers that status.
  const cancel = call('harness.run.cancel', { runId });
  expect([cancel.status, (cancel.output as { status: string }).status]).toStrictEqual([
    0,
    'failed',
  ]);
  expect(await gone(pids)).toBe(true);
  const after = readState(`harness-runs/${runId}.json`) as {
    run: { status: string; steps: { stepKey: string; status: string }[] };
    failure: { reason: string };
  };
  expect([
    after.run.status,
    after.failure.reason,
    after.run.steps.map((step) => step.status),
  ]).toStrictEqual(['failed', 'interrupted', ['completed', 'failed', 'failed']]);
  expect(project.files(`.contracts/harness-runs/${runId}.live`)).toStrictEqual([]);
});
