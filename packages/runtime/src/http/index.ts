/**
 * The HTTP server of generated routers: `createHttpApp` answers every operation of the given
 * routers at `/<key as path>/v<version>` with RFC 9457 problems, bearer-token actors and an SSE
 * event stream; `startHttpServer` listens with it on a host and port. `notFound` is the NOT_FOUND
 * a handler throws to name what it did not find.
 */
export {
  createHttpApp,
  DEFAULT_BODY_LIMIT,
  type HttpApp,
  type HttpAppOptions,
  type ServeTarget,
} from './http-app.js';
export { startHttpServer, type RunningServer } from './listen.js';
export { fromProblemDocument, toProblemDocument, type ProblemDocument } from './problem.js';
export { routeOverridesFromOpenApi, type RouteOverride, type RouteOverrides } from './routes.js';
export { loadTokens, parseTokens, type TokenTable } from './tokens.js';
export { ECHO_LIMIT } from '../core/echo-limit.js';
export { MAX_JSON_DEPTH } from './json-depth.js';
export { notFound, type ResourceNotFound } from '../not-found.js';
