import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ContractError } from '../errors.js';
import { cutEcho } from '../core/echo-limit.js';
import { MAX_JSON_DEPTH, nestsDeeperThan, tooDeepError } from './json-depth.js';
import { httpError } from './problem.js';

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

const nothingNext = async (): Promise<void> => {};

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
      throw httpError('PAYLOAD_TOO_LARGE', `the body is over ${maxBytes} bytes`);
    },
  });
  return async (c) => {
    await limit(c, nothingNext);
    const type = c.req.header('content-type');
    if (type !== undefined && !JSON_TYPE.test(type)) {
      throw httpError(
        'UNSUPPORTED_MEDIA_TYPE',
        `the body must be application/json, not ${cutEcho(type)}`,
      );
    }
    return c.req.text();
  };
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
