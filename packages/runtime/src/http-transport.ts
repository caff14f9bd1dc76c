import { TransportError } from './errors.js';
import { fromProblemDocument } from './http/problem.js';
import { operationPath } from './core/operation-path.js';
import type { Transport } from './transport.js';

/** Options of {@link httpTransport}. */
export interface HttpTransportOptions {
  /** Where `contracts serve` listens, e.g. `http://127.0.0.1:8787` (a path prefix is kept). */
  readonly baseUrl: string;
  /** Bearer token sent as `Authorization: Bearer <token>`; none means anonymous. */
  readonly token?: string;
  /** The fetch to use; default the global `fetch` (Node 20's undici). */
  readonly fetch?: typeof fetch;
  /** Abort a call after this many ms (a TransportError); default no limit. */
  readonly timeoutMs?: number;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A {@link Transport} over HTTP to `contracts serve`: every call is a POST of the input
 * as JSON to the operation's path (`/<key as slashes>/v<version>`, which the server always serves),
 * with the bearer token when given. A 2xx answer resolves with its JSON body. A problem answer
 * (RFC 9457, `code` member) rejects with the `ContractError` it describes — same code, status and
 * details — so a generated client's `is<Op>Error` narrows it like an in-process error.
 * @throws TransportError (rejection) when the server cannot be reached, the call times out, or an
 *   answer is neither JSON output nor a problem document; `status` is set when a response came.
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch;
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    async call(request) {
      const url = `${base}${operationPath(request.key, request.version)}`;
      const label = `${request.key}@${request.version}`;
      const headers: Record<string, string> = {
        accept: 'application/json, application/problem+json',
      };
      if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
      const init: RequestInit = { method: 'POST', headers };
      if (request.input !== null && request.input !== undefined) {
        headers['content-type'] = 'application/json';
        init.body = JSON.stringify(request.input);
      }
      if (options.timeoutMs !== undefined) init.signal = AbortSignal.timeout(options.timeoutMs);
      let response: Response;
      try {
        response = await doFetch(url, init);
      } catch (error) {
        const reason = (error as { cause?: { code?: string; message?: string } })?.cause;
        const why = reason?.code ?? reason?.message ?? (error as Error)?.message ?? String(error);
        throw new TransportError(`cannot reach ${base} for ${label}: ${why}`, { cause: error });
      }
      const body = await readJson(response);
      if (response.ok) {
        if (body === undefined) {
          throw new TransportError(`${label}: the answer of ${url} is not JSON`, {
            status: response.status,
          });
        }
        return body;
      }
      const problem = fromProblemDocument(body, response.status);
      if (problem) throw problem;
      throw new TransportError(
        `${label}: HTTP ${response.status} from ${url} without a problem document`,
        {
          status: response.status,
        },
      );
    },
  };
}
