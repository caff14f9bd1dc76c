import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  return median(Array.from({ length: runs }, () => timeCommand(argv, cwd)));
}

/** The middle value of `values` (the upper middle of an even count); `values` is not changed. */
export function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** `1234.5` -> `1235 ms`. */
export function ms(value: number): string {
  return `${Math.round(value)} ms`;
}

const RSS_PROBE = fileURLToPath(new URL('./rss-probe.js', import.meta.url));

/** One timed run: wall time in ms and the process's peak RSS in MiB. */
export interface TimedRun {
  readonly ms: number;
  readonly rssMiB: number;
}

/**
 * Runs `node <script> …args` (argv[0] must be `process.execPath`) with bench/rss-probe.ts
 * preloaded, and returns its wall time and peak RSS; throws with its stderr when it fails.
 */
export function timeNodeCommand(argv: readonly string[], cwd: string): TimedRun {
  const rssFile = join(tmpdir(), `contracts-bench-rss-${process.pid}`);
  const started = performance.now();
  const result = spawnSync(argv[0]!, ['--import', RSS_PROBE, ...argv.slice(1)], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CONTRACTS_BENCH_RSS_FILE: rssFile },
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0) {
    throw new Error(`${argv.join(' ')} exited ${result.status}: ${result.stderr.slice(-2000)}`);
  }
  const rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
  rmSync(rssFile, { force: true });
  return { ms, rssMiB };
}

/** `runs` runs of {@link timeNodeCommand}: the median wall time and the highest peak RSS. */
export function medianNodeRun(argv: readonly string[], cwd: string, runs: number): TimedRun {
  const all = Array.from({ length: runs }, () => timeNodeCommand(argv, cwd));
  const times = all.map((run) => run.ms).sort((a, b) => a - b);
  return {
    ms: times[Math.floor(times.length / 2)]!,
    rssMiB: Math.max(...all.map((run) => run.rssMiB)),
  };
}
