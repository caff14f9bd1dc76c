import { describe, expect, test } from 'vitest';

import { excerptOf } from '../../packages/runtime/src/harness/execution/excerpt.js';
import { maskSecrets } from '../../packages/runtime/src/secrets/mask-secrets.js';
import { ADVERSARIAL_UNITS, MANY_LITERALS, repeatedTo } from './adversarial-text.js';

// The one explicit time bound: masking must be linear. The backtracking patterns took 11-14 s on
// 64 KB of `a.a.a.…`; the scanners take milliseconds there and a few hundred ms on 8 MiB.
const BOUND_MS = 1_000;
// A busy machine can stall any one run; a quadratic masker is slow on every attempt.
const ATTEMPTS = 3;

/**
 * The CPU time this process spent on `work`, in ms (user + system, `process.cpuUsage`): unlike the
 * wall clock it does not grow when other processes share the cores, as the test workers do.
 */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const spent = process.cpuUsage(before);
  return (spent.user + spent.system) / 1000;
}

/** The fastest of up to `ATTEMPTS` runs of `work`, in CPU ms, stopping at the first within the bound. */
function fastestMs(work: () => void): number {
  let fastest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < ATTEMPTS && fastest >= BOUND_MS; attempt += 1) {
    fastest = Math.min(fastest, cpuMs(work));
  }
  return fastest;
}

describe.each([
  ['64 KiB', 64 * 1024],
  ['8 MiB', 8 * 1024 * 1024],
])('%s of adversarial output is masked in under 1 s', (_, length) => {
  test.each(ADVERSARIAL_UNITS)('%s', (_name, unit) => {
    const text = repeatedTo(unit, length);
    expect(fastestMs(() => maskSecrets(text, MANY_LITERALS))).toBeLessThan(BOUND_MS);
    expect(fastestMs(() => excerptOf(text, MANY_LITERALS))).toBeLessThan(BOUND_MS);
  });
});

describe('what the adversarial output masks to', () => {
  test.each([
    ['a.', 'a.'.repeat(8), 'a.'.repeat(8)],
    ['token', 'token'.repeat(8), 'token'.repeat(8)],
    ['bearer ', 'bearer '.repeat(4), 'bearer *** bearer *** '],
    ['://', '://'.repeat(8), '://'.repeat(8)],
    ['http://u:p@', 'http://u:p@'.repeat(2), 'http://***:***@http://***:***@'],
    ['token= "', 'token= "'.repeat(4), 'token= "***"token= "***"'],
  ])('%s', (_, text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });
});
