/**
 * The errors the operation runtime answers with. A problem answer is a code (a declared error of
 * the operation, or one of the standard codes below), an HTTP status and an optional `details`
 * value; transports carry exactly these three, so a declared error arrives at the caller as the same
 * `ContractError` it left the handler as.
 */
import { STANDARD_ERRORS, type StandardErrorCode } from './core/standard-errors.js';

export { STANDARD_ERRORS, type StandardErrorCode };

/** True when `code` is one of {@link STANDARD_ERRORS}. */
export function isStandardErrorCode(code: string): code is StandardErrorCode {
  return Object.hasOwn(STANDARD_ERRORS, code);
}

/**
 * One field-level problem, as `details` of VALIDATION_FAILED and OUTPUT_INVALID: `path` is rooted
 * at the value checked (`input.runId`, `output.run.steps[0].stepId`, `payload.runId`).
 */
export interface ValidationIssue {
  readonly path: string;
  readonly message: string;
}

/** Options of {@link ContractError}: `status` is an HTTP status (defaults from the code). */
export interface ContractErrorOptions {
  readonly status?: number;
  readonly details?: unknown;
  readonly cause?: unknown;
}

const BRAND = Symbol.for('contracts.ContractError');

/**
 * An error with a contract code. Handlers throw it with a declared code (`new
 * ContractError('SCENARIO_OR_SUITE_REQUIRED', 'A scenario or suite key is required.')`); the router
 * then answers with the status the operation declares for that code. `status` defaults to the
 * standard code's status, else 500.
 */
export class ContractError<C extends string = string> extends Error {
  readonly code: C;
  /** HTTP status of the problem answer. */
  readonly status: number;
  readonly details?: unknown;

  constructor(code: C, message: string, options: ContractErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ContractError';
    this.code = code;
    this.status =
      options.status ?? (isStandardErrorCode(code) ? STANDARD_ERRORS[code].status : 500);
    if (options.details !== undefined) this.details = options.details;
    Object.defineProperty(this, BRAND, { value: true });
  }
}

/**
 * True for a {@link ContractError}, also one built by another copy of this module (a bundled
 * client next to a server build), which `instanceof` would miss.
 */
export function isContractError(value: unknown): value is ContractError {
  return value instanceof ContractError || (value instanceof Error && BRAND in value);
}

/** Shorthand for a standard-code error with its standard status. */
export function standardError(
  code: StandardErrorCode,
  message: string,
  options: Omit<ContractErrorOptions, 'status'> = {},
): ContractError<StandardErrorCode> {
  return new ContractError(code, message, options);
}

/**
 * The network failed before a problem answer arrived (connection refused, timeout, a body that is
 * not a problem answer). Distinct from {@link ContractError}: the operation may or may not have run.
 */
export class TransportError extends Error {
  /** The HTTP status when a response arrived, else undefined. */
  readonly status?: number;

  constructor(
    message: string,
    options: { readonly status?: number; readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'TransportError';
    if (options.status !== undefined) this.status = options.status;
  }
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `('input', ['steps', 0, 'stepId'])` -> `input.steps[0].stepId`; odd keys are quoted (`input["a b"]`). */
export function formatIssuePath(root: string, path: readonly PropertyKey[]): string {
  let text = root;
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) text += `.${segment}`;
    else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text;
}

/** The part of a zod 4 issue this module reads (structural, so errors.ts needs no zod import). */
export interface SchemaIssue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
  readonly input?: unknown;
}

/**
 * zod issues -> {@link ValidationIssue}s rooted at `root`, in zod's order. Parse with
 * `{ reportInput: true }` so a missing field reads `required`; an unknown key (strict input models)
 * gives `unknown field` at the key's own path. Input values never enter the messages (they may be
 * PII).
 */
export function validationIssues(root: string, issues: readonly SchemaIssue[]): ValidationIssue[] {
  const result: ValidationIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' && issue.keys) {
      for (const key of issue.keys) {
        result.push({
          path: formatIssuePath(root, [...issue.path, key]),
          message: 'unknown field',
        });
      }
    } else if (issue.code === 'invalid_type' && 'input' in issue && issue.input === undefined) {
      result.push({ path: formatIssuePath(root, issue.path), message: 'required' });
    } else {
      result.push({ path: formatIssuePath(root, issue.path), message: issue.message });
    }
  }
  return result;
}

/** `[{path:'input.runId', message:'required'}]` -> `input.runId: required` (joined with `; `). */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
}
