import { resolve } from 'node:path';
import type { Ir } from '../ir/ir-schema.js';
import { sameList } from '../ir/same-list.js';
import { extractFile, type FileExtraction } from './extract-file.js';
import { mergeExtractions } from './merge-extractions.js';
import type { ModuleIndexCache } from './module-graph.js';
import { toPosix } from '../posix-path.js';
import { specPathsOf } from './parse-specs.js';
import { SourceStore } from './source-store.js';

/** One parse of a {@link ParseSession}: the unsorted IR and the files it read. */
export interface SessionParse {
  readonly ir: Ir;
  /**
   * Every existing file the parse depends on (absolute paths): the spec files in the given order,
   * then the modules they import, sorted.
   */
  readonly inputs: readonly string[];
  /** How many spec files were extracted anew (the others were reused). */
  readonly extracted: number;
}

function isCurrent(extraction: FileExtraction, store: SourceStore): boolean {
  for (const [path, version] of extraction.dependencies) {
    if (store.version(path) !== version) return false;
  }
  return true;
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Keeps the parts of an extraction that did not change as the objects they were: a spec, model or
 * enum equal (as JSON) to the one at the same place in `previous` is that object, so emitters that
 * memoize by identity see it unchanged.
 */
function reuseEqualParts(next: FileExtraction, previous: FileExtraction): FileExtraction {
  const specs = next.specs.map((spec, index) => {
    const old = previous.specs[index];
    return old && sameJson(old, spec) ? old : spec;
  });
  const definitions = next.definitions.map((definition, index) => {
    const old = previous.definitions[index];
    return old && sameJson(old, definition) ? old : definition;
  });
  return { ...next, specs, definitions };
}

/**
 * A parser that keeps its state across parses of the same project, for watch mode: the source
 * store (each file's text and syntax tree) and each spec file's extraction (extract-file.ts). A
 * parse re-reads the files met so far (or those it is told changed), re-parses only those whose
 * text changed, and extracts again only the spec files that changed or that looked up a module
 * that changed (appeared, disappeared, or was edited); the IR is merged from the kept and the new
 * extractions, so it is the IR a one-shot parse of the same files gives (test/watch checks it on
 * random edit sequences).
 */
export class ParseSession {
  private readonly store = new SourceStore();
  private readonly extractions = new Map<string, FileExtraction>();
  private readonly indexes: ModuleIndexCache = new WeakMap();
  private lastSpecPaths:
    { readonly given: readonly string[]; readonly paths: string[] } | undefined;

  /**
   * Parses `specFiles` (absolute paths; IR paths relative to `rootDir`, absolute POSIX);
   * `origin` names what was searched in a NO_SPECS diagnostic. `changed` (absolute paths), when
   * given, are the only files met before that may have changed since the last parse (a file
   * watcher's change events): just they are read again; without it every file met is.
   * @throws Error when a spec file cannot be read.
   */
  parse(
    specFiles: readonly string[],
    rootDir: string,
    origin: string,
    changed?: readonly string[],
  ): SessionParse {
    this.store.refresh(changed?.map((path) => toPosix(resolve(path))));
    const root = toPosix(resolve(rootDir));
    const paths = this.specPathsOf(specFiles);
    const kept = new Set(paths);
    for (const path of [...this.extractions.keys()]) {
      if (!kept.has(path)) this.extractions.delete(path);
    }
    let extracted = 0;
    const files = paths.map((path) => {
      const cached = this.extractions.get(path);
      if (cached && isCurrent(cached, this.store)) return cached;
      extracted += 1;
      const fresh = extractFile(this.store, path, root, this.indexes);
      const next = cached ? reuseEqualParts(fresh, cached) : fresh;
      this.extractions.set(path, next);
      return next;
    });
    const needed = new Set<string>();
    for (const file of files) for (const path of file.dependencies.keys()) needed.add(path);
    // The store keeps just the files the extractions depend on: its existing ones are the inputs.
    for (const path of this.store.paths()) if (!needed.has(path)) this.store.forget(path);
    return {
      ir: mergeExtractions(files, origin),
      inputs: this.store.existingPaths(paths),
      extracted,
    };
  }

  /** {@link specPathsOf}, resolved and sorted again only when the list given differs from the last. */
  private specPathsOf(specFiles: readonly string[]): string[] {
    const last = this.lastSpecPaths;
    if (last && sameList(last.given, specFiles)) return last.paths;
    const paths = specPathsOf(specFiles);
    this.lastSpecPaths = { given: [...specFiles], paths };
    return paths;
  }
}
