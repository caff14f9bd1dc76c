import type { Ir } from '../ir/ir-schema.js';
import type { OutputFile } from './output-file.js';

/**
 * How to build an emitter again inside a worker thread (emit/emitter-thread.ts): the URL of the
 * module that exports its factory, the factory's export name, and the options it was built with.
 * The options must survive the structured clone algorithm (HTML Living Standard, "Safe passing of
 * structured data"): plain data, no functions.
 */
export interface EmitterRecipe {
  readonly module: string;
  readonly factory: string;
  readonly options: unknown;
}

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
   * Set on an emitter heavy enough to run beside the others in a worker thread of a one-shot
   * generation (emit-all.ts); its files are the same bytes either way.
   */
  readonly recipe?: EmitterRecipe;
}
