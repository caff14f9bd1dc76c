/**
 * A cache that keeps what the latest site emit used and drops the rest: each entry remembers the
 * emit that last used it, and {@link sweepSiteMemos}, at the end of an emit, drops every entry that
 * emit did not use. So a watch-mode process holds one emit's worth of pages, highlights and
 * renderings, whatever the edits before. A one-shot emit (no watch session, `keepsEmitMemos()`
 * false) uses the memos only to share work between its own pages and locales, and empties them at
 * its end ({@link clearSiteMemos}). `limit` caps the entries for callers outside an emit (a test
 * rendering Markdown in a loop, which no sweep follows): past it, the memo empties.
 */
export class SweptMemo<V> {
  private readonly entries = new Map<string, { value: V; used: number }>();
  private generation = 0;

  constructor(private readonly limit = 1_000_000) {
    memos.push(this as SweptMemo<unknown>);
  }

  /** The value under `key`, or undefined; a hit counts as used by this emit. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    entry.used = this.generation;
    return entry.value;
  }

  set(key: string, value: V): void {
    if (this.entries.size >= this.limit) this.entries.clear();
    this.entries.set(key, { value, used: this.generation });
  }

  /** The value under `key`, made by `make` on a miss. */
  getOrMake(key: string, make: () => V): V {
    let value = this.get(key);
    if (value === undefined) {
      value = make();
      this.set(key, value);
    }
    return value;
  }

  /** How many entries the memo holds. */
  get size(): number {
    return this.entries.size;
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
  }

  /** Drops every entry not used since the last sweep. */
  sweep(): void {
    for (const [key, entry] of this.entries) {
      if (entry.used !== this.generation) this.entries.delete(key);
    }
    this.generation++;
  }
}

const memos: SweptMemo<unknown>[] = [];

/** Ends one site emit for every {@link SweptMemo}: what this emit did not use is dropped. */
export function sweepSiteMemos(): void {
  for (const memo of memos) memo.sweep();
}

/**
 * Empties every {@link SweptMemo}: the end of a one-shot emit (no later emit can reuse anything),
 * or a benchmark's fresh start.
 */
export function clearSiteMemos(): void {
  for (const memo of memos) memo.clear();
}

/** How many entries every {@link SweptMemo} holds together: none after a one-shot emit. */
export function siteMemoEntries(): number {
  let entries = 0;
  for (const memo of memos) entries += memo.size;
  return entries;
}
