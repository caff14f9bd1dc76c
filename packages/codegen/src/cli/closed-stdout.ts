import { ExitCode } from './exit-codes.js';

/**
 * Makes a stdout closed by its reader (`contracts … | head -3`: a write answered with `EPIPE`)
 * end the process at once with exit code 0 and nothing on stderr, as command-line tools do when
 * SIGPIPE stops them (POSIX `write()`: EPIPE once no process has the pipe open for reading; Node.js
 * ignores SIGPIPE, so the error arrives as the stream's `'error'` event instead). Any other error
 * of stdout is thrown again, as an unhandled `'error'` event would be.
 */
export function exitQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(ExitCode.Ok);
  });
}
