import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate nearest to `name` by Levenshtein distance (`fastest-levenshtein`), when it is at
 * most a third of the longer name away (at least 1, at most 3 edits), else undefined.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(name, candidates);
  const limit = Math.min(3, Math.max(1, Math.floor(Math.max(name.length, best.length) / 3)));
  return distance(name, best) <= limit ? best : undefined;
}

/**
 * The hint after an "unknown X" message: `; did you mean "harness.run.get"?` when a candidate is
 * close, then `; valid <what>: a, b` (`what` is a plural noun, e.g. `operations`).
 */
export function unknownNameHint(name: string, candidates: readonly string[], what: string): string {
  const nearest = nearestName(name, candidates);
  const guess = nearest === undefined ? '' : `; did you mean ${JSON.stringify(nearest)}?`;
  return `${guess}; valid ${what}: ${candidates.length === 0 ? '(none)' : candidates.join(', ')}`;
}
