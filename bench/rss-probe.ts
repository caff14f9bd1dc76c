import { writeFileSync } from 'node:fs';

/**
 * Loaded with `node --import` into a measured process: at exit, writes the process's peak
 * resident set size in KiB (`process.resourceUsage().maxRSS`, getrusage's `ru_maxrss`) to the file
 * named by `CONTRACTS_BENCH_RSS_FILE`.
 */
const target = process.env.CONTRACTS_BENCH_RSS_FILE;
if (target) {
  process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
}
