/**
 * The error codes every operation may answer with, beside the ones its spec declares, with their
 * HTTP status (RFC 9110 §15) and the title of their RFC 9457 problem document. The router raises
 * them; the OpenAPI emitter documents them.
 */
export const STANDARD_ERRORS = {
  /** The input does not match the operation's input model; `details` lists the issues. */
  VALIDATION_FAILED: { status: 400, description: 'The input does not match the contract.' },
  /** The operation needs a signed-in actor and the caller is anonymous. */
  UNAUTHORIZED: { status: 401, description: 'The operation needs an authenticated actor.' },
  /** The actor is signed in but below the operation's `policy.auth` level. */
  FORBIDDEN: { status: 403, description: 'The actor may not call this operation.' },
  /** No operation with this key (and version) is served. */
  NOT_FOUND: { status: 404, description: 'No such operation.' },
  /** A handler emitted an event its operation does not declare in `sideEffects.emits`. */
  UNDECLARED_EVENT: { status: 500, description: 'The handler emitted an undeclared event.' },
  /** The handler's output or an event payload does not match its model. */
  OUTPUT_INVALID: {
    status: 500,
    description: 'The handler produced data that breaks the contract.',
  },
  /** A stored record exists but is not readable JSON; the message names the record and where. */
  RECORD_CORRUPT: { status: 500, description: 'A stored record is corrupt.' },
  /** A store write failed on a full device or quota (ENOSPC, EDQUOT); RFC 4918 §11.5. */
  STORAGE_FULL: {
    status: 507,
    description: 'The server has no storage left to record the operation.',
  },
  /** Anything else the handler threw; the message never carries the original message or stack. */
  INTERNAL: { status: 500, description: 'Internal error.' },
} as const satisfies Record<string, { status: number; description: string }>;

/**
 * `VALIDATION_FAILED | UNAUTHORIZED | FORBIDDEN | NOT_FOUND | UNDECLARED_EVENT | OUTPUT_INVALID |
 * RECORD_CORRUPT | STORAGE_FULL | INTERNAL`.
 */
export type StandardErrorCode = keyof typeof STANDARD_ERRORS;

/**
 * Codes only the HTTP layer answers with, next to {@link STANDARD_ERRORS}: statuses from
 * RFC 9110 §15.5.
 */
export const HTTP_ERRORS = {
  /** The path is served but not with this method; the answer carries `Allow`. */
  METHOD_NOT_ALLOWED: { status: 405, description: 'The operation is not served with this method.' },
  /** The request body is larger than the server's body limit (`--body-limit`, default 1 MiB). */
  PAYLOAD_TOO_LARGE: { status: 413, description: 'The request body is over the size limit.' },
  /** A request body that is not `application/json`. */
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    description: 'The request body must be application/json.',
  },
} as const satisfies Record<string, { status: number; description: string }>;

/** `METHOD_NOT_ALLOWED | PAYLOAD_TOO_LARGE | UNSUPPORTED_MEDIA_TYPE`. */
export type HttpErrorCode = keyof typeof HTTP_ERRORS;
