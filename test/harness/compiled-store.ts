import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const storeDir = fileURLToPath(new URL('../../packages/runtime/src/store/', import.meta.url));

/**
 * Transpiles `runtime/store/*.ts` to ES modules under `outDir`, so a plain `node` child process
 * (which cannot load TypeScript) can run the real store code. Returns the path of `index.js`,
 * which exports all of it.
 */
export function compileStore(outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  for (const name of readdirSync(storeDir).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(path.join(storeDir, name), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(path.join(outDir, name.replace(/\.ts$/, '.js')), output.outputText);
  }
  return path.join(outDir, 'index.js');
}
