import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir } from '../ir/ir-schema.js';
import { sameList } from '../ir/same-list.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';

let sessions = 0;

/**
 * True once an {@link EmitMemo} exists in the process (a watch session): only then do emitters keep
 * their per-object memos (printed JSON parts, pages, records), which a one-shot run would hold to
 * the end for nothing, raising its peak memory.
 */
export function keepsEmitMemos(): boolean {
  return sessions > 0;
}

/**
 * Runs `run` as a one-shot run would while watch sessions exist: {@link keepsEmitMemos} is false
 * until it settles, so the emitters take their memo-free paths. Tests compare the two paths with
 * it; generation never calls it.
 * @throws whatever `run` throws.
 */
export async function withoutEmitMemos<T>(run: () => Promise<T>): Promise<T> {
  const saved = sessions;
  sessions = 0;
  try {
    return await run();
  } finally {
    sessions += saved;
  }
}

/**
 * What separates the lists of one flat memo input (`Emitter.inputsOf`, {@link sameList}): no
 * spec, model, enum or name is this object.
 */
export const BETWEEN_LISTS = {};
/** Stands for an IR without `failedSpecs` (an empty list prints in ir.json, a missing one does not). */
const NO_FAILED_SPECS = {};

/**
 * What an emitter without `inputsOf` is a function of, as one flat list: the IR's specs, models,
 * enums and failed specs (by identity) and its diagnostics (as text).
 */
function irInputs(ir: Ir): unknown[] {
  return [
    ...ir.specs,
    BETWEEN_LISTS,
    ...ir.models,
    BETWEEN_LISTS,
    ...ir.enums,
    BETWEEN_LISTS,
    ...(ir.failedSpecs ?? [NO_FAILED_SPECS]),
    JSON.stringify(ir.diagnostics),
  ];
}

/** The indexes of `paths` in the order of the paths sorted by code unit (the generated tree's order). */
export function sortedOrder(paths: readonly string[]): number[] {
  return paths.map((_, at) => at).sort((a, b) => compareCodeUnits(paths[a]!, paths[b]!));
}

/**
 * What a watch session keeps between emits of the same emitters: each emitter's last files with
 * the inputs they came from (an emitter is a pure function of the IR, emitter.ts, so the same
 * spec, model and enum objects give the same files), and each file's last formatted text by its
 * unformatted text (format.ts). One-shot runs use none.
 */
export class EmitMemo {
  private readonly emitted = new Map<
    Emitter,
    { inputs: readonly unknown[]; files: OutputFile[] }
  >();
  private readonly formatted = new Map<string, { from: string; to: OutputFile }>();
  private lastOrder: { paths: readonly string[]; order: readonly number[] } | undefined;

  constructor() {
    sessions += 1;
  }

  /**
   * `emitter.emit(ir)`, or the files it gave last time for the same inputs: its own
   * `inputsOf(ir)` when it has one, else the IR's specs, models, enums and diagnostics.
   */
  emit(emitter: Emitter, ir: Ir): OutputFile[] {
    const inputs = emitter.inputsOf ? emitter.inputsOf(ir) : irInputs(ir);
    const last = this.emitted.get(emitter);
    if (last && sameList(last.inputs, inputs)) return last.files;
    const files = emitter.emit(ir);
    this.emitted.set(emitter, { inputs, files });
    return files;
  }

  /** {@link sortedOrder} of `paths`, the last one's when they are the last paths in the same order. */
  sortedOrder(paths: readonly string[]): readonly number[] {
    if (!this.lastOrder || !sameList(this.lastOrder.paths, paths)) {
      this.lastOrder = { paths, order: sortedOrder(paths) };
    }
    return this.lastOrder.order;
  }

  /** The formatted form of `file` if the same text was formatted before, else undefined. */
  formattedOf(file: OutputFile): OutputFile | undefined {
    const last = this.formatted.get(file.path);
    return last && last.from === file.contents ? last.to : undefined;
  }

  /** Records that `file` formats to `to`. */
  remember(file: OutputFile, to: OutputFile): void {
    this.formatted.set(file.path, { from: file.contents, to });
  }

  /** Drops what is remembered of paths not in `paths`. */
  keepOnly(paths: { has(path: string): boolean }): void {
    for (const path of this.formatted.keys()) if (!paths.has(path)) this.formatted.delete(path);
  }
}
