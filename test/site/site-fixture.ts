import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';

/** The site files of the shipped specs (en and fr), paths relative to the output folder. */
export function shippedSiteFiles(): OutputFile[] {
  const ir = buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });
  return createSiteEmitter().emit(ir);
}

/** Writes `files` into a new temporary folder and returns the folder of `site/`. */
export function writeSite(files: readonly OutputFile[]): string {
  const root = mkdtempSync(join(tmpdir(), 'contracts-site-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file.path)), { recursive: true });
    writeFileSync(join(root, file.path), file.contents);
  }
  return join(root, 'site');
}
