import { ContractError, isContractError, type ContractErrorOptions } from './errors.js';
import { cutEcho } from './core/echo-limit.js';

/** A NOT_FOUND error that names the kind of thing it did not find (`harness run`). */
export type ResourceNotFound = ContractError<'NOT_FOUND'> & { readonly resource: string };

/**
 * NOT_FOUND (404) for a handler's lookup that found nothing: message `no <resource> <id>`, with
 * `id` cut to 64 code units (echo-limit.ts), and `resource` (lower-case words, e.g. `harness run`)
 * both on the error and, unless `options.details` says otherwise (e.g. an issue at `input.runId`),
 * as `details: { resource }`. The problem document's title then reads `No such <resource>.`
 * (problem.ts) instead of the title of an unknown operation.
 */
export function notFound(
  resource: string,
  id: string,
  options: Omit<ContractErrorOptions, 'status'> = {},
): ResourceNotFound {
  const error = new ContractError('NOT_FOUND', `no ${resource} ${cutEcho(id)}`, {
    ...options,
    details: options.details ?? { resource },
  });
  return Object.assign(error, { resource });
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

/** The resource `error` names itself: its own `resource`, else `details.resource`. */
function statedResource(error: ContractError): string | undefined {
  const details = error.details;
  return (
    nonEmpty((error as { resource?: unknown }).resource) ??
    (typeof details === 'object' && details !== null && !Array.isArray(details)
      ? nonEmpty((details as { resource?: unknown }).resource)
      : undefined)
  );
}

/**
 * The resource a NOT_FOUND error names: its own `resource` property ({@link notFound}), else a
 * `resource` in its `details` object (`details: { resource: 'harness run' }`), else either of those
 * on the NOT_FOUND it was rebuilt from (the router rebuilds a handler's error and keeps the
 * original as `cause`, Router.call); undefined when none names one.
 */
export function resourceOf(error: ContractError): string | undefined {
  const cause = error.cause;
  return (
    statedResource(error) ??
    (isContractError(cause) && cause.code === error.code ? statedResource(cause) : undefined)
  );
}
