import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import { createEmitters } from '../../packages/codegen/src/generator/emit/all-emitters.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { emitAll } from '../../packages/codegen/src/generator/emit-all.js';
import { PRETTIER_OPTIONS } from '../../packages/codegen/src/generator/format.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { makeCyclicIr, makeDataIr } from '../emit-data/fixture-ir.js';
import { repoTree } from '../support/repo-generation.js';
import { DEMO_IR, EDGE_IR } from './fixtures/demo-ir.js';

/*
 * The TypeScript emitters print prettier's layout themselves (generator/emit/code-layout.ts) and
 * `generate` runs prettier only over statements wider than the print width. This is the check that
 * the layout is right: prettier, with the pinned options, changes no generated TypeScript file.
 */

/** The generated TypeScript files prettier would change. */
async function notFixpoints(files: readonly OutputFile[]): Promise<string[]> {
  const changed: string[] = [];
  for (const file of files.filter((entry) => entry.path.endsWith('.ts'))) {
    const formatted = await prettier.format(file.contents, {
      ...PRETTIER_OPTIONS,
      parser: 'typescript',
    });
    if (formatted !== file.contents) changed.push(file.path);
  }
  return changed;
}

function codeFiles(ir: Ir): Promise<OutputFile[]> {
  return emitAll(ir, createEmitters());
}

describe('generated TypeScript is already in prettier layout', () => {
  it('every TypeScript file of the shipped specs', async () => {
    const files = await repoTree();
    const typescript = files.filter((file) => file.path.endsWith('.ts'));
    expect(typescript.map((file) => file.path)).toContain('harness/handlers.ts');
    expect(typescript.length).toBe(14);
    expect(await notFixpoints(typescript)).toStrictEqual([]);
  });

  it('every TypeScript file of the demo, edge, scalar and cyclic fixtures', async () => {
    for (const ir of [DEMO_IR, EDGE_IR, makeDataIr(), makeCyclicIr()]) {
      expect(await notFixpoints(await codeFiles(ir))).toStrictEqual([]);
    }
  });

  it('a synthetic corpus (long generated names, events, declared errors)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contracts-code-fixpoint-'));
    try {
      writeSyntheticCorpus(join(dir, 'specs', 'bench'), 30);
      const ir = buildIr({ specsDir: join(dir, 'specs'), rootDir: dir });
      const files = await codeFiles(ir);
      expect(files.filter((file) => file.path.endsWith('.ts')).length).toBe(7);
      expect(await notFixpoints(files)).toStrictEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('detects a file prettier would change', async () => {
    expect(
      await notFixpoints([{ path: 'x/types.ts', contents: 'export const a = "b";\n' }]),
    ).toStrictEqual(['x/types.ts']);
  });
});
