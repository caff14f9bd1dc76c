import { HTTP_ERRORS, type HttpErrorCode } from '../core/standard-errors.js';
import {
  ContractError,
  STANDARD_ERRORS,
  isStandardErrorCode,
  type ValidationIssue,
} from '../errors.js';

/** Media type of every error answer (RFC 9457 §3). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

export { HTTP_ERRORS, type HttpErrorCode };

/**
 * An RFC 9457 problem document as the server writes it. `type` is `urn:contracts:problem:<code>`,
 * `title` the code's declared (or standard) description, `detail` the error's message. Extension
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

function titleOf(
  code: string,
  declared: Readonly<Record<string, { description: string }>>,
): string {
  if (Object.hasOwn(declared, code)) return declared[code]!.description;
  if (isStandardErrorCode(code)) return STANDARD_ERRORS[code].description;
  if (Object.hasOwn(HTTP_ERRORS, code)) return HTTP_ERRORS[code as HttpErrorCode].description;
  return code;
}

/**
 * The problem document of `error`. `declared` is the operation's declared errors (for `title`);
 * `instance` the request path. The message never carries a stack: the router already replaced
 * every non-contract error by INTERNAL with a neutral message.
 */
export function toProblemDocument(
  error: ContractError,
  declared: Readonly<Record<string, { description: string }>> = {},
  instance?: string,
): ProblemDocument {
  const details = error.details;
  return {
    type: `urn:contracts:problem:${error.code}`,
    title: titleOf(error.code, declared),
    status: error.status,
    detail: error.message,
    code: error.code,
    ...(instance === undefined ? {} : { instance }),
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
