import type { HttpBindings } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { authorize, type Actor } from '../actor.js';
import { isDeeplyFrozen } from '../deep-freeze.js';
import { ContractError, isContractError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { RouteMethod } from '../core/operation-path.js';
import type { Router } from '../router.js';
import type { TimelineEvent } from '../timeline.js';
import { bearerChallenge } from './bearer-challenge.js';
import { cutEcho } from '../core/echo-limit.js';
import { streamEvents } from './events-route.js';
import { PROBLEM_MEDIA_TYPE, httpError, toProblemDocument } from './problem.js';
import { queryParamsOf, queryToInput } from './query-input.js';
import { bodyInput, bodyTextReader } from './request-body.js';
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
  /** The events an actor's `/events` stream may carry; default every event. */
  readonly eventVisibility?: (actor: Actor) => (event: TimelineEvent) => Promise<boolean>;
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

/**
 * The problem answer of `error` (problem.ts). At a served `route`, its declared errors give the
 * title, and a NOT_FOUND is about what the handler looked up, not the operation. Every 401 carries
 * its bearer challenge (RFC 6750 §3).
 */
function problem(c: Context, error: ContractError, route?: HttpRoute): Response {
  const body = toProblemDocument(
    error,
    route?.definition.errors ?? {},
    c.req.path,
    route === undefined ? 'operation' : 'resource',
  );
  if (error.status === 401) c.header('WWW-Authenticate', bearerChallenge(error));
  return textAnswer(c, JSON.stringify(body), error.status, PROBLEM_MEDIA_TYPE);
}

/**
 * The answer with body `text` of media type `type`. A HEAD answer (Hono drops its body) also
 * carries the Content-Length its GET has (RFC 9110 §9.3.2, §8.6), which the Node adapter would
 * otherwise work out only from the body it sends.
 */
function textAnswer(c: Context, text: string, status: number, type: string): Response {
  if (c.req.method === 'HEAD') c.header('Content-Length', String(Buffer.byteLength(text)));
  return c.body(text, status as 200, { 'Content-Type': type });
}

/**
 * A refusal of a request whose announced body (RFC 9112 §6.3: `Transfer-Encoding`, or a
 * `Content-Length` other than 0) was not read to its end: the answer closes the connection
 * (RFC 9112 §9.6), so the server neither drains what the caller still sends nor waits for it, and
 * the client opens a fresh connection for its next request.
 */
function refuseUnread(c: Context, error: ContractError, route?: HttpRoute): Response {
  const length = c.req.header('content-length');
  if (c.req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0')) {
    c.header('Connection', 'close');
  }
  return problem(c, error, route);
}

/** The `Allow` value of a route (RFC 9110 §10.2.1): HEAD wherever GET is (RFC 9110 §9.3.2). */
function allowOf(methods: readonly RouteMethod[]): string {
  return methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])).join(', ');
}

const JSON_TYPE = 'application/json';

/** JSON text of deeply frozen outputs (they cannot change, so neither can their text). */
const serialized = new WeakMap<object, string>();

/**
 * The 200 answer of `output`, as `c.json` writes it. The text of a deeply frozen output
 * (runtime/deep-freeze.ts) is kept per object: the router hands the same frozen output back for an
 * unchanged cached record (Router.call), and `JSON.stringify` of immutable plain data is fixed.
 */
function jsonAnswer(c: Context, output: unknown): Response {
  if (typeof output !== 'object' || output === null || !isDeeplyFrozen(output)) {
    if (c.req.method === 'HEAD') return textAnswer(c, JSON.stringify(output), 200, JSON_TYPE);
    return c.json(output as object);
  }
  let text = serialized.get(output);
  if (text === undefined) {
    text = JSON.stringify(output);
    serialized.set(output, text);
  }
  return textAnswer(c, text, 200, JSON_TYPE);
}

/**
 * The headers of `GET /events` (hono/streaming's SSE helper) that `HEAD /events` answers with,
 * without opening a stream; `Transfer-Encoding: chunked` says GET's body would be chunked
 * (RFC 9112 §6.1).
 */
const EVENT_STREAM_HEADERS = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache',
  'Transfer-Encoding': 'chunked',
  Connection: 'keep-alive',
};

