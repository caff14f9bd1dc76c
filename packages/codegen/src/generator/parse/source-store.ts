import { readFileSync } from 'node:fs';
import { ts } from './typescript.js';

/**
 * Where the parser gets modules from: a parsed TypeScript syntax tree per absolute POSIX path
 * (`/work/specs/harness/models.ts`), or undefined when no such file exists. The parser reads
 * syntax only: no program, no type checker, no lib files.
 */
export interface SourceHost {
  sourceFile(path: string): ts.SourceFile | undefined;
  /** Lets the host drop the tree of `path`; a later {@link sourceFile} parses it again. */
  release?(path: string): void;
  /**
   * A number that changes whenever what {@link sourceFile} answers for `path` changes (another
   * text, the file appearing or disappearing); what a cached extraction is checked against.
   */
  version(path: string): number;
}

/** Parses `text` as the TypeScript module `path` is (ES2022, parent links set, as ts-morph did). */
export function parseSourceText(path: string, text: string): ts.SourceFile {
  return ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
}

interface Entry {
  /** undefined: the file does not exist. */
  text: string | undefined;
  version: number;
  parsed: ts.SourceFile | undefined;
}

/**
 * The source files of one parse (or of a watch session's many): each file is read on first use,
 * parsed on first use, and kept. `refresh` re-reads the files met so far (all, or those named) and
 * drops the syntax tree of those whose text changed, which is how watch mode re-parses only what
 * was edited. Texts given to {@link SourceStore.provide} (the generation cache read them already)
 * are used instead of reading the file again.
 */
export class SourceStore implements SourceHost {
  private readonly entries = new Map<string, Entry>();
  private nextVersion = 1;

  private entryOf(path: string): Entry {
    let entry = this.entries.get(path);
    if (!entry) {
      entry = { text: readText(path), version: this.nextVersion++, parsed: undefined };
      this.entries.set(path, entry);
    }
    return entry;
  }

  /** Uses `text` as the contents of `path` (absolute, POSIX), as if it had been read just now. */
  provide(path: string, text: string): void {
    const entry = this.entries.get(path);
    if (entry?.text === text) return;
    this.entries.set(path, { text, version: this.nextVersion++, parsed: undefined });
  }

  /** The text of `path`, or undefined when the file does not exist. */
  text(path: string): string | undefined {
    return this.entryOf(path).text;
  }

  sourceFile(path: string): ts.SourceFile | undefined {
    const entry = this.entryOf(path);
    if (entry.text === undefined) return undefined;
    entry.parsed ??= parseSourceText(path, entry.text);
    return entry.parsed;
  }

  version(path: string): number {
    return this.entryOf(path).version;
  }

  /** Every path met so far (absolute, POSIX), existing or not. */
  paths(): string[] {
    return [...this.entries.keys()];
  }

  /**
   * `first` (paths known to exist), then every other existing file met so far, sorted: what a
   * parse read.
   */
  existingPaths(first: readonly string[]): string[] {
    const firsts = new Set(first);
    const others = [...this.entries]
      .filter(([path, entry]) => entry.text !== undefined && !firsts.has(path))
      .map(([path]) => path)
      .sort();
    return [...first, ...others];
  }

  /**
   * Re-reads every file met so far, or only those of `paths` (absolute, POSIX) that were met; a
   * file whose text changed (or that appeared or disappeared) gets a new version and is parsed
   * again on next use. Returns the paths that changed.
   */
  refresh(paths?: Iterable<string>): string[] {
    const changed: string[] = [];
    for (const path of paths ?? this.entries.keys()) {
      const entry = this.entries.get(path);
      if (entry === undefined) continue;
      const text = readText(path);
      if (text === entry.text) continue;
      this.entries.set(path, { text, version: this.nextVersion++, parsed: undefined });
      changed.push(path);
    }
    return changed;
  }

  /**
   * Drops the syntax tree of `path` (kept: its text and version), to be parsed again if asked
   * for: a one-shot parse releases each spec file's tree once it is extracted, so the trees of
   * a large corpus are never all alive at once.
   */
  release(path: string): void {
    const entry = this.entries.get(path);
    if (entry) entry.parsed = undefined;
  }

  /** Forgets `path` (a file no longer part of the generation), freeing its text and tree. */
  forget(path: string): void {
    this.entries.delete(path);
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
}

/**
 * In-memory sources (absolute POSIX path -> text), for the tests' `parseSources`: the same syntax
 * trees as {@link SourceStore} makes from disk.
 */
export class MemorySourceHost implements SourceHost {
  private readonly parsed = new Map<string, ts.SourceFile>();

  constructor(private readonly texts: ReadonlyMap<string, string>) {}

  sourceFile(path: string): ts.SourceFile | undefined {
    let file = this.parsed.get(path);
    if (!file) {
      const text = this.texts.get(path);
      if (text === undefined) return undefined;
      file = parseSourceText(path, text);
      this.parsed.set(path, file);
    }
    return file;
  }

  version(path: string): number {
    return this.texts.has(path) ? 1 : 0;
  }
}
