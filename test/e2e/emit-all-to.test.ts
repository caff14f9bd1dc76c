import { describe, expect, it } from 'vitest';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { createEmitters } from '../../packages/codegen/src/generator/emit/all-emitters.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { emitAll, emitAllTo } from '../../packages/codegen/src/generator/emit-all.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { repoIr } from '../support/repo-generation.js';

const byPath = (files: readonly OutputFile[]) =>
  [...files]
    .map((file) => [file.path, file.contents] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

describe('emitAllTo: the files of emitAll, handed over one by one', () => {
  it('gives the same paths and bytes as emitAll on the shipped specs, the site streamed page by page', async () => {
    const settings = await resolveGenerateSettings(PROJECT_ROOT, {});
    const ir = await repoIr();
    const collected = await emitAll(ir, createEmitters(settings.emitters));
    const streamed: OutputFile[] = [];
    const count = await emitAllTo(ir, createEmitters(settings.emitters), (file) =>
      streamed.push(file),
    );
    expect(collected.some((file) => file.path.endsWith('.html'))).toBe(true);
    expect([count, byPath(streamed)]).toStrictEqual([collected.length, byPath(collected)]);
  });

  it('rethrows what take throws as it is, not as an emitter failure', async () => {
    const settings = await resolveGenerateSettings(PROJECT_ROOT, {});
    const ir = await repoIr();
    const site = createEmitters(settings.emitters).filter((emitter) => emitter.name === 'site');
    await expect(
      emitAllTo(ir, site, () => {
        throw new Error('ENOSPC: no space left on device');
      }),
    ).rejects.toThrow(/^ENOSPC: no space left on device$/);
  });
});
