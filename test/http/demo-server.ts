import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { timelineSink } from '../../packages/runtime/src/app-runtime.js';
import { ContractError } from '../../packages/runtime/src/errors.js';
import type { EventDefinition } from '../../packages/runtime/src/events.js';
import { createHttpApp, type HttpAppOptions } from '../../packages/runtime/src/http/http-app.js';
import { startHttpServer, type RunningServer } from '../../packages/runtime/src/http/listen.js';
import { parseTokens } from '../../packages/runtime/src/http/tokens.js';
import {
  bindOperation,
  Router,
  type OperationDefinition,
} from '../../packages/runtime/src/router.js';
import { Timeline } from '../../packages/runtime/src/timeline.js';

/** Hand-written operations of a `demo` domain that exercise every HTTP path of the server. */

const StepPayload = z.object({ runId: z.string(), step: z.int() });
export const StepEvent: EventDefinition<z.output<typeof StepPayload>> = {
  key: 'demo.step',
  version: '1.0.0',
  payload: StepPayload,
  pii: [],
};

function define<In, Out>(
  fields: Pick<OperationDefinition<In, Out>, 'key' | 'kind' | 'auth' | 'input' | 'output'> &
    Partial<OperationDefinition<In, Out>>,
): OperationDefinition<In, Out> {
  return { version: '1.0.0', pii: [], errors: {}, emits: [], ...fields };
}

const PingInput = z.strictObject({ target: z.string(), message: z.string().min(1) });
const SearchInput = z.strictObject({
  text: z.string(),
  limit: z.int().optional(),
  exact: z.boolean().optional(),
  tags: z.array(z.string()).optional(),
  filter: z.record(z.string(), z.unknown()).optional(),
});
const RunInput = z.strictObject({ runId: z.string(), steps: z.int().min(1) });

const operations = [
  bindOperation(
    define({
      key: 'demo.ping',
      kind: 'command',
      auth: 'user',
      input: PingInput,
      output: z.object({ pingId: z.string(), actor: z.string() }),
      errors: {
        PING_REFUSED: {
          http: 409,
          description: 'The target refuses pings.',
          when: 'message is "refuse"',
        },
      },
    }),
    (input, ctx) => {
      if (input.message === 'refuse')
        throw new ContractError('PING_REFUSED', `${input.target} refuses pings`);
      return { pingId: `ping-${input.target}`, actor: `${ctx.actor.kind}:${ctx.actor.id ?? '-'}` };
    },
  ),
  bindOperation(
    define({
      key: 'demo.search',
      kind: 'query',
      auth: 'user',
      input: SearchInput,
      output: z.object({ echo: SearchInput }),
    }),
    (input) => ({ echo: input }),
  ),
  bindOperation(
    define({
      key: 'demo.reset',
      kind: 'command',
      auth: 'admin',
      input: null,
      output: z.object({ reset: z.boolean() }),
    }),
    () => ({ reset: true }),
  ),
  bindOperation(
    define({
      key: 'demo.status',
      kind: 'query',
      auth: 'anonymous',
      input: null,
      output: z.object({ status: z.string() }),
    }),
    () => ({ status: 'up' }),
  ),
  bindOperation(
    define({
      key: 'demo.crash',
      kind: 'command',
      auth: 'anonymous',
      input: null,
      output: z.object({}),
    }),
    () => {
      throw new TypeError('secret database password in this message');
    },
  ),
  bindOperation(
    define({
      key: 'demo.lookup',
      kind: 'query',
      auth: 'user',
      input: z.strictObject({ id: z.string() }),
      output: z.object({ id: z.string() }),
    }),
    (input) => {
      throw new ContractError('NOT_FOUND', `no record ${input.id}`);
    },
  ),
  bindOperation(
    define({
      key: 'demo.run',
      kind: 'command',
      auth: 'user',
      input: RunInput,
      output: z.object({ runId: z.string() }),
      emits: [{ key: 'demo.step', version: '1.0.0' }],
    }),
    async (input, ctx) => {
      const emit = ctx.emit as (key: string, payload: unknown) => Promise<void>;
      for (let step = 1; step <= input.steps; step++)
        await emit('demo.step', { runId: input.runId, step });
      return { runId: input.runId };
    },
  ),
];

/** A router of the demo domain (with its step event). */
export function createDemoRouter(): Router {
  return new Router({ operations, events: [StepEvent] });
}

/** The tokens every server of these tests accepts. */
export const TOKENS = { user: 'user-token-1', admin: 'admin-token-1' } as const;

/** A running demo server with its timeline; `stop` closes it and removes the state folder. */
export interface DemoServer {
  readonly server: RunningServer;
  readonly url: string;
  readonly timeline: Timeline;
  readonly logs: string[];
  stop(): Promise<void>;
}

/** Starts the demo domain on a free loopback port; `overrides` tweak the app options. */
export async function startDemoServer(
  overrides: Partial<HttpAppOptions> = {},
): Promise<DemoServer> {
  const stateDir = mkdtempSync(join(tmpdir(), 'contracts-http-'));
  const timeline = new Timeline(stateDir, () => []);
  const router = createDemoRouter();
  const logs: string[] = [];
  const app = createHttpApp({
    target: {
      routers: [router],
      timeline,
      onEvent: timelineSink(timeline),
    },
    tokens: parseTokens(`user:${TOKENS.user},admin:${TOKENS.admin}`),
    log: (line) => logs.push(line),
    pollMs: 50,
    ...overrides,
  });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  return {
    server,
    url: server.url,
    timeline,
    logs,
    stop: async () => {
      await server.close(1_000);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** A response as plain data: status, content type and parsed JSON body. */
export interface Answer {
  status: number;
  type: string | null;
  body: unknown;
}

/** `fetch` then read the answer as {@link Answer}. */
export async function request(
  url: string,
  init: RequestInit & { token?: string } = {},
): Promise<Answer> {
  const headers = new Headers(init.headers);
  if (init.token) headers.set('authorization', `Bearer ${init.token}`);
  const response = await fetch(url, { ...init, headers });
  const text = await response.text();
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: text ? JSON.parse(text) : null,
  };
}

/** POST `body` as JSON. */
export function postJson(url: string, body: unknown, token?: string): Promise<Answer> {
  return request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    ...(token ? { token } : {}),
  });
}
