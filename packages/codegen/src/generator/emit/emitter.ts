import type { Ir } from '../ir/ir-schema.js';
import type { OutputFile } from './output-file.js';

/**
 * One surface of the generated tree. An emitter is a pure function of a validated IR (no error
 * diagnostics): it never touches the file system, so `--check`, tests and `generate` see exactly the
 * same files. Shared helpers are plain functions (shared/design.md, "One emitter per surface").
 */
export interface Emitter {
  /** Short name used in progress lines and errors, e.g. `types`, `zod`, `docs`. */
  readonly name: string;
  emit(ir: Ir): OutputFile[];
  /**
   * What the output is a function of besides the emitter's own options, as one flat list compared
   * item by item with `===` (IR objects by identity, which a watch session keeps for unchanged
   * specs and models; strings by text): a watch rebuild reuses the last files when the list is the
   * same. Optional: without it the emitter runs again whenever any spec, model or enum changed.
   * It must name everything `emit` reads, or a rebuild would keep stale files.
   */
  inputsOf?(ir: Ir): readonly unknown[];
  /**
   * Emits the files {@link emit} returns (the same paths and bytes, in any order), handing each to
   * `take` as soon as it is made and keeping no reference to it, so that a one-shot run need not
   * hold a large surface whole (the site: tens of MB at 1,000 operations). Optional: emitAllTo
   * falls back to {@link emit}.
   * @throws whatever `take` throws, as it was thrown.
   */
  emitEach?(ir: Ir, take: (file: OutputFile) => void): void;
}
