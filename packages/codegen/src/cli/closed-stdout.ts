/**
 * Makes a stdout closed by its reader (`contracts … | head -3`: a write answered with `EPIPE`)
 * end the output, not the command: what is still to print is dropped, nothing goes to stderr,
 * and the command runs to its end and exits with its own code. So a harness run finishes and
 * writes its run record, and `contracts harness run … | head` under `set -o pipefail` still
 * fails when a case fails (POSIX `write()` gives EPIPE once no process reads the pipe; Node.js
 * ignores SIGPIPE, so the error arrives as the stream's `'error'` event). Any other error of
 * stdout is thrown again, as an unhandled `'error'` event would be. From then on `write` only
 * calls its callback (nothing in the CLI waits for `'drain'` or `'finish'` of stdout).
 */
export function dropOutputWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.stdout.write = ((_chunk: unknown, ...rest: unknown[]) => {
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      if (done) queueMicrotask(done);
      return true;
    }) as typeof process.stdout.write;
  });
}
