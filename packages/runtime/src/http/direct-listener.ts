import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Answer } from './answer.js';
import { answerOperation, type OperationRequest, type PathEndpoints } from './endpoints.js';
import { failureLine } from './failure-line.js';
import { incomingBodyText } from './request-body.js';

/**
 * Hosts whose request URL Hono's Node adapter (@hono/node-server 2.1.8, `buildUrl`) builds by
 * concatenation, without parsing it: its `reValidHost`.
 */
const PLAIN_HOST = /^[a-z0-9._-]+(?::(?:[1-5]\d{3,4}|[6-9]\d{3}))?$/;

/**
 * The URL that Hono's Node adapter would give a request for `target` (a request target starting
 * with `/`, whose path is `path`) sent with Host `host`, when the adapter would pass the request on
 * with that same path; undefined when it would answer 400 itself (no host, a host the WHATWG URL
 * parser refuses or reads as another name) or see another path. A plain host (the adapter's
 * `reValidHost`) gives `target` as it is; any other host is checked the way the adapter checks it
 * (`buildUrl`), and gives the parsed URL, whose query reads the same as the target's.
 */
export function directTarget(
  host: string | undefined,
  target: string,
  path: string,
): string | undefined {
  if (host === undefined || host === '') return undefined;
  if (PLAIN_HOST.test(host)) return target;
  let parsed: URL;
  try {
    parsed = new URL(`http://${host}${target}`);
  } catch {
    return undefined;
  }
  const name = (host.includes(':') ? host.replace(/:\d+$/, '') : host).toLowerCase();
  if (parsed.hostname.length !== host.length && parsed.hostname !== name) return undefined;
  return parsed.pathname === path ? parsed.href : undefined;
}

/** The path of a request target: up to its first `?` or `#` (RFC 9112 §3.2.1, RFC 3986 §3.3). */
function pathOf(target: string): string {
  for (let index = 0; index < target.length; index++) {
    const code = target.charCodeAt(index);
    if (code === 0x3f || code === 0x23) return target.slice(0, index);
  }
  return target;
}

/** HTTP whitespace off both ends (WHATWG Fetch §2.2: tab, LF, CR, space). */
function trimField(value: string): string {
  const isSpace = (code: number) => code === 9 || code === 10 || code === 13 || code === 32;
  if (!isSpace(value.charCodeAt(0)) && !isSpace(value.charCodeAt(value.length - 1))) return value;
  let start = 0;
  let end = value.length;
  while (start < end && isSpace(value.charCodeAt(start))) start++;
  while (end > start && isSpace(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

function joined(previous: string | undefined, value: string): string {
  const field = trimField(value);
  return previous === undefined ? field : `${previous}, ${field}`;
}

/**
 * A Node request as an {@link OperationRequest}, with the fields it reads taken from the raw
 * header list in one pass: Host as Node reads it (the first one), the others as the Fetch
 * `Headers` of Hono's adapter read them (each value trimmed, repeats joined by `, `), so an answer
 * here is the one Hono would give.
 */
class DirectRequest implements OperationRequest {
  host: string | undefined;
  authorization: string | undefined;
  contentType: string | undefined;
  contentLength: string | undefined;
  transferEncoding: string | undefined;

  constructor(
    private readonly incoming: IncomingMessage,
    readonly path: string,
    public url: string,
    private readonly bodyLimit: number,
  ) {
    const raw = incoming.rawHeaders;
    for (let index = 0; index < raw.length; index += 2) {
      const name = raw[index]!;
      switch (name.length) {
        case 4:
          if (this.host === undefined && name.toLowerCase() === 'host') this.host = raw[index + 1];
          break;
        case 12:
          if (name.toLowerCase() === 'content-type') {
            this.contentType = joined(this.contentType, raw[index + 1]!);
          }
          break;
        case 13:
          if (name.toLowerCase() === 'authorization') {
            this.authorization = joined(this.authorization, raw[index + 1]!);
          }
          break;
        case 14:
          if (name.toLowerCase() === 'content-length') {
            this.contentLength = joined(this.contentLength, raw[index + 1]!);
          }
          break;
        case 17:
          if (name.toLowerCase() === 'transfer-encoding') {
            this.transferEncoding = joined(this.transferEncoding, raw[index + 1]!);
          }
          break;
      }
    }
  }

  get method(): string {
    return this.incoming.method ?? 'GET';
  }

  get connection(): object {
    return this.incoming.socket;
  }

  header(name: 'content-type' | 'content-length' | 'transfer-encoding'): string | undefined {
    if (name === 'content-type') return this.contentType;
    return name === 'content-length' ? this.contentLength : this.transferEncoding;
  }

  readBody(): Promise<string> {
    return incomingBodyText(this.incoming, this, this.bodyLimit);
  }
}

function write(outgoing: ServerResponse, answer: Answer, head: boolean): void {
  outgoing.writeHead(answer.status, answer.headers as string[]);
  if (head) outgoing.end();
  else outgoing.end(answer.body);
}

/**
 * The operation requests a Node server answers itself, without Hono: `(incoming, outgoing) =>
 * taken`. It takes a request whose target is a path of `table` (endpoints.ts), exactly, with the
 * query after it, and that Hono's adapter would pass on with that path ({@link directTarget}); it
 * answers it from the Node request and response (the body read from the stream, request-body.ts;
 * the answer written with one `writeHead`, answer.ts) as Hono's catch-all route answers it. It
 * returns false, leaving `outgoing` untouched, for every other request (`/events`, unknown paths,
 * absolute-form targets, odd hosts), which the caller passes to Hono.
 */
export function directListener(
  table: ReadonlyMap<string, PathEndpoints>,
  bodyLimit: number,
  log: (line: string) => void,
): (incoming: IncomingMessage, outgoing: ServerResponse) => boolean {
  return (incoming, outgoing) => {
    const target = incoming.url;
    if (target === undefined || target.charCodeAt(0) !== 0x2f) return false;
    const path = pathOf(target);
    const endpoints = table.get(path);
    if (endpoints === undefined) return false;
    const request = new DirectRequest(incoming, path, target, bodyLimit);
    const url = directTarget(request.host, target, path);
    if (url === undefined) return false;
    request.url = url;
    const head = incoming.method === 'HEAD';
    const answer = answerOperation(endpoints, request);
    if (!(answer instanceof Promise)) {
      write(outgoing, answer, head);
      return true;
    }
    answer.then(
      (done) => write(outgoing, done, head),
      (error: unknown) => {
        log(failureLine(request.method, path, error));
        if (!outgoing.headersSent) outgoing.writeHead(500);
        outgoing.end();
      },
    );
    return true;
  };
}
