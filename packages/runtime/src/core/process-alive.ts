/**
 * Whether a process with this pid runs on this machine (POSIX `kill(pid, 0)`: ESRCH when none,
 * EPERM when it runs as another user). Tells a lock or a folder left by a process that died from
 * one a running process holds; a pid reused by another process reads as running, the safe side.
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
