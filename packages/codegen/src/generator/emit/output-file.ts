import type { PartedText } from './parted-text.js';

/**
 * One file an emitter produces. `path` is POSIX, relative to the output folder
 * (`harness/types.ts`, `docs/harness/harness.run.start.md`). `contents` is unformatted; the
 * formatter pass (generator/format.ts) runs prettier on it before anything is compared or written.
 */
export interface OutputFile {
  readonly path: string;
  readonly contents: string;
  /**
   * True when the emitter printed `contents` in the pinned prettier layout already (emit/
   * code-layout.ts): the formatter then runs prettier only over top-level statements holding a code
   * line wider than the print width, instead of over the whole file.
   */
  readonly laidOut?: boolean;
  /**
   * `contents` as UTF-8 parts, when the emitter holds them (a watch session's large JSON files):
   * watch mode writes and compares these and never asks for `contents`, which is then decoded
   * only on demand.
   */
  readonly parts?: PartedText;
}

/** The file at `path` whose contents are `parts` (decoded only when `contents` is read). */
export function partedFile(path: string, parts: PartedText): OutputFile {
  return {
    path,
    parts,
    get contents() {
      return parts.text;
    },
  };
}

/**
 * True when `a` and `b` (the contents last written, or the file itself) hold the same text:
 * parted files are compared part by part, without decoding them (parted-text.ts).
 */
export function sameContents(a: string | PartedText, b: string | PartedText): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a === b;
  const text = (side: string | PartedText) => (typeof side === 'string' ? side : side.text);
  if (typeof a === 'string' || typeof b === 'string') return text(a) === text(b);
  return a.sameAs(b);
}
