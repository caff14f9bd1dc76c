import { spawnSync } from 'node:child_process';

/** Wall time of one command, in ms; throws with its stderr when it fails. */
export function timeCommand(argv: readonly string[], cwd: string): number {
  const started = performance.now();
  const result = spawnSync(argv[0]!, argv.slice(1), { cwd, encoding: 'utf8' });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  return ms;
}

/** The median of `runs` timings of one command, in ms. */
export function medianTime(argv: readonly string[], cwd: string, runs: number): number {
  const times = Array.from({ length: runs }, () => timeCommand(argv, cwd)).sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/** `1234.5` -> `1235 ms`. */
export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}
