import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ContractError } from '../errors.js';
import { cutEcho } from '../core/echo-limit.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from './json-depth.js';
import { httpError } from './problem.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const nothingNext = async (): Promise<void> => {};

/** PAYLOAD_TOO_LARGE (413) for a body over `maxBytes` bytes. */
function tooLarge(maxBytes: number): ContractError {
  return httpError('PAYLOAD_TOO_LARGE', `the body is over ${maxBytes} bytes`);
}

/**
 * Refuses a body whose `Content-Type` is given and is neither `application/json` nor a `+json`
 * type (RFC 9110 §15.5.16; RFC 6839 §3.1), echoing the type cut to 64 code units (echo-limit.ts).
 * @throws ContractError UNSUPPORTED_MEDIA_TYPE (415).
 */
function checkJsonMediaType(type: string | undefined): void {
  if (type !== undefined && !JSON_TYPE.test(type)) {
    throw httpError(
      'UNSUPPORTED_MEDIA_TYPE',
      `the body must be application/json, not ${cutEcho(type)}`,
    );
  }
}

/**
 * Reads the text of a POST body: `(c) => text`. Before reading, checks the size with Hono's
 * body-limit middleware (over `maxBytes` bytes: PAYLOAD_TOO_LARGE 413, from `Content-Length`
 * without reading, else while reading a chunked body) and the media type (any type but
 * `application/json` or `+json`, RFC 9110 §15.5.16: UNSUPPORTED_MEDIA_TYPE 415, echoing the type
 * cut to 64 code units, echo-limit.ts). Call it only once the caller is authorized.
 * @throws ContractError as above; when it throws, the body has not been read to its end.
 */
export function bodyTextReader(maxBytes: number): (c: Context) => Promise<string> {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw tooLarge(maxBytes);
    },
  });
  return async (c) => {
    await limit(c, nothingNext);
    checkJsonMediaType(c.req.header('content-type'));
    return c.req.text();
  };
}

/** The framing and type fields of a request, as the Fetch `Headers` of the request give them. */
export interface BodyFields {
  readonly contentLength: string | undefined;
  readonly transferEncoding: string | undefined;
  readonly contentType: string | undefined;
}

/** UTF-8, a leading BOM dropped, bad bytes as U+FFFD: what the Fetch `text()` does (WHATWG Encoding). */
const utf8 = new TextDecoder();

/**
 * {@link bodyTextReader} for a Node request read directly, with the same checks in the same
 * order: a `Content-Length` without `Transfer-Encoding` over `maxBytes` is refused before reading
 * and then the media type is checked; any other body is read up to `maxBytes` (413 past it, the
 * rest left unread) and then its media type is checked. The text is decoded as the Fetch
 * `text()` decodes it. Call it only once the caller is authorized, and before the request's
 * `request` event returns (its body is not buffered anywhere else).
 * @throws ContractError PAYLOAD_TOO_LARGE (413), UNSUPPORTED_MEDIA_TYPE (415); Error when the
 *   request ends before its body does (the client went away).
 */
export async function incomingBodyText(
  incoming: IncomingMessage,
  fields: BodyFields,
  maxBytes: number,
): Promise<string> {
  if (fields.contentLength !== undefined && fields.transferEncoding === undefined) {
    if (Number.parseInt(fields.contentLength || '0', 10) > maxBytes) throw tooLarge(maxBytes);
    checkJsonMediaType(fields.contentType);
    return utf8.decode(await readAll(incoming, Number.POSITIVE_INFINITY));
  }
  const bytes = await readAll(incoming, maxBytes);
  checkJsonMediaType(fields.contentType);
  return utf8.decode(bytes);
}

/**
 * Every byte of `incoming`'s body; past `maxBytes` it stops listening and rejects with 413.
 * @throws ContractError PAYLOAD_TOO_LARGE; the stream's error; Error when it closes before its end.
 */
function readAll(incoming: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        settle();
        reject(tooLarge(maxBytes));
      } else {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      settle();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    const onError = (error: Error) => {
      settle();
      reject(error);
    };
    const onClose = () => {
      settle();
      reject(new Error('the request closed before its body ended'));
    };
    if (incoming.readableEnded) {
      reject(new Error('the request body was already read'));
      return;
    }
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/**
 * The input of a POST from its body `text` and `Content-Type` (`type`): an empty body is `{}`, or
 * null when the operation takes no input (`takesInput` false); anything else is parsed as JSON,
 * once a linear scan found it nested at most {@link MAX_JSON_DEPTH} levels deep (json-depth.ts).
 * @throws ContractError UNSUPPORTED_MEDIA_TYPE (415) for a body without a Content-Type;
 *   VALIDATION_FAILED (400) at `input` for nesting over the limit, or text that is not JSON.
 */
export function bodyInput(text: string, type: string | undefined, takesInput: boolean): unknown {
  if (text.trim() === '') return takesInput ? {} : null;
  if (type === undefined) {
    throw httpError(
      'UNSUPPORTED_MEDIA_TYPE',
      'a request body needs Content-Type: application/json',
    );
  }
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) throw tooDeepError('input', 'the request body');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ContractError('VALIDATION_FAILED', 'the request body is not valid JSON', {
      details: [{ path: 'input', message: 'not valid JSON' }],
    });
  }
}
