import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { createEmitters } from '../../packages/codegen/src/generator/emit/all-emitters.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { emitAll } from '../../packages/codegen/src/generator/emit-all.js';
import { buildIrOfFiles } from '../../packages/codegen/src/generator/ir/build-ir.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { PROJECT_ROOT } from './cli.js';

/** Where this repository's `contracts.config.json` writes the generated tree. */
export const GENERATED_PATH = 'packages/runtime/src/generated';

/** The committed generated tree, absolute. */
export const GENERATED_DIR = join(PROJECT_ROOT, GENERATED_PATH);

/** The IR of the shipped specs, read as `contracts generate` reads them through the config. */
export async function repoIr(): Promise<Ir> {
  const settings = await resolveGenerateSettings(PROJECT_ROOT, {});
  return buildIrOfFiles(settings);
}

/** The files `npm run codegen` writes: the shipped specs through this repository's config. */
export async function repoTree(ir?: Ir): Promise<OutputFile[]> {
  const settings = await resolveGenerateSettings(PROJECT_ROOT, {});
  return emitAll(ir ?? (await repoIr()), createEmitters(settings.emitters));
}

/**
 * A temporary folder laid out like this repository for `contracts generate`: the specs, the
 * config and (unless `withTree` is false) the committed generated tree at their own paths, so the
 * CLI run there produces the same bytes.
 */
export function copyRepoForGenerate(prefix: string, withTree = true): string {
  const root = mkdtempSync(join(tmpdir(), prefix));
  cpSync(join(PROJECT_ROOT, 'specs'), join(root, 'specs'), { recursive: true });
  cpSync(join(PROJECT_ROOT, 'contracts.config.json'), join(root, 'contracts.config.json'));
  if (withTree) {
    mkdirSync(dirname(join(root, GENERATED_PATH)), { recursive: true });
    cpSync(GENERATED_DIR, join(root, GENERATED_PATH), {
      recursive: true,
      preserveTimestamps: true,
    });
  }
  return root;
}
