import type { Ir } from './ir/ir-schema.js';
import { ALL_EMITTERS } from './emit/all-emitters.js';
import { sortedOrder, type EmitMemo } from './emit/emit-memo.js';
import type { Emitter } from './emit/emitter.js';
import type { OutputFile } from './emit/output-file.js';
import { formatFile, formatsFile } from './format.js';

/**
 * Records that `emitter` writes `path`.
 * @throws Error when another emitter writes it already.
 */
function claimPath(owners: Map<string, string>, path: string, emitter: string): void {
  const owner = owners.get(path);
  if (owner) throw new Error(`emitters ${owner} and ${emitter} both write ${path}`);
  owners.set(path, emitter);
}

/**
 * Runs every emitter over a validated IR, formats the files with the pinned prettier config and
 * returns them sorted by path: exactly what `generate` writes and `--check` compares. With `memo`
 * (a watch session), an emitter whose IR parts are the same objects as last time is not run
 * again, and a file whose text is the same as last time is not formatted again (emit-memo.ts).
 * `onEmitted`, when given, gets each emitter's formatted files as soon as they are done, before
 * the next emitter runs (watch mode starts writing them: known-tree-writes.ts).
 * Everything runs on the calling thread: a worker thread for the site measured no faster on 2
 * cores, where V8's garbage collector already uses the second one.
 * @throws Error when an emitter throws (its name is prefixed), when two emitters claim one path, or
 *   when prettier cannot format a file; whatever `onEmitted` throws.
 */
export async function emitAll(
  ir: Ir,
  emitters: readonly Emitter[] = ALL_EMITTERS,
  memo?: EmitMemo,
  onEmitted?: (files: readonly OutputFile[]) => void,
): Promise<OutputFile[]> {
  const owners = new Map<string, string>();
  const formatted: OutputFile[] = [];
  for (const emitter of emitters) {
    let emitted: OutputFile[];
    try {
      emitted = memo ? memo.emit(emitter, ir) : emitter.emit(ir);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`emitter ${emitter.name} failed: ${reason}`);
    }
    const done: OutputFile[] = [];
    const formatting: Promise<void>[] = [];
    for (const file of emitted) {
      claimPath(owners, file.path, emitter.name);
      // JSON, Markdown and HTML pass through: no need to compare their texts with the last ones.
      const known = formatsFile(file.path) ? memo?.formattedOf(file) : file;
      const at = done.push(known ?? file) - 1;
      if (known) continue;
      formatting.push(
        formatFile(file).then((result) => {
          memo?.remember(file, result);
          done[at] = result;
        }),
      );
    }
    if (formatting.length > 0) await Promise.all(formatting);
    if (onEmitted) {
      onEmitted(done);
      // A turn of the event loop, so that the steps of the writes already handed to the thread
      // pool (renames once written) go on during the next emitter.
      await new Promise((resolve) => setImmediate(resolve));
    }
    for (const file of done) formatted.push(file);
  }
  memo?.keepOnly(owners);
  const paths = formatted.map((file) => file.path);
  return (memo ? memo.sortedOrder(paths) : sortedOrder(paths)).map((at) => formatted[at]!);
}

/**
 * Runs every emitter over a validated IR as {@link emitAll} does, but hands each formatted file to
 * `take` instead of collecting them, in no particular order, and returns how many there were. An
 * emitter with `emitEach` (the site) hands its files over one by one, so a one-shot `generate`
 * never holds the whole tree in memory: what `take` does not keep is garbage at once.
 * @throws Error when an emitter throws (its name is prefixed), when two emitters claim one path, or
 *   when prettier cannot format a file; whatever `take` throws, as it was thrown.
 */
export async function emitAllTo(
  ir: Ir,
  emitters: readonly Emitter[],
  take: (file: OutputFile) => void,
): Promise<number> {
  const owners = new Map<string, string>();
  let count = 0;
  for (const emitter of emitters) {
    const unformatted: OutputFile[] = [];
    // A failure here (a second owner, or `take`) is rethrown as it is, not as the emitter's.
    let failure: { error: unknown } | undefined;
    const accept = (file: OutputFile) => {
      try {
        claimPath(owners, file.path, emitter.name);
        count++;
        if (formatsFile(file.path)) unformatted.push(file);
        else take(file);
      } catch (error) {
        failure = { error };
        throw error;
      }
    };
    try {
      if (emitter.emitEach) emitter.emitEach(ir, accept);
      else for (const file of emitter.emit(ir)) accept(file);
    } catch (error) {
      if (failure) throw failure.error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`emitter ${emitter.name} failed: ${reason}`);
    }
    for (const file of await Promise.all(unformatted.map((one) => formatFile(one)))) take(file);
    // A turn of the event loop between emitters, so that a signal handler (Ctrl-C) can run.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return count;
}
