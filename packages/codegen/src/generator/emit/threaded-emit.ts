import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Ir } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';

/** What the worker posts back: the emitter's formatted files, or why it failed. */
export type ThreadAnswer = { readonly files: OutputFile[] } | { readonly error: string };

const THREAD_MODULE = new URL('./emitter-thread.js', import.meta.url);

/**
 * True when `emitter` can run in a worker thread: it has a recipe, this module runs from the built
 * package (a test running the TypeScript sources has no `emitter-thread.js` to start), and the
 * process may use more than one CPU (on one, a thread would cost memory and gain nothing).
 */
export function canThread(emitter: Emitter): boolean {
  return (
    emitter.recipe !== undefined &&
    availableParallelism() > 1 &&
    existsSync(fileURLToPath(THREAD_MODULE))
  );
}

/** A thread started by {@link emitInThread}. */
export interface EmitterThread {
  /** Resolves with the emitter's formatted files, as `formatFiles(emitter.emit(ir))` gives them. */
  readonly files: Promise<OutputFile[]>;
  /** Ends the thread early (its files are no longer wanted); `files` then rejects. */
  stop(): void;
}

/**
 * Starts `emitter` (see {@link canThread}) on `ir` in a worker thread. The IR is copied to the
 * worker when this is called (structured clone); the worker ends after answering.
 * `files` rejects with the emitter's own message when it throws, or with the worker's error when
 * the thread dies (e.g. out of memory).
 */
export function emitInThread(emitter: Emitter, ir: Ir): EmitterThread {
  const worker = new Worker(THREAD_MODULE, { workerData: { recipe: emitter.recipe, ir } });
  const files = new Promise<OutputFile[]>((resolve, reject) => {
    worker.once('message', (answer: ThreadAnswer) => {
      if ('files' in answer) resolve(answer.files);
      else reject(new Error(answer.error));
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`worker thread exited with code ${code}`)));
  });
  // Read only after the other emitters are done, or never when one of them fails first.
  files.catch(() => undefined);
  return { files, stop: () => void worker.terminate() };
}
