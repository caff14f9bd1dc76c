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
}
