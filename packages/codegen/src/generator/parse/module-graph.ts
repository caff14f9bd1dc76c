import { posix } from 'node:path';
import type { ts } from './typescript.js';
import type { SourceLocation } from '../ir/ir-schema.js';
import { indexModule, type ModuleIndex } from './module-index.js';
import type { SourceHost } from './source-store.js';

/** Module indexes by syntax tree, shared by every graph over the same trees (a tree never changes). */
export type ModuleIndexCache = WeakMap<ts.SourceFile, ModuleIndex>;

/**
 * The modules of a {@link SourceHost}, as the static evaluator sees them: relative import
 * resolution (NodeNext style `./x.js` -> `./x.ts`, a folder -> its `index.ts`), a memoised binding
 * index per module, and node locations as IR source locations (POSIX, relative to the root folder,
 * 1-based line and column). It records every path it looked up (`looked`), found or not: what an
 * extraction made with it depends on.
 */
export class ModuleGraph {
  private readonly relativePaths = new Map<ts.SourceFile, string>();
  private readonly resolutions = new Map<string, ts.SourceFile | null>();
  /** Every candidate path resolution asked the host for, in the order asked. */
  readonly looked = new Set<string>();

  /** `rootDir` is the absolute, forward-slash folder IR paths are relative to. */
  constructor(
    private readonly host: SourceHost,
    private readonly rootDir: string,
    private readonly indexes: ModuleIndexCache = new WeakMap(),
  ) {}

  /** The module's bindings, indexed once. */
  index(sourceFile: ts.SourceFile): ModuleIndex {
    let index = this.indexes.get(sourceFile);
    if (!index) {
      index = indexModule(sourceFile);
      this.indexes.set(sourceFile, index);
    }
    return index;
  }

  /** The file's path relative to the root folder, POSIX. */
  relativePath(sourceFile: ts.SourceFile): string {
    let path = this.relativePaths.get(sourceFile);
    if (path === undefined) {
      path = posix.relative(this.rootDir, sourceFile.fileName);
      this.relativePaths.set(sourceFile, path);
    }
    return path;
  }

  /** Where `node` starts (after leading trivia). */
  locate(node: ts.Node, sourceFile: ts.SourceFile): SourceLocation {
    const { line, character } = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
    return { file: this.relativePath(sourceFile), line: line + 1, column: character + 1 };
  }

  /**
   * The module a relative specifier names, or undefined (also for a bare package specifier).
   * Files outside the spec folder are read and parsed on first use.
   */
  resolve(from: ts.SourceFile, specifier: string): ts.SourceFile | undefined {
    if (
      !specifier.startsWith('./') &&
      !specifier.startsWith('../') &&
      specifier !== '.' &&
      specifier !== '..'
    ) {
      return undefined;
    }
    const base = posix.resolve(posix.dirname(from.fileName), specifier);
    const cached = this.resolutions.get(base);
    if (cached !== undefined) return cached ?? undefined;
    let found: ts.SourceFile | null = null;
    for (const candidate of candidatePaths(base)) {
      this.looked.add(candidate);
      const file = this.host.sourceFile(candidate);
      if (file) {
        found = file;
        break;
      }
    }
    this.resolutions.set(base, found);
    return found ?? undefined;
  }
}

/**
 * The files a relative import of `base` (absolute POSIX, resolved against the importing file's
 * folder) may name, in lookup order: `x.ts` for `x.ts` and `x.js`, `x.ts` then `x/index.ts` for an
 * extensionless `x`; none for a declaration file.
 */
export function candidatePaths(base: string): string[] {
  if (base.endsWith('.d.ts')) return [];
  if (base.endsWith('.ts')) return [base];
  if (base.endsWith('.js')) return [`${base.slice(0, -3)}.ts`];
  return [`${base}.ts`, `${base}/index.ts`];
}
