import { isDeeplyFrozen } from '../deep-freeze.js';
import type { ContractError } from '../errors.js';
import { bearerChallenge } from './bearer-challenge.js';
import { PROBLEM_MEDIA_TYPE, toProblemDocument } from './problem.js';
import type { HttpRoute } from './routes.js';

/**
 * One HTTP answer as data, written the same way by Hono (in-process `fetch`) and by the direct
 * Node listener: its status, its header fields as a flat list of names and values
 * (`['Content-Type', 'application/json', 'Content-Length', '15']`, the form Node's `writeHead`
 * takes), Content-Type and Content-Length always among them, and its body. A HEAD answer is the
 * GET answer without the body: the Content-Length it carries is the one GET's body has
 * (RFC 9110 §9.3.2, §8.6).
 */
export interface Answer {
  readonly status: number;
  readonly headers: readonly string[];
  readonly body: string | Uint8Array<ArrayBuffer>;
}

export const JSON_TYPE = 'application/json';

/** The answer with body `text` of media type `type`, with `extra` header fields first. */
export function textAnswer(
  text: string,
  status: number,
  type: string,
  extra: readonly string[] = [],
): Answer {
  return {
    status,
    headers: [...extra, 'Content-Type', type, 'Content-Length', String(Buffer.byteLength(text))],
    body: text,
  };
}

/** The byte form of deeply frozen outputs' answers (they cannot change, so neither can these). */
const frozenAnswers = new WeakMap<object, Answer>();

/**
 * The 200 answer of `output`, as JSON (`JSON.stringify`; undefined gives an empty body). The
 * answer to a deeply frozen output (runtime/deep-freeze.ts) is made once per object, its text
 * encoded to bytes once: the router hands the same frozen output back for an unchanged cached
 * record (Router.call), and `JSON.stringify` of immutable plain data is fixed.
 */
export function outputAnswer(output: unknown): Answer {
  const frozen = typeof output === 'object' && output !== null && isDeeplyFrozen(output);
  if (frozen) {
    const known = frozenAnswers.get(output);
    if (known !== undefined) return known;
  }
  const text = JSON.stringify(output) ?? '';
  if (!frozen) return textAnswer(text, 200, JSON_TYPE);
  const body = Buffer.from(text, 'utf8');
  const answer: Answer = Object.freeze({
    status: 200,
    headers: Object.freeze(['Content-Type', JSON_TYPE, 'Content-Length', String(body.length)]),
    body,
  });
  frozenAnswers.set(output as object, answer);
  return answer;
}

/**
 * The problem answer of `error` at request path `path` (problem.ts). At a served `route`, its
 * declared errors give the title, and a NOT_FOUND is about what the handler looked up, not the
 * operation. Every 401 carries its bearer challenge (RFC 6750 §3); `extra` header fields come first.
 */
export function problemAnswer(
  error: ContractError,
  path: string,
  route?: HttpRoute,
  extra: readonly string[] = [],
): Answer {
  const body = toProblemDocument(
    error,
    route?.definition.errors ?? {},
    path,
    route === undefined ? 'operation' : 'resource',
  );
  const fields =
    error.status === 401 ? [...extra, 'WWW-Authenticate', bearerChallenge(error)] : extra;
  return textAnswer(JSON.stringify(body), error.status, PROBLEM_MEDIA_TYPE, fields);
}

const CLOSE = ['Connection', 'close'] as const;

/**
 * The problem answer of a refusal that left the request's announced body unread (RFC 9112 §6.3:
 * a `Transfer-Encoding`, or a `Content-Length` other than 0): it closes the connection
 * (RFC 9112 §9.6), so the server neither drains what the caller still sends nor waits for it, and
 * the client opens a fresh connection for its next request. `extra` as {@link problemAnswer}.
 */
export function refusalAnswer(
  framing: {
    readonly contentLength: string | undefined;
    readonly transferEncoding: string | undefined;
  },
  error: ContractError,
  path: string,
  route?: HttpRoute,
  extra: readonly string[] = [],
): Answer {
  const { contentLength, transferEncoding } = framing;
  const unread =
    transferEncoding !== undefined || (contentLength !== undefined && contentLength !== '0');
  return problemAnswer(error, path, route, unread ? [...extra, ...CLOSE] : extra);
}
