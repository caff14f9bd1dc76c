import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createAppRuntime,
  emittedEventId,
  type AppRuntime,
} from '../../packages/runtime/src/app-runtime.js';
import type { EmittedEvent } from '../../packages/runtime/src/events.js';
import { resolveRuntimeOptions } from '../../packages/runtime/src/runtime-options.js';
import { REDACTED } from '../../packages/runtime/src/timeline.js';

let dir: string;
let app: AppRuntime;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'contracts-app-'));
  app = await createAppRuntime(resolveRuntimeOptions({ cwd: dir, agentWorker: 'none' }, {}));
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const failed: EmittedEvent = {
  key: 'agent.run.failed',
  version: '1.0.0',
  payload: {
    runId: 'r-1',
    agentKey: 'summarize',
    status: 'failed',
    failedAt: '2026-11-21T10:00:00.000Z',
    errorMessage: 'token=abc leaked by the agent',
  },
  operation: { key: 'agent.run', version: '1.0.0' },
  emittedAt: '2026-11-21T10:00:00.000Z',
};

describe('the app runtime event sink', () => {
  it('writes an event re-emitted with the same content once', async () => {
    await app.onEvent(failed);
    await app.onEvent({ ...failed, emittedAt: '2026-11-21T10:00:01.000Z' });
    const events = await app.timeline.list();
    expect(events.map((event) => event.id)).toStrictEqual([emittedEventId(failed)]);
  });

  it('keeps distinct payloads apart', async () => {
    await app.onEvent(failed);
    await app.onEvent({
      ...failed,
      payload: { ...(failed.payload as Record<string, unknown>), runId: 'r-2' },
    });
    expect((await app.timeline.list()).map((event) => event.payload.runId)).toStrictEqual([
      'r-1',
      'r-2',
    ]);
  });

  it("masks the contract's pii fields before they reach the timeline", async () => {
    await app.onEvent(failed);
    const [event] = await app.timeline.list();
    expect(event?.payload.errorMessage).toBe(REDACTED);
    expect(JSON.stringify(event)).not.toContain('leaked');
  });

  it('refuses an unknown domain with NOT_FOUND', async () => {
    await expect(app.call('billing.charge', {}, { kind: 'admin' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('runtime options', () => {
  it('resolve state, agents and executors folders against --cwd; named executors only by default', () => {
    expect(
      resolveRuntimeOptions(
        {
          cwd: '/srv/app',
          stateDir: 'state',
          agentConcurrency: 3,
          agentWorker: 'in-process',
          secretPaths: ['tokens.txt'],
        },
        {},
      ),
    ).toStrictEqual({
      cwd: '/srv/app',
      stateDir: '/srv/app/state',
      agentsDir: '/srv/app/agents',
      executorsDir: '/srv/app/executors',
      agentWorker: 'in-process',
      agentConcurrency: 3,
      inlineExecutors: false,
      suitesOnly: false,
      sandbox: 'optional',
      limits: { maxCaptureBytes: 256 * 1024 * 1024, maxConcurrency: 256 },
      childEnv: [],
      secretPaths: ['/srv/app/tokens.txt'],
    });
  });

  it('take CONTRACTS_STATE_DIR when no --state-dir is given', () => {
    expect(
      resolveRuntimeOptions({ cwd: '/srv/app' }, { CONTRACTS_STATE_DIR: '/var/contracts' })
        .stateDir,
    ).toBe('/var/contracts');
  });
});
