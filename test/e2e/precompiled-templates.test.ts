import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { repoTree } from '../support/repo-generation.js';

const DIST = join(PROJECT_ROOT, 'packages/codegen/dist/generator');
const load = async <T>(path: string) => (await import(pathToFileURL(join(DIST, path)).href)) as T;

describe('the templates the build precompiled', () => {
  it('serve every compilation of a one-shot generation, with the bytes of compiling them at run time', async () => {
    const compiler = await load<{
      precompiledCount: () => number;
      recordCompilations: () => { key: string }[];
    }>('emit/template-compiler.js');
    const { resolveGenerateSettings } = await load<{
      resolveGenerateSettings: (root: string, flags: object) => Promise<{ emitters: unknown }>;
    }>('config/resolve-settings.js');
    const { buildIrOfFiles } = await load<{ buildIrOfFiles: (s: unknown) => unknown }>(
      'ir/build-ir.js',
    );
    const { createEmitters } = await load<{ createEmitters: (s: unknown) => unknown[] }>(
      'emit/all-emitters.js',
    );
    const { emitAll } = await load<{
      emitAll: (ir: unknown, emitters: unknown[]) => Promise<OutputFile[]>;
    }>('emit-all.js');
    const fallbacks = compiler.recordCompilations();
    const settings = await resolveGenerateSettings(PROJECT_ROOT, {});
    const built = await emitAll(buildIrOfFiles(settings), createEmitters(settings.emitters));
    // The sources run without the precompiled module: every template is compiled there.
    const compiled = await repoTree();
    expect(compiler.precompiledCount()).toBeGreaterThanOrEqual(11);
    expect(fallbacks.map((one) => one.key)).toStrictEqual([]);
    expect(built.map((file) => [file.path, file.contents])).toStrictEqual(
      compiled.map((file) => [file.path, file.contents]),
    );
  });
});
