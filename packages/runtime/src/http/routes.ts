import type { OperationDefinition, PreparedOperation, Router } from '../router.js';
import { operationMethods, operationPath, type RouteMethod } from '../core/operation-path.js';

/** What a spec's `transport.rest` sets for one operation (generator/ir/ir-schema.ts). */
export interface RouteOverride {
  readonly path?: string;
  readonly method?: RouteMethod;
}

/** Overrides by `key@version`. */
export type RouteOverrides = ReadonlyMap<string, RouteOverride>;

/**
 * One served operation, worked out once per route: its definition, the router that runs it and
 * `invoke`, that router's call of it resolved once (Router.prepare); the methods it takes, its
 * `Allow` value (RFC 9110 §10.2.1: HEAD wherever GET is, RFC 9110 §9.3.2) and its label
 * `key@version` (as the router's messages name it).
 */
export interface HttpRoute {
  readonly definition: OperationDefinition;
  readonly router: Router;
  readonly invoke: PreparedOperation;
  readonly methods: readonly RouteMethod[];
  readonly allow: string;
  readonly label: string;
}

function allowOf(methods: readonly RouteMethod[]): string {
  return methods.flatMap((method) => (method === 'GET' ? ['GET', 'HEAD'] : [method])).join(', ');
}

/**
 * The route table: path -> route. Every operation of every router is at {@link operationPath};
 * one with an override `path` is also there.
 * @throws Error when two operations claim one path, or an override path does not start with `/`.
 */
export function buildRoutes(
  routers: readonly Router[],
  overrides: RouteOverrides = new Map(),
): Map<string, HttpRoute> {
  const routes = new Map<string, HttpRoute>();
  const claim = (path: string, route: HttpRoute) => {
    const taken = routes.get(path);
    if (taken && taken.definition !== route.definition) {
      const label = (d: OperationDefinition) => `${d.key}@${d.version}`;
      throw new Error(
        `${label(route.definition)} and ${label(taken.definition)} both claim ${path}`,
      );
    }
    routes.set(path, route);
  };
  for (const router of routers) {
    for (const definition of router.operations) {
      const override = overrides.get(`${definition.key}@${definition.version}`);
      const methods = operationMethods(definition.kind, override?.method);
      const route: HttpRoute = {
        definition,
        router,
        invoke: router.prepare(definition.key, definition.version),
        methods,
        allow: allowOf(methods),
        label: `${definition.key}@${definition.version}`,
      };
      claim(operationPath(definition.key, definition.version), route);
      if (override?.path !== undefined) {
        if (!override.path.startsWith('/')) {
          throw new Error(
            `${definition.key}@${definition.version}: path ${override.path} must start with /`,
          );
        }
        claim(override.path, route);
      }
    }
  }
  return routes;
}

/** The `x-contracts-operation` extension the OpenAPI emitter puts on every operation. */
export interface OperationExtension {
  readonly key: string;
  readonly version: string;
  readonly kind: 'command' | 'query';
  readonly auth: string;
}

/**
 * Route overrides read back from an OpenAPI document written by the OpenAPI emitter
 * (`generated/openapi.json`): every path whose operations carry `x-contracts-operation` and differ
 * from {@link operationPath}. This is how `contracts serve` learns `transport.rest` without the IR.
 * Anything that is not such a document gives an empty map.
 */
export function routeOverridesFromOpenApi(document: unknown): Map<string, RouteOverride> {
  const overrides = new Map<string, RouteOverride>();
  const paths = (document as { paths?: unknown } | null)?.paths;
  if (typeof paths !== 'object' || paths === null) return overrides;
  for (const [path, item] of Object.entries(paths as Record<string, unknown>)) {
    for (const method of ['get', 'post'] as const) {
      const extension = (
        item as Record<string, { 'x-contracts-operation'?: OperationExtension }>
      )?.[method]?.['x-contracts-operation'];
      if (
        !extension ||
        typeof extension.key !== 'string' ||
        typeof extension.version !== 'string'
      ) {
        continue;
      }
      const label = `${extension.key}@${extension.version}`;
      const previous = overrides.get(label) ?? {};
      const custom = path !== operationPath(extension.key, extension.version);
      const restMethod = extension.kind === 'command' && method === 'get' ? 'GET' : previous.method;
      if (custom || restMethod) {
        overrides.set(label, {
          ...(custom ? { path } : previous.path ? { path: previous.path } : {}),
          ...(restMethod ? { method: restMethod } : {}),
        });
      }
    }
  }
  return overrides;
}
