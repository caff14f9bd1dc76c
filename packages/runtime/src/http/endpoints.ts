import { authorize, type Actor } from '../actor.js';
import { cutEcho } from '../core/echo-limit.js';
import { ContractError, isContractError } from '../errors.js';
import type { EventSink } from '../events.js';
import { outputAnswer, problemAnswer, refusalAnswer, type Answer } from './answer.js';
import { failureLine } from './failure-line.js';
import { httpError } from './problem.js';
import { queryInputReader, queryParamsOf } from './query-input.js';
import { bodyInput } from './request-body.js';
import type { HttpRoute } from './routes.js';

/**
 * What an operation endpoint reads of one request, whichever way it reached the server (Hono's
 * `fetch`, or the direct Node listener). Header values are the Fetch `Headers` ones: a field sent
 * twice is its values joined by `, ` (WHATWG Fetch §2.2.2).
 */
export interface OperationRequest {
  /** The method as sent (`HEAD` included). */
  readonly method: string;
  /** The request path, as the route table is keyed; `instance` of problems and log lines name it. */
  readonly path: string;
  /** The URL or request target; its query (after `?`, before `#`) is a GET's input. */
  readonly url: string;
  readonly authorization: string | undefined;
  /** The connection (socket) the request came on; undefined in-process. */
  readonly connection: object | undefined;
  header(name: 'content-type' | 'content-length' | 'transfer-encoding'): string | undefined;
  /** The body text once its size and media type passed (request-body.ts). */
  readBody(): Promise<string>;
}

/** An endpoint: one method of one route, answering a request that reached it. Never rejects. */
export type Endpoint = (request: OperationRequest) => Promise<Answer>;

/** The endpoints of one path: by request method (HEAD has GET's), and the route they serve. */
export interface PathEndpoints {
  readonly route: HttpRoute;
  readonly byMethod: ReadonlyMap<string, Endpoint>;
}

/** What every endpoint shares: the caller's actor, the event sink, the server log. */
export interface EndpointContext {
  /** The actor of an Authorization value on a connection (tokens.ts). @throws ContractError 401 */
  readonly actorOf: (authorization: string | undefined, connection: object | undefined) => Actor;
  readonly onEvent: EventSink;
  readonly log: (line: string) => void;
}

/** The framing fields of `request` that tell whether it announced a body (RFC 9112 §6.3). */
function framingOf(request: OperationRequest) {
  return {
    contentLength: request.header('content-length'),
    transferEncoding: request.header('transfer-encoding'),
  };
}

/**
 * The endpoint of `route` for `method`: a GET reads the input from the query (query-input.ts,
 * its field plan worked out here, once), a POST from the JSON body (request-body.ts). Either
 * resolves the caller and checks the operation's `policy.auth` before anything of the input is
 * read, so an anonymous, bad-token or too-low caller is answered 401/403 without its body being
 * read, size-checked or parsed; the router checks again (that check never fails here). Then it
 * runs the operation and answers 200 with the output (answer.ts), or the problem of the
 * ContractError; a refusal that leaves a POST body unread closes the connection. Any other
 * error is logged with its stack and answered INTERNAL (500) without it.
 */
function endpointOf(route: HttpRoute, method: 'GET' | 'POST', context: EndpointContext): Endpoint {
  const { definition, label, invoke } = route;
  const { actorOf, onEvent, log } = context;
  const readQuery = queryInputReader(definition.input);
  const takesInput = definition.input !== null;
  return async (request) => {
    let unread = method === 'POST';
    try {
      const actor = actorOf(request.authorization, request.connection);
      authorize(actor, definition.auth, label);
      let input: unknown;
      if (method === 'GET') {
        input = readQuery(queryParamsOf(request.url));
      } else {
        const text = await request.readBody();
        unread = false;
        input = bodyInput(text, request.header('content-type'), takesInput);
      }
      return outputAnswer(await invoke(input, { actor, onEvent }));
    } catch (error) {
      if (!isContractError(error)) {
        log(failureLine(request.method, request.path, error));
        return problemAnswer(new ContractError('INTERNAL', 'internal error'), request.path);
      }
      if (error.status >= 500) {
        const cause =
          error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : '';
        log(
          `contracts serve: ${request.method} ${request.path}: ${error.code} ${error.message}${cause ? `\n${cause}` : ''}`,
        );
      }
      return unread
        ? refusalAnswer(framingOf(request), error, request.path, route)
        : problemAnswer(error, request.path, route);
    }
  };
}

/**
 * The endpoint table: path -> the endpoints of its route, built once from the route table
 * (routes.ts) when the server starts, so a request costs one lookup by path and one by method.
 * A route served at two paths shares its endpoints.
 */
export function buildEndpoints(
  routes: ReadonlyMap<string, HttpRoute>,
  context: EndpointContext,
): Map<string, PathEndpoints> {
  const byRoute = new Map<HttpRoute, PathEndpoints>();
  const table = new Map<string, PathEndpoints>();
  for (const [path, route] of routes) {
    let endpoints = byRoute.get(route);
    if (endpoints === undefined) {
      const byMethod = new Map<string, Endpoint>();
      for (const method of route.methods) {
        const endpoint = endpointOf(route, method, context);
        byMethod.set(method, endpoint);
        if (method === 'GET') byMethod.set('HEAD', endpoint);
      }
      endpoints = { route, byMethod };
      byRoute.set(route, endpoints);
    }
    table.set(path, endpoints);
  }
  return table;
}

/**
 * The answer to `request` at the endpoints of its path: none there is NOT_FOUND (404, no
 * operation at that path), a method the route does not take METHOD_NOT_ALLOWED (405, with
 * `Allow`); both close the connection when a body was announced.
 */
export function answerOperation(
  endpoints: PathEndpoints | undefined,
  request: OperationRequest,
): Answer | Promise<Answer> {
  if (endpoints === undefined) {
    const error = new ContractError('NOT_FOUND', `no operation at ${cutEcho(request.path)}`);
    return refusalAnswer(framingOf(request), error, request.path);
  }
  const endpoint = endpoints.byMethod.get(request.method);
  if (endpoint !== undefined) return endpoint(request);
  const { route } = endpoints;
  const error = httpError('METHOD_NOT_ALLOWED', `${request.path} takes ${route.allow}`);
  return refusalAnswer(framingOf(request), error, request.path, route, ['Allow', route.allow]);
}
