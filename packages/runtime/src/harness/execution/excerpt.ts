import { StringDecoder } from 'node:string_decoder';
import { setImmediate as nextTurn } from 'node:timers/promises';

import { literalPassFor } from '../../secrets/literal-pass.js';
import { MASK_SLICE_CHARS } from '../../secrets/mask-async.js';
import { PassStage, StagePipeline, type MaskStage } from '../../secrets/pass-stage.js';
import { secretShapePasses } from '../../secrets/secret-shapes.js';

/** Longest excerpt, in characters. */
export const EXCERPT_MAX_CHARS = 320;

/**
 * Characters first fed to the masking pipeline by `excerptOf`, which stops once the excerpt is
 * settled; each further slice is twice as long, up to `EXCERPT_MAX_SLICE_CHARS`, so text whose
 * masked output stays short (one huge token) is not fed in thousands of small writes.
 */
const EXCERPT_SLICE_CHARS = 16 * 1024;
const EXCERPT_MAX_SLICE_CHARS = 1024 * 1024;

/**
 * A short, masked excerpt of a stream: the literal values masked (see `maskLiterals`; a value
 * holding whitespace still matches), whitespace runs (ECMA-262 `\s`) collapsed to one space, secret
 * patterns masked (see `maskSecretPatterns`), trimmed, cut to at most 320 UTF-16 code units (never
 * inside a surrogate pair). The text is masked as a stream and only as far as the first 320
 * characters of the result are settled, so a secret anywhere before the cut is masked whole and an
 * 8 MiB capture costs only the head it needs; the cost is linear in the text in the worst case.
 */
export function excerptOf(text: string, literals: readonly string[] = []): string {
  const excerpt = new ExcerptBuilder(literals);
  let slice = EXCERPT_SLICE_CHARS;
  for (let at = 0; at < text.length && !excerpt.settled; at += slice) {
    if (at > 0) slice = Math.min(2 * slice, EXCERPT_MAX_SLICE_CHARS);
    excerpt.write(text.slice(at, at + slice));
  }
  return excerpt.finish();
}

/**
 * `excerptOf` for a capture (a string, or a Buffer of UTF-8 decoded as `toString('utf8')` would)
 * that yields to the event loop between `MASK_SLICE_CHARS` slices, so that no step blocks it for
 * long even when the whole capture must be read. Resolves with exactly what `excerptOf` returns.
 */
export async function excerptOfAsync(
  text: string | Buffer,
  literals: readonly string[] = [],
): Promise<string> {
  const excerpt = new ExcerptBuilder(literals);
  const decoder = new StringDecoder('utf8');
  for (let at = 0; at < text.length && !excerpt.settled; at += MASK_SLICE_CHARS) {
    excerpt.write(
      typeof text === 'string'
        ? text.slice(at, at + MASK_SLICE_CHARS)
        : decoder.write(text.subarray(at, at + MASK_SLICE_CHARS)),
    );
    if (!excerpt.settled) await nextTurn();
  }
  if (!excerpt.settled) excerpt.write(decoder.end());
  return excerpt.finish();
}

/** Masks text written to it until the first `EXCERPT_MAX_CHARS` characters of the excerpt are settled. */
class ExcerptBuilder {
  readonly #pipeline: StagePipeline;
  #head = '';

  constructor(literals: readonly string[]) {
    const literalPass = literalPassFor(literals);
    const stages: MaskStage[] = literalPass === null ? [] : [new PassStage(literalPass)];
    stages.push(new WhitespaceCollapse());
    for (const pass of secretShapePasses()) stages.push(new PassStage(pass));
    this.#pipeline = new StagePipeline(stages);
  }

  /**
   * Whether the excerpt's first 320 characters are known: after the collapse no two whitespace
   * characters are adjacent (masks replace text with `***`), so trimming the rest of the text can
   * shorten the head no further than 320.
   */
  get settled(): boolean {
    return this.#head.length > EXCERPT_MAX_CHARS;
  }

  write(text: string): void {
    this.#head += this.#pipeline.write(text);
    if (this.#head.length <= 1) this.#head = this.#head.trimStart();
    else if (this.#head.charCodeAt(0) === 0x20) this.#head = this.#head.slice(1);
  }

  finish(): string {
    if (!this.settled) this.#head += this.#pipeline.end();
    const excerpt = this.#head.trim();
    if (excerpt.length <= EXCERPT_MAX_CHARS) return excerpt;
    const last = excerpt.charCodeAt(EXCERPT_MAX_CHARS - 1);
    const end = last >= 0xd800 && last <= 0xdbff ? EXCERPT_MAX_CHARS - 1 : EXCERPT_MAX_CHARS;
    return excerpt.slice(0, end);
  }
}

/** Every run of whitespace (ECMA-262 `\s`) as one space, across writes. */
class WhitespaceCollapse implements MaskStage {
  #afterSpace = false;

  write(text: string): string {
    let collapsed = text.replace(/\s+/g, ' ');
    if (this.#afterSpace && collapsed.charCodeAt(0) === 0x20) collapsed = collapsed.slice(1);
    if (collapsed.length > 0)
      this.#afterSpace = collapsed.charCodeAt(collapsed.length - 1) === 0x20;
    return collapsed;
  }

  end(): string {
    this.#afterSpace = false;
    return '';
  }
}
