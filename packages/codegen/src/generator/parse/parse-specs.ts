import { compareCodeUnits } from 'contracts-runtime/core';
import { readdirSync } from 'node:fs';
import { join, posix, relative, resolve } from 'node:path';
import type { Ir } from '../ir/ir-schema.js';
import { relativeSpecifiers } from '../cache/input-closure.js';
import { extractIr } from './extract-ir.js';
import { candidatePaths } from './module-graph.js';
import { MemorySourceHost, SourceStore } from './source-store.js';
import { toPosix } from '../posix-path.js';

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
 * IR whose diagnostics come from parsing only. Files are scanned in code-unit order of their
 * paths, syntax only (TypeScript's parser, no program); spec text is evaluated statically, never
 * executed. IR paths are
 * POSIX and relative to `rootDir`. A missing or empty folder is NO_SPECS. Never throws on bad specs.
 */
export function parseSpecs(options: ParseSpecsOptions): Ir {
  const rootDir = toPosix(resolve(options.rootDir));
  const specsDir = resolve(options.specsDir);
  const paths = listFiles(specsDir, options.includeTests ?? false, [])
    .map(toPosix)
    .sort(compareCodeUnits);
  return extractIr(new SourceStore(), paths, rootDir, toPosix(relative(rootDir, specsDir)) || '.');
}

/**
 * Parses the given spec files (absolute paths) as {@link parseSpecs} parses a folder: same order
 * (code units of the paths), same IR. `origin` names what was searched in a NO_SPECS diagnostic.
 */
export function parseSpecFiles(
  files: readonly string[],
  rootDir: string,
  origin: string,
  store: SourceStore = new SourceStore(),
): Ir {
  const paths = specPathsOf(files);
  return extractIr(store, paths, toPosix(resolve(rootDir)), origin, notImported(store, paths));
}

/**
 * Which spec files no spec file imports by a relative specifier (over-approximated from the texts,
 * input-closure.ts): their syntax trees can be dropped once extracted, since no later file will
 * ask for them.
 */
function notImported(store: SourceStore, paths: readonly string[]): (path: string) => boolean {
  const imported = new Set<string>();
  for (const path of paths) {
    for (const specifier of relativeSpecifiers(store.text(path) ?? '')) {
      for (const candidate of candidatePaths(posix.resolve(posix.dirname(path), specifier))) {
        imported.add(candidate);
      }
    }
  }
  return (path) => !imported.has(path);
}

/** Spec files as the parser scans them: absolute POSIX paths in code-unit order. */
export function specPathsOf(files: readonly string[]): string[] {
  return files.map((path) => toPosix(resolve(path))).sort(compareCodeUnits);
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
  const texts = new Map(
    Object.entries(sources).map(([path, text]) => [posix.normalize(path), text]),
  );
  const paths = [...texts.keys()]
    .filter((path) => isSpecFileName(path, options.includeTests ?? false))
    .sort(compareCodeUnits);
  const host = new MemorySourceHost(new Map(paths.map((path) => [`/${path}`, texts.get(path)!])));
  const scanned = paths
    .filter((path) => specsDir === '.' || path.startsWith(`${specsDir}/`))
    .map((path) => `/${path}`);
  return extractIr(host, scanned, '/', specsDir);
}