/**
 * The HTTP face of the routers: every operation at its route (routes.ts) — commands by
 * POST with a JSON body, queries by GET with query parameters (query-input.ts) and by POST —
 * answering 200 with the output as JSON, or an RFC 9457 problem (problem.ts): the router's code
 * and status (400 with field paths, 401, 403, 404, declared codes with their declared status, 500
 * without a stack), 404 for an unknown path, 405 for a wrong method (with `Allow`), 413 over the
 * body limit, 415 for a non-JSON body, 400 for JSON nested deeper than 64 levels (json-depth.ts).
 * A bearer token maps to its actor (tokens.ts); none means anonymous. Every 401 carries
 * `WWW-Authenticate: Bearer` (RFC 6750 §3). HEAD is served wherever GET is, with GET's status and
 * headers and no body (RFC 9110 §9.3.2).
 *
 * The caller is resolved and checked against the operation's `policy.auth` before anything of
 * the request's input is read: an anonymous, bad-token or too-low caller is answered 401/403
 * without its body being read, size-checked or parsed (request-body.ts). The router checks again;
 * that check never fails here. A refusal that leaves a body unread (401, 403, 404, 405, 413, 415)
 * closes the connection.
 * `GET /events` (auth user) streams the timeline as Server-Sent Events (events-route.ts).
 * @throws Error when two operations claim one path.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const routes = buildRoutes(options.target.routers, options.routes);
  const actorOf = connectionActorResolver(options.tokens ?? parseTokens(''));
  /**
   * The caller, from the Authorization header and connection. Served by Hono's Node adapter,
   * `c.env` holds the Node request (`HttpBindings`), whose parsed headers are read directly; an
   * in-process `fetch` has no connection and goes through the Fetch `Headers`.
   */
  const actorOfContext = (c: Context): Actor => {
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    return incoming === undefined
      ? actorOf(c.req.header('authorization'), undefined)
      : actorOf(incoming.headers.authorization, incoming.socket);
  };
  const readBodyText = bodyTextReader(options.bodyLimit ?? DEFAULT_BODY_LIMIT);
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
  app.notFound((c) =>
    problem(c, new ContractError('NOT_FOUND', `no route ${cutEcho(c.req.path)}`)),
  );

  app.get('/events', (c) => {
    const actor = actorOfContext(c);
    authorize(actor, 'user', 'GET /events');
    if (c.req.method === 'HEAD') return c.body(null, 200, EVENT_STREAM_HEADERS);
    const runId = c.req.query('runId');
    const key = c.req.query('key');
    const lastEventId = c.req.header('last-event-id');
    return streamEvents(c, watcher, {
      ...(runId === undefined ? {} : { runId }),
      ...(key === undefined ? {} : { key }),
      ...(lastEventId === undefined ? {} : { lastEventId }),
      ...(options.target.eventVisibility === undefined
        ? {}
        : { visible: options.target.eventVisibility(actor) }),
    });
  });

  if (options.openapi !== undefined) {
    const text = JSON.stringify(options.openapi);
    app.get('/openapi.json', (c) => textAnswer(c, text, 200, JSON_TYPE));
  }

  app.all('*', async (c) => {
    const route = routes.get(c.req.path);
    if (!route) {
      const error = new ContractError('NOT_FOUND', `no operation at ${cutEcho(c.req.path)}`);
      return refuseUnread(c, error);
    }
    // Hono dispatches a HEAD as its GET and drops the body of the answer.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
    if (!(route.methods as readonly string[]).includes(method)) {
      const allow = allowOf(route.methods);
      c.header('Allow', allow);
      const error = httpError('METHOD_NOT_ALLOWED', `${c.req.path} takes ${allow}`);
      return refuseUnread(c, error, route);
    }
    let unread = method !== 'GET';
    try {
      const actor = actorOfContext(c);
      const { definition } = route;
      authorize(actor, definition.auth, route.label);
      let input: unknown;
      if (method === 'GET') {
        input = queryToInput(definition.input, queryParamsOf(c.req.url));
      } else {
        const text = await readBodyText(c);
        unread = false;
        input = bodyInput(text, c.req.header('content-type'), definition.input !== null);
      }
      const { key, version } = definition;
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
      return unread ? refuseUnread(c, error, route) : problem(c, error, route);
    }
  });

  return { app, fetch: (request) => app.fetch(request), close: () => watcher.close() };
}
