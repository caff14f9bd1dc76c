import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { createDocsEmitter } from '../../packages/codegen/src/generator/emit/docs-emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { PRETTIER_OPTIONS } from '../../packages/codegen/src/generator/format.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { IrSchema } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { fixtureIr } from './docs-fixture.js';

/** The pages prettier would change: the docs emitter must print prettier's own layout. */
async function notFixpoints(pages: readonly OutputFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const page of pages.filter((file) => file.path.endsWith('.md'))) {
    const formatted = await prettier.format(page.contents, {
      ...PRETTIER_OPTIONS,
      parser: 'markdown',
    });
    if (formatted !== page.contents) changed.push(page.path);
  }
  return changed;
}

describe('docs pages are already in prettier layout (so generate skips prettier for them)', () => {
  it('every page of the shipped specs', async () => {
    const ir = buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });
    const pages = createDocsEmitter().emit(ir);
    expect(pages.length).toBe(45);
    expect(
      pages.map((page) => page.path).filter((path) => path.includes('.execution')),
    ).toStrictEqual([
      'docs/agent/agent.execution.md',
      'docs/harness/harness.execution@1.0.0.md',
      'docs/harness/harness.execution@1.1.0.md',
    ]);
    expect(await notFixpoints(pages)).toStrictEqual([]);
  });

  it('every page of the docs fixture (all spec kinds, nested models, several versions)', async () => {
    const pages = createDocsEmitter().emit(IrSchema.parse(fixtureIr()));
    expect(await notFixpoints(pages)).toStrictEqual([]);
  });

  it('a synthetic corpus with wide tables', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-docs-fixpoint-'));
    try {
      writeSyntheticCorpus(join(dir, 'specs', 'bench'), 40);
      const ir = buildIr({ specsDir: join(dir, 'specs'), rootDir: dir });
      expect(await notFixpoints(createDocsEmitter().emit(ir))).toStrictEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('detects a page prettier would change', async () => {
    expect(
      await notFixpoints([{ path: 'x.md', contents: '| a | bb |\n| --- | --- |\n| ccc | d |\n' }]),
    ).toStrictEqual(['x.md']);
  });
});
