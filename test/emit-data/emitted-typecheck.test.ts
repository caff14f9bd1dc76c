import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { typesEmitter } from '../../packages/codegen/src/generator/emit/types-emitter.js';
import {
  createZodEmitter,
  zodEmitter,
} from '../../packages/codegen/src/generator/emit/zod-emitter.js';
import { formatFiles } from '../../packages/codegen/src/generator/format.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { makeCyclicIr, makeDataIr } from './fixture-ir.js';

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  },
  include: ['**/*.ts'],
};

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/**
 * Writes the files under `generated/` of a fresh folder laid out like this project (a copy of
 * runtime/wire-formats.ts, `node_modules` linked), so the default runtime import prefix resolves;
 * runs tsc there.
 */
function typecheck(files: readonly OutputFile[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-emit-data-'));
  dirs.push(dir);
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG));
  for (const file of files) {
    mkdirSync(dirname(join(dir, 'generated', file.path)), { recursive: true });
    writeFileSync(join(dir, 'generated', file.path), file.contents);
  }
  const result = spawnSync(process.execPath, [tsc, '-p', dir], { encoding: 'utf8' });
  return (result.stdout + result.stderr).replaceAll(dir, '<dir>');
}

const emit = (ir = makeDataIr(), zod = zodEmitter) =>
  formatFiles([...typesEmitter.emit(ir), ...zod.emit(ir)]);

describe('emitted types.ts and schemas.ts', () => {
  it('type-check under strict NodeNext, as generated and with the agreement proof', async () => {
    expect(typecheck([...(await emit()), ...(await emit(makeCyclicIr()))])).toBe('');
    const proof = createZodEmitter({ agreementProof: true });
    expect(
      typecheck([...(await emit(makeDataIr(), proof)), ...(await emit(makeCyclicIr(), proof))]),
    ).toBe('');
  });

  it('fail to type-check with the agreement proof when a type and its schema disagree', async () => {
    const files = (await emit(makeDataIr(), createZodEmitter({ agreementProof: true }))).map(
      (file) =>
        file.path === 'shop/types.ts'
          ? {
              ...file,
              contents: file.contents.replace('  quantity: number;', '  quantity: string;'),
            }
          : file,
    );
    const output = typecheck(files);
    expect(output).toContain('generated/shop/schemas.ts(');
    expect(output).toContain("error TS2344: Type 'false' does not satisfy the constraint 'true'.");
  });
});
