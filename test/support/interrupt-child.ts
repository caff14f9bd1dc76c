import type { ChildProcess } from 'node:child_process';

/**
 * Sends SIGINT to `child` by its pid, as Ctrl-C does, and resolves with its exit code once it has
 * exited; at once with its exit code when it has exited already (null when a signal ended it).
 */
export async function interruptChild(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  process.kill(child.pid!, 'SIGINT');
  return exited;
}
