/** Exit codes every `contracts` command keeps, so CI can rely on them. */
export const ExitCode = {
  Ok: 0,
  /**
   * Diagnostics with errors, drift under `--check`, failed/errored cases or calls, or a server
   * (`serve`, `docs serve`) that cannot listen.
   */
  Failure: 1,
  /** Bad usage or invalid input. */
  Usage: 2,
} as const;

/** Thrown by a command to end with a message and a given exit code. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
