import { describe, expect, it } from 'vitest';
import {
  createHarnessClient,
  isHarnessRunStartError,
} from '../../packages/runtime/src/generated/harness/client.js';
import {
  createHarnessRouter,
  type HarnessHandlers,
} from '../../packages/runtime/src/generated/harness/handlers.js';
import type { HarnessRun } from '../../packages/runtime/src/generated/harness/types.js';
import { ContractError, isContractError } from '../../packages/runtime/src/errors.js';
import type { EmittedEvent } from '../../packages/runtime/src/events.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';

const RUN: HarnessRun = {
  runId: 'run-1',
  status: 'running',
  mode: 'code-execution',
  suiteKey: 'smoke',
  target: { targetId: 't-1', kind: 'local', isolation: 'task', environment: 'local' },
  steps: [],
  createdAt: '2026-11-21T10:00:00Z',
  updatedAt: '2026-11-21T10:00:00Z',
};

function missing(): never {
  throw new ContractError('NOT_FOUND', 'not in this test');
}

/** In-memory handlers: only runStart and runGet do anything. */
function handlers(overrides: Partial<HarnessHandlers> = {}): HarnessHandlers {
  return {
    evaluationGet: missing,
    evaluationRun: missing,
    evidenceGet: missing,
    evidenceList: missing,
    runCancel: missing,
    targetResolve: missing,
    runGet: (input) => ({ run: { ...RUN, runId: input.runId } }),
    runStart: async (input, ctx) => {
      if (!input.suiteKey && !input.scenarioKey) {
        throw new ContractError('SCENARIO_OR_SUITE_REQUIRED', 'give suiteKey or scenarioKey');
      }
      await ctx.emit('harness.run.started', {
        runId: RUN.runId,
        suiteKey: input.suiteKey,
        mode: 'code-execution',
        startedAt: RUN.createdAt,
      });
      return { run: RUN };
    },
    ...overrides,
  };
}

function client(custom?: Partial<HarnessHandlers>, events: EmittedEvent[] = []) {
  const router = createHarnessRouter(handlers(custom));
  return createHarnessClient(
    localTransport(router, {
      actor: { kind: 'user', id: 'u-1' },
      onEvent: (e) => void events.push(e),
    }),
  );
}

describe('the generated harness client drives the generated router', () => {
  it('a valid call returns the typed output and delivers the declared event', async () => {
    const events: EmittedEvent[] = [];
    const output = await client(undefined, events).run.start({ suiteKey: 'smoke' });
    expect(output).toStrictEqual({ run: RUN });
    expect(events.map((e) => [e.key, e.version, e.payload])).toStrictEqual([
      [
        'harness.run.started',
        '1.0.0',
        { runId: 'run-1', suiteKey: 'smoke', mode: 'code-execution', startedAt: RUN.createdAt },
      ],
    ]);
  });

  it('invalid input is refused with an error that names the field', async () => {
    const error = await client()
      .run.get({ runId: 42 as unknown as string })
      .catch((e: unknown) => e);
    expect(isContractError(error) && error.code).toBe('VALIDATION_FAILED');
    expect((error as Error).message).toContain('input.runId');
  });

  it('an unknown input key is refused (inputs are strict)', async () => {
    const error = await client()
      .run.get({ runId: 'r', runld: 'typo' } as unknown as { runId: string })
      .catch((e: unknown) => e);
    expect(isContractError(error) && error.code).toBe('VALIDATION_FAILED');
    expect((error as Error).message).toContain('runld');
  });

  it('a declared error arrives as the typed error with its code and HTTP status', async () => {
    const error = await client()
      .run.start({})
      .catch((e: unknown) => e);
    expect(isHarnessRunStartError(error)).toBe(true);
    if (!isHarnessRunStartError(error)) return;
    const code: 'SCENARIO_OR_SUITE_REQUIRED' = error.code;
    expect(code).toBe('SCENARIO_OR_SUITE_REQUIRED');
    expect(error.status).toBe(400);
  });

  it('an event the operation does not declare is refused', async () => {
    const error = await client({
      runGet: async (input, ctx) => {
        const emit = ctx.emit as unknown as (key: string, payload: unknown) => Promise<void>;
        await emit('harness.run.completed', {
          runId: input.runId,
          completedAt: RUN.createdAt,
          evidenceCount: 0,
          status: 'completed',
        });
        return { run: RUN };
      },
    })
      .run.get({ runId: 'r' })
      .catch((e: unknown) => e);
    expect(isContractError(error) && error.code).toBe('UNDECLARED_EVENT');
  });
});
