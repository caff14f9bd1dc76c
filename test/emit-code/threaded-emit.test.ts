import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Emitter } from '../../packages/codegen/src/generator/emit/emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { repoIr, repoTree } from '../support/repo-generation.js';

/*
 * The TypeScript sources have no emitter-thread.js, so emitAll imported from them runs every
 * emitter on the calling thread; the built package (dist) runs the site in a worker thread. Both
 * must give the same files.
 */
const DIST = join(PROJECT_ROOT, 'packages/codegen/dist/generator');

interface Built {
  emitAll(ir: Ir, emitters?: readonly Emitter[]): Promise<OutputFile[]>;
  createEmitters(settings?: unknown): Emitter[];
  canThread(emitter: Emitter): boolean;
  resolveGenerateSettings(root: string, flags: object): Promise<{ emitters: unknown }>;
}

async function built(): Promise<Built> {
  const load = async (path: string) =>
    (await import(pathToFileURL(join(DIST, path)).href)) as Record<string, unknown>;
  return {
    ...(await load('emit-all.js')),
    ...(await load('emit/all-emitters.js')),
    ...(await load('emit/threaded-emit.js')),
    ...(await load('config/resolve-settings.js')),
  } as unknown as Built;
}

describe('the site emitter in a worker thread', () => {
  let dist: Built;
  let ir: Ir;
  beforeAll(async () => {
    dist = await built();
    ir = await repoIr();
  });

  it('runs in a thread from the built package and gives the bytes of the in-thread run', async () => {
    const settings = await dist.resolveGenerateSettings(PROJECT_ROOT, {});
    const emitters = dist.createEmitters(settings.emitters);
    expect(emitters.filter((emitter) => dist.canThread(emitter)).map((e) => e.name)).toEqual([
      'site',
    ]);
    const threaded = await dist.emitAll(ir, emitters);
    const inThread = await repoTree(ir);
    expect(threaded.filter((file) => file.path.startsWith('site/')).length).toBeGreaterThan(100);
    expect(threaded.map((file) => file.path)).toEqual(inThread.map((file) => file.path));
    for (const [at, file] of threaded.entries()) {
      expect(file.contents, file.path).toBe(inThread[at]!.contents);
    }
  });

  it('names the emitter and keeps its message when it throws in the thread', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'threaded-emit-'));
    const module = join(folder, 'failing-emitter.mjs');
    writeFileSync(
      module,
      "export const createFailing = (options) => ({ name: 'failing', emit() { throw new Error(`no ${options.what}`); } });\n",
    );
    const failing: Emitter = {
      name: 'failing',
      emit: () => [],
      recipe: {
        module: pathToFileURL(module).href,
        factory: 'createFailing',
        options: { what: 'pages' },
      },
    };
    expect(dist.canThread(failing)).toBe(true);
    await expect(dist.emitAll(ir, [failing])).rejects.toThrow('emitter failing failed: no pages');
  });
});
