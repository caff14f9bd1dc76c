/**
 * The log line of a request that failed with an error that is not a contract error (a bug, or an
 * I/O error a handler let through): `contracts serve: POST /harness/run/start/v1 failed: <stack>`,
 * the error's stack, else its string form. The client gets a 500 `INTERNAL` problem without it;
 * the operator reads it on the server's log (stderr by default).
 */
export function failureLine(method: string, path: string, error: unknown): string {
  return `contracts serve: ${method} ${path} failed: ${(error as Error | undefined)?.stack ?? String(error)}`;
}
