import { compareCodeUnits } from 'contracts-runtime/core';
import type { Ir } from './ir/ir-schema.js';
import { ALL_EMITTERS } from './emit/all-emitters.js';
import type { EmitMemo } from './emit/emit-memo.js';
import type { Emitter } from './emit/emitter.js';
import type { OutputFile } from './emit/output-file.js';
import { formatFile, formatsFile } from './format.js';
import { canThread, emitInThread } from './emit/threaded-emit.js';

/**
 * Runs every emitter over a validated IR, formats the files with the pinned prettier config and
 * returns them sorted by path: exactly what `generate` writes and `--check` compares. Without
 * `memo` (a one-shot run), an emitter with a recipe (the site) runs in a worker thread beside the
 * others, so both cores work; its bytes are the same as on this thread. With `memo` (a watch
 * session), everything runs on this thread: an emitter whose IR parts are the same objects as last
 * time is not run again, and a file whose text is the same as last time is not formatted again
 * (emit-memo.ts).
 * @throws Error when an emitter throws (its name is prefixed), when two emitters claim one path, or
 *   when prettier cannot format a file.
 */
export async function emitAll(
  ir: Ir,
  emitters: readonly Emitter[] = ALL_EMITTERS,
  memo?: EmitMemo,
): Promise<OutputFile[]> {
  const owners = new Map<string, string>();
  const files: OutputFile[] = [];
  const claim = (emitter: Emitter, emitted: readonly OutputFile[]) => {
    for (const file of emitted) {
      const owner = owners.get(file.path);
      if (owner) throw new Error(`emitters ${owner} and ${emitter.name} both write ${file.path}`);
      owners.set(file.path, emitter.name);
    }
  };
  const failed = (emitter: Emitter, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    return new Error(`emitter ${emitter.name} failed: ${reason}`);
  };
  const threaded = memo ? [] : emitters.filter(canThread);
  const threads = threaded.map((emitter) => emitInThread(emitter, ir));
  try {
    for (const emitter of emitters) {
      if (threaded.includes(emitter)) continue;
      let emitted: OutputFile[];
      try {
        emitted = memo ? memo.emit(emitter, ir) : emitter.emit(ir);
      } catch (error) {
        throw failed(emitter, error);
      }
      claim(emitter, emitted);
      for (const file of emitted) files.push(file);
    }
    const formatted = await Promise.all(
      files.map(async (file) => {
        // JSON, Markdown and HTML pass through: no need to compare their texts with the last ones.
        if (!formatsFile(file.path)) return file;
        const known = memo?.formattedOf(file);
        if (known) return known;
        const done = await formatFile(file);
        memo?.remember(file, done);
        return done;
      }),
    );
    for (const [at, emitter] of threaded.entries()) {
      const emitted = await threads[at]!.files.catch((error: unknown) => {
        throw failed(emitter, error);
      });
      claim(emitter, emitted);
      for (const file of emitted) formatted.push(file);
    }
    memo?.keepOnly(owners);
    return formatted.sort((a, b) => compareCodeUnits(a.path, b.path));
  } finally {
    for (const thread of threads) thread.stop();
  }
}
