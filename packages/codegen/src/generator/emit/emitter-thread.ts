import { parentPort, workerData } from 'node:worker_threads';
import type { Ir } from '../ir/ir-schema.js';
import { formatFiles } from '../format.js';
import type { Emitter, EmitterRecipe } from './emitter.js';
import type { ThreadAnswer } from './threaded-emit.js';

/*
 * The worker side of threaded-emit.ts: builds the emitter from its recipe, emits and formats its
 * files over the IR it was given, and posts them back once.
 */
const { recipe, ir } = workerData as { recipe: EmitterRecipe; ir: Ir };

async function answer(): Promise<ThreadAnswer> {
  try {
    const module = (await import(recipe.module)) as Record<string, (options: unknown) => Emitter>;
    const emitter = module[recipe.factory]!(recipe.options);
    return { files: await formatFiles(emitter.emit(ir)) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

parentPort!.postMessage(await answer());
