import { HTTP_ERRORS, type HttpErrorCode } from '../core/standard-errors.js';
import {
  ContractError,
  STANDARD_ERRORS,
  isStandardErrorCode,
  type ValidationIssue,
} from '../errors.js';
import { cutEcho, ECHO_LIMIT } from '../core/echo-limit.js';
import { resourceOf } from '../not-found.js';

/** Media type of every error answer (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export { HTTP_ERRORS, type HttpErrorCode };

/**
 * An RFC 9457 problem document as the server writes it. `type` is `urn:contracts:problem:<code>`,
 * `title` the code's declared (or standard) description (for NOT_FOUND: `No such <resource>.`, see
 * {@link toProblemDocument}), `detail` the error's message. Extension
 * members: `code` (the contract code, what clients switch on), `errors` (field-level issues with
 * their paths, for VALIDATION_FAILED and OUTPUT_INVALID) or `details` (any other details value).
 */
export interface ProblemDocument {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly code: string;
  readonly instance?: string;
  readonly errors?: readonly ValidationIssue[];
  readonly details?: unknown;
}

/** Builds an HTTP-layer problem ({@link HTTP_ERRORS}) as a ContractError with its status. */
export function httpError(code: HttpErrorCode, message: string): ContractError<HttpErrorCode> {
  return new ContractError(code, message, { status: HTTP_ERRORS[code].status });
}

function isIssueList(value: unknown): value is ValidationIssue[] {
  return (
    Array.isArray(value) &&
    value.every(
      (item) =>
        typeof item === 'object' &&
        item !== null &&
        typeof (item as ValidationIssue).path === 'string' &&
        typeof (item as ValidationIssue).message === 'string',
    )
  );
}

/**
 * Longest `detail` of a NOT_FOUND answer, in UTF-16 code units: room for a resource's words and a
 * cut id (echo-limit.ts), for handlers whose message echoes an id whole.
 */
const NOT_FOUND_DETAIL_LIMIT = 2 * ECHO_LIMIT;

function titleOf(
  error: ContractError,
  declared: Readonly<Record<string, { description: string }>>,
  unnamedResource: string,
): string {
  const code = error.code;
  if (Object.hasOwn(declared, code)) return declared[code]!.description;
  if (code === 'NOT_FOUND') {
    const resource = resourceOf(error) ?? unnamedResource;
    if (resource !== 'operation') return `No such ${resource}.`;
  }
  if (isStandardErrorCode(code)) return STANDARD_ERRORS[code].description;
  if (Object.hasOwn(HTTP_ERRORS, code)) return HTTP_ERRORS[code as HttpErrorCode].description;
  return code;
}

/**
 * The problem document of `error`. `declared` is the operation's declared errors (for `title`);
 * `instance` the request path, cut to 64 code units (echo-limit.ts). The message never carries a
 * stack: the router already replaced every non-contract error by INTERNAL with a neutral message.
 *
 * A NOT_FOUND the operation does not declare is titled `No such <resource>.`, by the resource the
 * error names (not-found.ts), else by `unnamedResource`: `operation` (the default, giving the
 * standard title `No such operation.`) for a path no operation serves, `resource` for a handler's
 * lookup at a served operation. Its `detail` is cut to 128 code units, so an id it echoes is never
 * answered whole.
 */
export function toProblemDocument(
  error: ContractError,
  declared: Readonly<Record<string, { description: string }>> = {},
  instance?: string,
  unnamedResource = 'operation',
): ProblemDocument {
  const details = error.details;
  const notFound = error.code === 'NOT_FOUND';
  return {
    type: `urn:contracts:problem:${error.code}`,
    title: titleOf(error, declared, unnamedResource),
    status: error.status,
    detail: notFound ? cutEcho(error.message, NOT_FOUND_DETAIL_LIMIT) : error.message,
    code: error.code,
    ...(instance === undefined ? {} : { instance: cutEcho(instance) }),
    ...(details === undefined ? {} : isIssueList(details) ? { errors: details } : { details }),
  };
}

/**
 * Reads a problem document back into the ContractError it was written from: `code`, `detail` as
 * message, the response status, and `errors` or `details` as `details`. Null when `body` is not a
 * problem document with a string `code`.
 */
export function fromProblemDocument(body: unknown, status: number): ContractError | null {
  if (typeof body !== 'object' || body === null) return null;
  const problem = body as Partial<ProblemDocument>;
  if (typeof problem.code !== 'string' || problem.code.length === 0) return null;
  const details = problem.errors ?? problem.details;
  return new ContractError(
    problem.code,
    typeof problem.detail === 'string' ? problem.detail : problem.code,
    {
      status,
      ...(details === undefined ? {} : { details }),
    },
  );
}
