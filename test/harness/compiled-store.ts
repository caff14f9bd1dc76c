import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

const storeDir = fileURLToPath(new URL('../../packages/runtime/src/store/', import.meta.url));
const coreDir = fileURLToPath(new URL('../../packages/runtime/src/core/', import.meta.url));

/** Transpiles every `.ts` file of `from` to an ES module of the same name in `to`. */
function transpileFolder(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  writeFileSync(path.join(to, 'package.json'), '{ "type": "module" }\n');
  for (const name of readdirSync(from).filter((file) => file.endsWith('.ts'))) {
    const source = readFileSync(path.join(from, name), 'utf8');
    const output = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    writeFileSync(path.join(to, name.replace(/\.ts$/, '.js')), output.outputText);
  }
}

/**
 * Transpiles `runtime/store/*.ts` to ES modules under `outDir`, and `runtime/core/*.ts` (which the
 * store imports) beside it as `../core/`, so a plain `node` child process (which cannot load
 * TypeScript) can run the real store code. Returns the path of `index.js`, which exports all of it.
 */
export function compileStore(outDir: string): string {
  transpileFolder(storeDir, outDir);
  transpileFolder(coreDir, path.join(path.dirname(outDir), 'core'));
  return path.join(outDir, 'index.js');
}
