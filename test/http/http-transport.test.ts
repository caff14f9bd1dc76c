import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createHarnessClient,
  isHarnessRunStartError,
} from '../../packages/runtime/src/generated/harness/client.js';
import {
  createHarnessRouter,
  type HarnessHandlers,
} from '../../packages/runtime/src/generated/harness/handlers.js';
import {
  ContractError,
  isContractError,
  TransportError,
} from '../../packages/runtime/src/errors.js';
import { createHttpApp } from '../../packages/runtime/src/http/http-app.js';
import { startHttpServer, type RunningServer } from '../../packages/runtime/src/http/listen.js';
import { parseTokens } from '../../packages/runtime/src/http/tokens.js';
import { httpTransport } from '../../packages/runtime/src/http-transport.js';

const RUN = {
  runId: 'run-1',
  status: 'running',
  mode: 'sandbox',
  target: { targetId: 't-1', kind: 'preview', environment: 'preview', isolation: 'sandbox' },
  steps: [],
  createdAt: '2024-01-01T00:00:00Z',
  updatedAt: '2024-01-01T00:00:00Z',
};

/** Generated harness router over stub handlers: enough to prove the wire, not the harness. */
function stubHandlers(): HarnessHandlers {
  const unused = (): never => {
    throw new ContractError('NOT_FOUND', 'not in this test');
  };
  return {
    evaluationGet: unused,
    evaluationRun: unused,
    evidenceGet: unused,
    evidenceList: unused,
    runCancel: unused,
    targetResolve: unused,
    runGet: (input) => {
      if (input.runId !== RUN.runId) throw new ContractError('NOT_FOUND', `no run ${input.runId}`);
      return { run: RUN };
    },
    runStart: (input) => {
      if (!input.scenarioKey && !input.suiteKey) {
        throw new ContractError(
          'SCENARIO_OR_SUITE_REQUIRED',
          'A scenario or suite key is required.',
        );
      }
      return { run: RUN };
    },
  };
}

let server: RunningServer;
beforeAll(async () => {
  const app = createHttpApp({
    target: { routers: [createHarnessRouter(stubHandlers())] },
    tokens: parseTokens('user:u-1'),
    log: () => undefined,
  });
  server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
});
afterAll(async () => server.close());

describe('httpTransport with a generated client', () => {
  it('resolves with the output', async () => {
    const client = createHarnessClient(httpTransport({ baseUrl: `${server.url}/`, token: 'u-1' }));
    expect(await client.run.get({ runId: 'run-1' })).toStrictEqual({ run: RUN });
  });

  it('a declared error arrives as the typed error with its code, status and message', async () => {
    const client = createHarnessClient(httpTransport({ baseUrl: server.url, token: 'u-1' }));
    const error = await client.run.start({}).catch((caught: unknown) => caught);
    expect([
      isHarnessRunStartError(error),
      error instanceof ContractError,
      isHarnessRunStartError(error) ? [error.code, error.status, error.message] : null,
    ]).toStrictEqual([
      true,
      true,
      ['SCENARIO_OR_SUITE_REQUIRED', 400, 'A scenario or suite key is required.'],
    ]);
  });

  it('standard problems keep code, status and details', async () => {
    const anonymous = createHarnessClient(httpTransport({ baseUrl: server.url }));
    const user = createHarnessClient(httpTransport({ baseUrl: server.url, token: 'u-1' }));
    const outcomes = await Promise.all(
      [
        anonymous.run.get({ runId: 'run-1' }),
        user.run.get({ runId: 'run-2' }),
        user.run.get({} as never),
      ].map((call) =>
        call.then(
          () => 'resolved',
          (error: unknown) =>
            isContractError(error)
              ? [error.code, error.status, error.details ?? null]
              : String(error),
        ),
      ),
    );
    expect(outcomes).toStrictEqual([
      ['UNAUTHORIZED', 401, null],
      ['NOT_FOUND', 404, null],
      ['VALIDATION_FAILED', 400, [{ path: 'input.runId', message: 'required' }]],
    ]);
  });

  it('a network failure is a TransportError with a clear message', async () => {
    const closed = await startHttpServer(createHttpApp({ target: { routers: [] } }), {
      host: '127.0.0.1',
      port: 0,
    });
    await closed.close();
    const client = createHarnessClient(httpTransport({ baseUrl: closed.url }));
    const error = await client.run.get({ runId: 'x' }).catch((caught: unknown) => caught);
    expect([error instanceof TransportError, (error as Error).message]).toStrictEqual([
      true,
      `cannot reach ${closed.url} for harness.run.get@1.0.0: ECONNREFUSED`,
    ]);
  });

  it('an answer that is not a problem document is a TransportError with its status', async () => {
    const fakeFetch = (async () =>
      new Response('<html>bad gateway</html>', { status: 502 })) as typeof fetch;
    const client = createHarnessClient(
      httpTransport({ baseUrl: 'http://proxy.invalid', fetch: fakeFetch }),
    );
    const error = await client.run.get({ runId: 'x' }).catch((caught: unknown) => caught);
    expect([
      error instanceof TransportError,
      (error as TransportError).status,
      (error as Error).message,
    ]).toStrictEqual([
      true,
      502,
      'harness.run.get@1.0.0: HTTP 502 from http://proxy.invalid/harness/run/get/v1.0.0 without a problem document',
    ]);
  });
});
