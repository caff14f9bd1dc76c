import { compareCodeUnits } from 'contracts-runtime/core';
import { readdirSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import { Project, ts } from 'ts-morph';
import type { Ir } from '../ir/ir-schema.js';
import { extractIr } from './extract-ir.js';

/** Options of `parseSpecs`: absolute or cwd-relative folders; `includeTests` also reads `*.test.ts`. */
export interface ParseSpecsOptions {
  readonly specsDir: string;
  readonly rootDir: string;
  readonly includeTests?: boolean;
}

/** Options of `parseSources`: `specsDir` (POSIX, relative) limits which sources are scanned for specs. */
export interface ParseSourcesOptions {
  readonly specsDir?: string;
  readonly includeTests?: boolean;
}

/** Whether a file is read as a spec file: `*.ts`, never `*.d.ts`, `*.test.ts` only with `includeTests`. */
export function isSpecFileName(name: string, includeTests = false): boolean {
  return (
    name.endsWith('.ts') && !name.endsWith('.d.ts') && (includeTests || !name.endsWith('.test.ts'))
  );
}

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** One Project, syntax only: no tsconfig, no dependency resolution, no lib files, no type checker. */
function createProject(useInMemoryFileSystem: boolean): Project {
  return new Project({
    useInMemoryFileSystem,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
    compilerOptions: {
      noResolve: true,
      noLib: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      allowJs: false,
    },
  });
}

function listFiles(dir: string, includeTests: boolean, into: string[]): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return into;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') listFiles(path, includeTests, into);
    } else if (entry.isFile() && isSpecFileName(entry.name, includeTests)) {
      into.push(path);
    }
  }
  return into;
}

/**
 * Parses every spec file under `specsDir` into an unsorted, unvalidated
 * IR whose diagnostics come from parsing only. Files are added to one ts-morph Project in code-unit
 * order of their relative paths; spec text is evaluated statically, never executed. IR paths are
 * POSIX and relative to `rootDir`. A missing or empty folder is NO_SPECS. Never throws on bad specs.
 */
export function parseSpecs(options: ParseSpecsOptions): Ir {
  const rootDir = toPosix(resolve(options.rootDir));
  const specsDir = resolve(options.specsDir);
  const paths = listFiles(specsDir, options.includeTests ?? false, [])
    .map(toPosix)
    .sort(compareCodeUnits);
  const project = createProject(false);
  const files = paths.map((path) => project.addSourceFileAtPath(path));
  return extractIr(project, files, rootDir, toPosix(relative(rootDir, specsDir)) || '.');
}

/**
 * Parses the given spec files (absolute paths) as {@link parseSpecs} parses a folder: same order
 * (code units of the paths), same IR. `origin` names what was searched in a NO_SPECS diagnostic.
 */
export function parseSpecFiles(files: readonly string[], rootDir: string, origin: string): Ir {
  const root = toPosix(resolve(rootDir));
  const paths = files.map((path) => toPosix(resolve(path))).sort(compareCodeUnits);
  const project = createProject(false);
  const sources = paths.map((path) => project.addSourceFileAtPath(path));
  return extractIr(project, sources, root, origin);
}

/**
 * Parses in-memory sources (POSIX path relative to the root -> text), as `parseSpecs` parses a
 * folder: same file selection, same order, same IR. The tests' entry point. Sources outside
 * `options.specsDir` (default: all) are importable but not scanned for specs.
 */
export function parseSources(
  sources: Readonly<Record<string, string>>,
  options: ParseSourcesOptions = {},
): Ir {
  const specsDir = posix.normalize(options.specsDir ?? '.');
  const project = createProject(true);
  const texts = new Map(
    Object.entries(sources).map(([path, text]) => [posix.normalize(path), text]),
  );
  const paths = [...texts.keys()]
    .filter((path) => isSpecFileName(path, options.includeTests ?? false))
    .sort(compareCodeUnits);
  const files = paths.map((path) => project.createSourceFile(`/${path}`, texts.get(path)!));
  const scanned = files.filter((_, index) => {
    const path = paths[index]!;
    return specsDir === '.' || path.startsWith(`${specsDir}/`);
  });
  return extractIr(project, scanned, '/', specsDir);
}
