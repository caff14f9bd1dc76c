import { LiteralAutomaton } from './literal-automaton.js';
import { MASK } from './mask-token.js';
import type { ScanResult, ShapePass } from './shape-pass.js';
import type { TextBuilder } from './text-builder.js';

/**
 * Literal values shorter than this are not masked: a 1-3 character value ("1", "on", "dev") occurs
 * everywhere by chance, so masking it would wreck every excerpt while hiding nothing a real secret
 * would be; real credentials are far longer.
 */
export const MIN_LITERAL_SECRET_LENGTH = 4;

/** Indexes decided per automaton run; a longer literal widens the block so a run reads at most twice its block. */
const BLOCK = 64 * 1024;
/** Automatons kept for the most recently used literal sets. */
const CACHED_SETS = 16;

/** The literals worth masking: unique, at least 4 characters, longest first (ties in code-unit order). */
export function secretLiterals(literals: readonly string[]): string[] {
  const unique = [...new Set(literals)].filter(
    (value) => value.length >= MIN_LITERAL_SECRET_LENGTH,
  );
  return unique.sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

const cache = new Map<string, LiteralPass>();

/**
 * The pass masking `literals` (see `secretLiterals` for which count), or null when none counts.
 * Matching is leftmost-longest, left to right, never overlapping: at each index the longest literal
 * starting there becomes `***` (the semantics of one alternation regex of the literals sorted
 * longest first). Passes are cached for the 16 most recently used literal sets.
 */
export function literalPassFor(literals: readonly string[]): ShapePass | null {
  const values = secretLiterals(literals);
  if (values.length === 0) return null;
  const key = JSON.stringify(values);
  let pass = cache.get(key);
  if (pass === undefined) {
    pass = new LiteralPass(new LiteralAutomaton(values));
    if (cache.size >= CACHED_SETS) cache.delete(cache.keys().next().value!);
  } else {
    cache.delete(key);
  }
  cache.set(key, pass);
  return pass;
}

class LiteralPass implements ShapePass {
  readonly behind = 0;
  readonly ahead: number;
  readonly #automaton: LiteralAutomaton;
  readonly #block: number;
  #arrays: readonly [Int32Array, Int32Array] | null = null;

  constructor(automaton: LiteralAutomaton) {
    this.#automaton = automaton;
    this.ahead = automaton.longest;
    this.#block = Math.max(BLOCK, automaton.longest);
  }

  scan(text: string, from: number, limit: number, _final: boolean, out: TextBuilder): ScanResult {
    let lastEnd = from;
    let at = from;
    while (at < limit) {
      const blockEnd = Math.min(limit, at + this.#block);
      const [starts, lengths] = this.#scratch(blockEnd - at);
      // Leftmost-longest: take each start in increasing order unless a mask already covers it.
      for (
        let index = this.#automaton.scanStarts(text, at, blockEnd, starts, lengths) - 1;
        index >= 0;
        index -= 1
      ) {
        const start = starts[index]!;
        if (start < lastEnd) continue;
        out.push(text.slice(lastEnd, start));
        out.push(MASK);
        lastEnd = start + lengths[index]!;
      }
      at = Math.max(blockEnd, lastEnd);
    }
    const next = Math.max(limit, lastEnd);
    out.push(text.slice(lastEnd, next));
    return { next, tail: null };
  }

  #scratch(size: number): readonly [Int32Array, Int32Array] {
    if (this.#arrays === null || this.#arrays[0].length < size) {
      const length = Math.min(this.#block, Math.max(size, 1024));
      this.#arrays = [new Int32Array(length), new Int32Array(length)];
    }
    return this.#arrays;
  }
}
