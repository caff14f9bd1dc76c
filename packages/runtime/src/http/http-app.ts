import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono, type Context } from 'hono';
import { authorize, type Actor } from '../actor.js';
import { ContractError, isContractError } from '../errors.js';
import type { EventSink } from '../events.js';
import type { Router } from '../router.js';
import type { TimelineEvent } from '../timeline.js';
import { cutEcho } from '../core/echo-limit.js';
import { JSON_TYPE, problemAnswer, textAnswer, type Answer } from './answer.js';
import { directListener } from './direct-listener.js';
import { answerOperation, buildEndpoints, type OperationRequest } from './endpoints.js';
import { streamEvents } from './events-route.js';
import { failureLine } from './failure-line.js';
import { bodyTextReader } from './request-body.js';
import { buildRoutes, type RouteOverrides } from './routes.js';
import { TimelineWatcher, type TimelineSource } from './timeline-watcher.js';
import { connectionActorResolver, parseTokens, type TokenTable } from './tokens.js';

import { DEFAULT_BODY_LIMIT } from '../defaults.js';

export { DEFAULT_BODY_LIMIT };

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

/**
 * The part of what Hono's Node adapter passes as `env` that the app reads: the Node request, whose
 * socket is the connection. Declared here rather than imported from @hono/node-server, whose
 * HTTP/2 types would pull its WebSocket helper (and the DOM's MessageEvent) into every consumer's
 * type check.
 */
export interface NodeBindings {
  readonly incoming: { readonly socket: object };
}

/**
 * The Hono application; `fetch`, its fetch (`env` is what Hono's Node adapter passes, the Node
 * request and response); `answerDirect`, the Node `request` listener of the operation routes
 * (direct-listener.ts), which answers a request itself and returns true, or returns false for
 * the caller to pass it to `fetch` (listen.ts); and `close` to end the `/events` streams before the
 * server stops.
 */
export interface HttpApp {
  readonly app: Hono;
  readonly fetch: (request: Request, env?: NodeBindings) => Response | Promise<Response>;
  readonly answerDirect: (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;
  close(): void;
}

/**
 * The Hono response of `answer`; Hono drops the body of a HEAD answer and keeps its headers
 * (Content-Length included).
 */
function honoResponse(c: Context, answer: Answer): Response {
  const headers: Record<string, string> = {};
  const fields = answer.headers;
  for (let index = 0; index < fields.length; index += 2)
    headers[fields[index]!] = fields[index + 1]!;
  return c.body(answer.body, answer.status as 200, headers);
}

/**
 * The connection (socket) of Hono context `c`: served by Hono's Node adapter, `c.env` holds the
 * Node request, whose socket it is; an in-process `fetch` has none (undefined).
 */
function connectionOf(c: Context): object | undefined {
  return (c.env as Partial<NodeBindings> | undefined)?.incoming?.socket;
}

/**
 * The request of Hono context `c` as an operation endpoint reads it, on the connection
 * {@link connectionOf} finds. Header values come from the Fetch `Headers` whichever way it came.
 */
function operationRequestOf(
  c: Context,
  readBodyText: (c: Context) => Promise<string>,
): OperationRequest {
  return {
    method: c.req.method,
    path: c.req.path,
    url: c.req.url,
    authorization: c.req.header('authorization'),
    connection: connectionOf(c),
    header: (name) => c.req.header(name),
    readBody: () => readBodyText(c),
  };
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
 *
 * The route table and every route's endpoints (endpoints.ts: the input reader, the router's call
 * and the checks of each method) are built here, once. Served by Node (listen.ts), a request at
 * an operation path is answered by `answerDirect` from the Node request itself; everything else,
 * and an in-process `fetch`, goes through Hono. Both give the same answer, from the same endpoints.
 * @throws Error when two operations claim one path.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const actorOf = connectionActorResolver(options.tokens ?? parseTokens(''));
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const readBodyText = bodyTextReader(bodyLimit);
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
  const endpoints = buildEndpoints(buildRoutes(options.target.routers, options.routes), {
    actorOf,
    onEvent,
    log,
  });
  const ownRoutes = ['/events', ...(options.openapi === undefined ? [] : ['/openapi.json'])];
  const app = new Hono();

  app.onError((error, c) => {
    if (isContractError(error)) return honoResponse(c, problemAnswer(error, c.req.path));
    log(failureLine(c.req.method, c.req.path, error));
    return honoResponse(
      c,
      problemAnswer(new ContractError('INTERNAL', 'internal error'), c.req.path),
    );
  });
  app.notFound((c) =>
    honoResponse(
      c,
      problemAnswer(new ContractError('NOT_FOUND', `no route ${cutEcho(c.req.path)}`), c.req.path),
    ),
  );

  app.get('/events', (c) => {
    const actor = actorOf(c.req.header('authorization'), connectionOf(c));
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
    const answer = textAnswer(JSON.stringify(options.openapi), 200, JSON_TYPE);
    app.get('/openapi.json', (c) => honoResponse(c, answer));
  }

  app.all('*', async (c) => {
    const answer = await answerOperation(
      endpoints.get(c.req.path),
      operationRequestOf(c, readBodyText),
    );
    return honoResponse(c, answer);
  });

  const direct = new Map(
    [...endpoints].filter(([path]) => !ownRoutes.includes(path) && isCanonicalPath(path)),
  );
  return {
    app,
    fetch: (request, env) => app.fetch(request, env),
    answerDirect: directListener(direct, bodyLimit, log),
    close: () => watcher.close(),
  };
}

/**
 * True for a path Hono's Node adapter and router see as it is sent: one the WHATWG URL parser
 * leaves alone (no dot segment, nothing it percent-encodes) and without `%` (Hono decodes it).
 */
function isCanonicalPath(path: string): boolean {
  return !path.includes('%') && new URL(path, 'http://host').pathname === path;
}
