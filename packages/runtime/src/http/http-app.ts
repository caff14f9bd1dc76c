import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { authorize } from '../actor.js';
import { isDeeplyFrozen } from '../deep-freeze.js';
import { ContractError, isContractError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { Router } from '../router.js';
import { streamEvents } from './events-route.js';
import { PROBLEM_MEDIA_TYPE, httpError, toProblemDocument } from './problem.js';
import { queryParamsOf, queryToInput } from './query-input.js';
import { buildRoutes, type HttpRoute, type RouteOverrides } from './routes.js';
import { TimelineWatcher, type TimelineSource } from './timeline-watcher.js';
import { connectionActorResolver, parseTokens, type TokenTable } from './tokens.js';

/** Default request body limit: 1 MiB. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * What the server serves: the routers (one per domain), where emitted events go and the timeline
 * `/events` follows. An `AppRuntime` (runtime/app-runtime.ts) fits as it is; tests pass a router.
 */
export interface ServeTarget {
  readonly routers: readonly Router[];
  readonly onEvent?: EventSink;
  readonly timeline?: TimelineSource;
}

/** Options of {@link createHttpApp}. */
export interface HttpAppOptions {
  readonly target: ServeTarget;
  /** Bearer tokens; default none, so every request is anonymous. */
  readonly tokens?: TokenTable;
  /** Largest accepted request body, in bytes; default {@link DEFAULT_BODY_LIMIT}. */
  readonly bodyLimit?: number;
  /** `transport.rest` paths and methods by `key@version` (see routeOverridesFromOpenApi). */
  readonly routes?: RouteOverrides;
  /** An OpenAPI document to serve at `GET /openapi.json`. */
  readonly openapi?: unknown;
  /** Where server-side failures are logged (with their cause); default stderr. */
  readonly log?: (line: string) => void;
  /** Timeline poll interval of `/events`, in ms; default 250. */
  readonly pollMs?: number;
}

/** The Hono application, and `close` to end the `/events` streams before the server stops. */
export interface HttpApp {
  readonly app: Hono;
  readonly fetch: (request: Request) => Response | Promise<Response>;
  close(): void;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

function problem(c: Context, error: ContractError, route?: HttpRoute): Response {
  const body = toProblemDocument(error, route?.definition.errors ?? {}, c.req.path);
  return c.body(JSON.stringify(body), error.status as 400, { 'Content-Type': PROBLEM_MEDIA_TYPE });
}

/** JSON text of deeply frozen outputs (they cannot change, so neither can their text). */
const serialized = new WeakMap<object, string>();

/**
 * The 200 answer of `output`, as `c.json` writes it. The text of a deeply frozen output
 * (runtime/deep-freeze.ts) is kept per object: the router hands the same frozen output back for an
 * unchanged cached record (Router.call), and `JSON.stringify` of immutable plain data is fixed.
 */
function jsonAnswer(c: Context, output: unknown): Response {
  if (typeof output !== 'object' || output === null || !isDeeplyFrozen(output)) {
    return c.json(output as object);
  }
  let text = serialized.get(output);
  if (text === undefined) {
    text = JSON.stringify(output);
    serialized.set(output, text);
  }
  return c.body(text, 200, { 'Content-Type': 'application/json' });
}

/**
 * The request's Authorization header and connection. Served by Hono's Node adapter, `c.env` holds
 * the Node request (`HttpBindings`), whose parsed headers are read directly; an in-process `fetch`
 * has no connection and goes through the Fetch `Headers`.
 */
function credentialsOf(c: Context): { authorization: string | undefined; connection?: object } {
  const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
  if (incoming === undefined) return { authorization: c.req.header('authorization') };
  return { authorization: incoming.headers.authorization, connection: incoming.socket };
}

/** The JSON body of a POST: `{}` (or null without an input) when empty. */
async function bodyInput(c: Context, route: HttpRoute): Promise<unknown> {
  const type = c.req.header('content-type');
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw httpError('UNSUPPORTED_MEDIA_TYPE', `the body must be application/json, not ${type}`);
  }
  const text = await c.req.text();
  if (text.trim() === '') return route.definition.input === null ? null : {};
  if (type === undefined) {
    throw httpError(
      'UNSUPPORTED_MEDIA_TYPE',
      'a request body needs Content-Type: application/json',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContractError('VALIDATION_FAILED', 'the request body is not valid JSON', {
      details: [{ path: 'input', message: 'not valid JSON' }],
    });
  }
}

/**
 * The HTTP face of the routers: every operation at its route (routes.ts) — commands by
 * POST with a JSON body, queries by GET with query parameters (query-input.ts) and by POST —
 * answering 200 with the output as JSON, or an RFC 9457 problem (problem.ts): the router's code
 * and status (400 with field paths, 401, 403, 404, declared codes with their declared status, 500
 * without a stack), 404 for an unknown path, 405 for a wrong method, 413 over the body limit, 415
 * for a non-JSON body. A bearer token maps to its actor (tokens.ts); none means anonymous.
 * `GET /events` (auth user) streams the timeline as Server-Sent Events (events-route.ts).
 * @throws Error when two operations claim one path.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const routes = buildRoutes(options.target.routers, options.routes);
  const actorOf = connectionActorResolver(options.tokens ?? parseTokens(''));
  const actorOfContext = (c: Context) => {
    const { authorization, connection } = credentialsOf(c);
    return actorOf(authorization, connection);
  };
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const watcher = new TimelineWatcher(options.target.timeline ?? { list: async () => [] }, {
    log,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  const sink = options.target.onEvent;
  const onEvent: EventSink = async (event) => {
    await sink?.(event);
    watcher.nudge();
  };
  const app = new Hono();

  app.onError((error, c) => {
    if (isContractError(error)) return problem(c, error);
    log(
      `contracts serve: ${c.req.method} ${c.req.path} failed: ${(error as Error)?.stack ?? String(error)}`,
    );
    return problem(c, new ContractError('INTERNAL', 'internal error'));
  });
  app.notFound((c) => problem(c, new ContractError('NOT_FOUND', `no route ${c.req.path}`)));

  app.post(
    '*',
    bodyLimit({
      maxSize: options.bodyLimit ?? DEFAULT_BODY_LIMIT,
      onError: (c) =>
        problem(
          c,
          httpError(
            'PAYLOAD_TOO_LARGE',
            `the body is over ${options.bodyLimit ?? DEFAULT_BODY_LIMIT} bytes`,
          ),
        ),
    }),
  );

  app.get('/events', (c) => {
    authorize(actorOfContext(c), 'user', 'GET /events');
    const runId = c.req.query('runId');
    const key = c.req.query('key');
    const lastEventId = c.req.header('last-event-id');
    return streamEvents(c, watcher, {
      ...(runId === undefined ? {} : { runId }),
      ...(key === undefined ? {} : { key }),
      ...(lastEventId === undefined ? {} : { lastEventId }),
    });
  });

  if (options.openapi !== undefined) {
    const text = JSON.stringify(options.openapi);
    app.get('/openapi.json', (c) => c.body(text, 200, { 'Content-Type': 'application/json' }));
  }

  app.all('*', async (c) => {
    const route = routes.get(c.req.path);
    if (!route) return problem(c, new ContractError('NOT_FOUND', `no operation at ${c.req.path}`));
    if (!(route.methods as readonly string[]).includes(c.req.method)) {
      const error = httpError(
        'METHOD_NOT_ALLOWED',
        `${c.req.path} takes ${route.methods.join(', ')}`,
      );
      c.header('Allow', route.methods.join(', '));
      return problem(c, error, route);
    }
    try {
      const actor = actorOfContext(c);
      const { key, version } = route.definition;
      const input =
        c.req.method === 'GET'
          ? queryToInput(route.definition.input, queryParamsOf(c.req.url))
          : await bodyInput(c, route);
      const output = await route.router.call(key, input, { actor, onEvent }, version);
      return jsonAnswer(c, output);
    } catch (error) {
      if (!isContractError(error)) throw error;
      if (error.status >= 500) {
        const cause =
          error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : '';
        log(
          `contracts serve: ${c.req.method} ${c.req.path}: ${error.code} ${error.message}${cause ? `\n${cause}` : ''}`,
        );
      }
      return problem(c, error, route);
    }
  });

  return { app, fetch: (request) => app.fetch(request), close: () => watcher.close() };
}
