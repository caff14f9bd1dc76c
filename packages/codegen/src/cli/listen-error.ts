import { CliError, ExitCode } from './exit-codes.js';

/** `host:port` as a URL authority writes it: an IPv6 address in brackets (RFC 3986 §3.2.2). */
export function authority(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/**
 * The CliError (exit 1) of a server (`contracts serve`, `contracts docs serve`) whose `listen` on
 * `host:port` failed with `error`: for EADDRINUSE one line naming the address and `--port`, else
 * the system's message.
 */
export function listenError(error: unknown, host: string, port: number): CliError {
  const { code, message } = error as NodeJS.ErrnoException;
  return new CliError(
    code === 'EADDRINUSE'
      ? `${authority(host, port)} is already in use; choose another with --port (--port 0 picks a free one)`
      : `cannot listen on ${authority(host, port)}: ${message}`,
    ExitCode.Failure,
  );
}
