import { inClass } from './char-classes.js';
import type { TextBuilder } from './text-builder.js';

/**
 * One step of a masked run: up to `max` characters of the classes `chars` (bit set, see
 * char-classes); an unbounded step may carry `run`, a sticky regex `[class]*` of the same class that
 * skips the run natively.
 */
export interface TailStep {
  readonly chars: number;
  readonly max: number;
  readonly run?: RegExp;
}

/**
 * The rest of a match after its `***` was emitted: characters still swallowed into the mask.
 * `run` is the greedy sequence `steps[0]* steps[1]* …` (each step at most `max` characters), resumed
 * at step `step` with `count` characters already taken; `quoted` runs up to and including the
 * closing `quote` (UTF-16 code unit, emitted again) or up to a line feed (not swallowed).
 */
export type MaskedTail =
  | {
      readonly kind: 'run';
      readonly steps: readonly TailStep[];
      readonly step: number;
      readonly count: number;
    }
  | { readonly kind: 'quoted'; readonly quote: number };

const LINE_FEED = 0x0a;

/** A `run` tail at its start. */
export function runTail(steps: readonly TailStep[]): MaskedTail {
  return { kind: 'run', steps, step: 0, count: 0 };
}

/** Unbounded repetition of one class, as a tail step; `run` is the sticky regex `[class]*` of the same class. */
export function many(chars: number, run?: RegExp): TailStep {
  return run === undefined
    ? { chars, max: Number.POSITIVE_INFINITY }
    : { chars, max: Number.POSITIVE_INFINITY, run };
}

/**
 * Swallows `tail` over `text` from index `from`, appending what it emits when it closes (a quoted
 * value's closing quote) to `out`. Returns the index after the tail, or -1 when `final` is false
 * and the tail is still open at the end of `text` (then nothing was appended: see `tailAfter`).
 */
export function swallowTail(
  tail: MaskedTail,
  text: string,
  from: number,
  final: boolean,
  out: TextBuilder,
): number {
  const length = text.length;
  if (tail.kind === 'quoted') {
    for (let at = from; at < length; at += 1) {
      const code = text.charCodeAt(at);
      if (code === tail.quote) {
        out.push(String.fromCharCode(code));
        return at + 1;
      }
      if (code === LINE_FEED) return at;
    }
    return final ? length : -1;
  }
  const { steps } = tail;
  let step = tail.step;
  let count = tail.count;
  let at = from;
  while (step < steps.length) {
    if (at === length) return final ? length : -1;
    const current = steps[step]!;
    if (current.run !== undefined) {
      current.run.lastIndex = at;
      current.run.test(text);
      at = current.run.lastIndex;
      if (at === length) return final ? length : -1;
      step += 1;
      count = 0;
    } else if (count < current.max && inClass(text.charCodeAt(at), current.chars)) {
      at += 1;
      count += 1;
    } else {
      step += 1;
      count = 0;
    }
  }
  return at;
}

/** The state of `tail` after swallowing all of `text[from, text.length)`, for a tail `swallowTail` left open. */
export function tailAfter(tail: MaskedTail, text: string, from: number): MaskedTail {
  if (tail.kind === 'quoted') return tail;
  const { steps } = tail;
  let step = tail.step;
  let count = tail.count;
  for (let at = from; at < text.length;) {
    const current = steps[step]!;
    if (current.run !== undefined) {
      current.run.lastIndex = at;
      current.run.test(text);
      at = current.run.lastIndex;
      if (at < text.length) {
        step += 1;
        count = 0;
      }
    } else if (count < current.max && inClass(text.charCodeAt(at), current.chars)) {
      at += 1;
      count += 1;
    } else {
      step += 1;
      count = 0;
    }
  }
  return { kind: 'run', steps, step, count };
}
