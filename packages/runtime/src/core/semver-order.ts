import { compareCodeUnits } from './code-units.js';

/**
 * Semver order of `MAJOR.MINOR.PATCH`, compared numerically field by field (semver 2.0.0 §11),
 * with code units as the tie-break so that the order is total. The router picks the highest
 * version with it, and the generator sorts every versioned list with it.
 */
export function compareSemver(a: string, b: string): number {
  const left = a.split(/[.+-]/);
  const right = b.split(/[.+-]/);
  for (let index = 0; index < 3; index++) {
    const difference = Number(left[index] ?? 0) - Number(right[index] ?? 0);
    if (difference !== 0 && !Number.isNaN(difference)) return difference;
  }
  return compareCodeUnits(a, b);
}
