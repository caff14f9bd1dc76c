import path from 'node:path';
import { getSystemErrorMap } from 'node:util';

import { jsonErrorLocation } from './json-error-offset.js';

/**
 * The brand runtime/errors.ts's `isContractError` recognises (a global `Symbol.for` key), so the
 * router answers a {@link StoreWriteError} as a problem with its code and message. store/ imports
 * nothing outside itself: tests transpile store/*.ts alone to run it in plain `node`.
 */
const CONTRACT_ERROR_BRAND = Symbol.for('contracts.ContractError');

/**
 * The problem code of a store write that failed because the device or the quota is full
 * (ENOSPC, EDQUOT): HTTP 507 Insufficient Storage, RFC 4918 §11.5.
 */
export const STORAGE_FULL = 'STORAGE_FULL';

/** `STORAGE_FULL` (507) for a full device or quota, else `INTERNAL` (500). */
export type StoreWriteErrorCode = typeof STORAGE_FULL | 'INTERNAL';

const FULL_ERRNOS = new Set(['ENOSPC', 'EDQUOT']);
/** Descriptions libuv's error map lacks on some platforms. */
const EXTRA_DESCRIPTIONS: Readonly<Record<string, string>> = {
  EDQUOT: 'disk quota exceeded',
};

let descriptions: Map<string, string> | undefined;

/** libuv's description of an errno name (`ENOSPC` -> `no space left on device`). */
function describeErrno(errno: string): string {
  descriptions ??= new Map([...getSystemErrorMap().values()]);
  return descriptions.get(errno) ?? EXTRA_DESCRIPTIONS[errno] ?? 'file system error';
}

/**
 * `file` as error messages name it: relative to `root` with `/` separators when `root` is given
 * and holds the file, else absolute.
 */
export function displayPath(file: string, root: string | undefined): string {
  const absolute = path.resolve(file);
  if (root === undefined) return absolute;
  const relative = path.relative(path.resolve(root), absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return absolute;
  return relative.split(path.sep).join('/');
}

/** What a store writer was doing when the file system failed, as the message words it. */
export type StoreAction = 'writing' | 'appending to' | 'locking';

/**
 * A store write (an atomic JSON write, a timeline append, a lock) that the file system refused:
 * `no space left on device (ENOSPC) writing harness-runs/r-1.json`. `errno` is the system error
 * name, `path` the file as named in the message (see {@link displayPath}), `cause` the original
 * Node error. It carries a contract code and HTTP status and is recognised by `isContractError`
 * (runtime/errors.ts), so an operation that lets it through answers `STORAGE_FULL` (507, RFC 4918
 * §11.5) for a full device or quota, else `INTERNAL` (500), with this message. The writer removed
 * its temp file and lock file, and closed its file handles, before throwing.
 */
export class StoreWriteError extends Error {
  readonly code: StoreWriteErrorCode;
  /** HTTP status of the problem answer: 507 or 500. */
  readonly status: number;
  readonly details?: unknown;
  readonly errno: string;
  readonly path: string;

  constructor(errno: string, action: StoreAction, shownPath: string, cause: unknown) {
    super(`${describeErrno(errno)} (${errno}) ${action} ${shownPath}`, { cause });
    this.name = 'StoreWriteError';
    const full = FULL_ERRNOS.has(errno);
    this.code = full ? STORAGE_FULL : 'INTERNAL';
    this.status = full ? 507 : 500;
    this.errno = errno;
    this.path = shownPath;
    Object.defineProperty(this, CONTRACT_ERROR_BRAND, { value: true });
  }
}

/** The errno name of a Node system error (`ENOSPC`), else undefined. */
function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * `error` as thrown by a store writer: a Node system error becomes a {@link StoreWriteError}
 * naming `file`; a StoreWriteError (from a nested writer) and any other error are returned as
 * they are.
 */
export function asStoreWriteError(
  error: unknown,
  action: StoreAction,
  file: string,
  root: string | undefined,
): unknown {
  if (error instanceof StoreWriteError) return error;
  const errno = errnoOf(error);
  return errno === undefined
    ? error
    : new StoreWriteError(errno, action, displayPath(file, root), error);
}

/**
 * A record file that exists but is not JSON (RFC 8259), e.g. truncated by a crash of a writer
 * that did not write atomically, or edited by hand: `corrupt record harness-runs/r-1.json: invalid
 * JSON at 3:8`. `path` is the file as named in the message (see {@link displayPath}); `line` and
 * `column` (1-based, column in UTF-16 code units) locate the first character that is not valid
 * JSON, or the end of the text when it ends early (`endsEarly`). `cause` is JSON.parse's error,
 * whose message, which may quote the record, is not repeated. A SyntaxError, as JSON.parse's is.
 */
export class CorruptRecordError extends SyntaxError {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly endsEarly: boolean;

  constructor(shownPath: string, text: string, cause: unknown) {
    const { offset, line, column } = jsonErrorLocation(text);
    const endsEarly = offset >= text.length;
    const what = endsEarly ? 'JSON ends early' : 'invalid JSON';
    super(`corrupt record ${shownPath}: ${what} at ${line}:${column}`, { cause });
    this.name = 'CorruptRecordError';
    this.path = shownPath;
    this.line = line;
    this.column = column;
    this.endsEarly = endsEarly;
  }
}

/**
 * The JSON value of `text`, read from `file`.
 * @throws CorruptRecordError naming `file` (relative to `root` when given) when `text` is not JSON.
 */
export function parseRecord(text: string, file: string, root: string | undefined): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CorruptRecordError(displayPath(file, root), text, error);
  }
}
