/**
 * The path an operation is always served at: `/<key with dots as slashes>/v<version>`
 * (`harness.run.get@1.0.0` -> `/harness/run/get/v1.0.0`). A spec's
 * `transport.rest.path` adds a second path; this one stays, so a client needs no route table.
 * Shared by the server, the fetch transport and the OpenAPI emitter.
 */
export function operationPath(key: string, version: string): string {
  return `/${key.split('.').map(encodeURIComponent).join('/')}/v${encodeURIComponent(version)}`;
}

/** HTTP methods the operation routes use. */
export type RouteMethod = 'GET' | 'POST';

/**
 * The methods an operation is served with: a query takes GET (input as query parameters) and POST
 * (JSON body); a command takes POST, and also GET when its spec sets `transport.rest.method: 'GET'`.
 */
export function operationMethods(
  kind: 'command' | 'query',
  restMethod?: RouteMethod,
): RouteMethod[] {
  return kind === 'query' || restMethod === 'GET' ? ['GET', 'POST'] : ['POST'];
}
