import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { typesEmitter } from '../../packages/codegen/src/generator/emit/types-emitter.js';
import { createZodEmitter } from '../../packages/codegen/src/generator/emit/zod-emitter.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { makeCyclicIr, makeDataIr } from '../emit-data/fixture-ir.js';
import { repoIr } from '../support/repo-generation.js';
import { DEMO_IR, EDGE_IR } from './fixtures/demo-ir.js';

/*
 * Generated schemas are declared `as unknown as z.ZodType<T.X>`: tsc never compares them with the
 * types, because that comparison dominated the cost of checking generated code. This test is where
 * the comparison lives instead: the same IRs emitted with `agreementProof` (schemas left to
 * inference, plus `Expect<Agrees<z.infer<typeof XSchema>, T.X>>` per schema) must type-check.
 */

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let folder = '';

function proofFiles(ir: Ir, out: string): OutputFile[] {
  const fromOut = relative(out, join(ROOT, 'packages/runtime/src')).split('\\').join('/');
  const zod = createZodEmitter({
    imports: { runtime: { kind: 'folder', fromOut }, importExtension: '.js' },
    agreementProof: true,
  });
  return [...typesEmitter.emit(ir), ...zod.emit(ir)];
}

function writeTree(out: string, files: readonly OutputFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
}

function typeCheck(): string {
  const result = spawnSync(process.execPath, [tsc, '-p', join(folder, 'tsconfig.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return result.stdout + result.stderr;
}

beforeAll(async () => {
  mkdirSync(join(ROOT, '.tmp/schema-agreement'), { recursive: true });
  folder = mkdtempSync(join(ROOT, '.tmp/schema-agreement/run-'));
  const synthetic = join(folder, 'synthetic');
  writeSyntheticCorpus(join(synthetic, 'specs', 'bench'), 12);
  const irs: Record<string, Ir> = {
    shipped: await repoIr(),
    synthetic: buildIr({ specsDir: join(synthetic, 'specs'), rootDir: synthetic }),
    demo: DEMO_IR,
    edge: EDGE_IR,
    scalars: makeDataIr(),
    cyclic: makeCyclicIr(),
  };
  for (const [name, ir] of Object.entries(irs)) {
    const out = join(folder, 'out', name);
    writeTree(out, proofFiles(ir, out));
  }
  writeFileSync(
    join(folder, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(folder, join(ROOT, 'tsconfig.generated.json')),
      compilerOptions: { noEmit: true, rootDir: relative(folder, ROOT) },
      include: ['out/**/*.ts'],
    }),
  );
});

afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('every generated zod schema and its type in types.ts agree (both ways)', () => {
  it('shipped specs, a synthetic corpus, the demo and edge IRs, every scalar, a cycle', () => {
    const shipped = readFileSync(join(folder, 'out/shipped/harness/schemas.ts'), 'utf8');
    expect(shipped).toContain('Expect<Agrees<z.infer<typeof HarnessRunSchema>, T.HarnessRun>>,');
    expect(shipped).not.toContain('as unknown as');
    expect(typeCheck()).toBe('');
  });

  it('fails when a type and its schema disagree', () => {
    const path = join(folder, 'out/synthetic/bench/types.ts');
    const original = readFileSync(path, 'utf8');
    expect(original).toContain('  runId: string;\n');
    try {
      writeFileSync(path, original.replace('  runId: string;\n', '  runId: number;\n'));
      expect(typeCheck()).toMatch(/out\/synthetic\/bench\/schemas\.ts\(\d+,\d+\): error TS2344/);
    } finally {
      writeFileSync(path, original);
    }
  });
});
