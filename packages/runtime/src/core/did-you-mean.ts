/**
 * "Did you mean" hints for unknown names (rule fields, ids, agent keys, actions). The runtime has
 * no edit-distance dependency and needs only this one small function, so it is written here, and
 * the CLI uses it too, so both give the same hint for the same typo.
 */

/** The Levenshtein distance of `a` and `b`: insertions, deletions and substitutions, in code units. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The candidate closest to `name`, when it is close enough to be a likely typo: at most a third of
 * the longer name's length away (at least 1, at most 3 edits), case-insensitive; ties keep the
 * earlier candidate. `undefined` when none is.
 */
export function nearestName(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    const limit = Math.min(3, Math.max(1, Math.floor(Math.max(name.length, candidate.length) / 3)));
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The hint appended to an "unknown X" message: `; did you mean "mustInclude"?` when a candidate is
 * close, then `; valid <what>: a, b, c` (`(none)` for an empty list).
 * `what` is a plural noun such as `rule fields`.
 */
export function unknownNameHint(name: string, candidates: readonly string[], what: string): string {
  const nearest = nearestName(name, candidates);
  const guess = nearest === undefined ? '' : `; did you mean ${JSON.stringify(nearest)}?`;
  const list = `; valid ${what}: ${candidates.length === 0 ? '(none)' : candidates.join(', ')}`;
  return `${guess}${list}`;
}
