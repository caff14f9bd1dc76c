import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * The files a generation reads: the spec files and, transitively, every file they import by a
 * relative specifier (a constants file, a shared models file). Package imports (the spec language,
 * zod) are the generator's own, covered by its identity (generator-identity.ts).
 */
export interface InputClosure {
  /** Absolute paths, sorted: the spec files first in the order given, then the imported files. */
  readonly files: readonly string[];
  /** Absolute path -> the file's text as read. */
  readonly texts: ReadonlyMap<string, string>;
}

// `import … from './x.js'`, `export … from './x.js'`, `import './x.js'`, `import('./x.js')`.
const SPECIFIERS = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** The relative specifiers of a TypeScript text (may over-approximate: comments count too). */
export function relativeSpecifiers(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(SPECIFIERS)) {
    const specifier = match[2]!;
    if (specifier.startsWith('./') || specifier.startsWith('../')) found.push(specifier);
  }
  return found;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The file a relative specifier names, as NodeNext resolution of a TypeScript source finds it:
 * `./x.js` -> `./x.ts`, `./x` -> `./x.ts` or `./x/index.ts`; undefined when none exists.
 */
export function resolveRelative(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base.replace(/\.js$/, '.ts'),
    base.replace(/\.mjs$/, '.mts'),
    base,
    `${base}.ts`,
    resolve(base, 'index.ts'),
  ];
  return candidates.find((candidate) => candidate !== from && isFile(candidate));
}

/**
 * Reads `specFiles` and every file they import relatively, transitively.
 * @throws Error from `readFileSync` when a spec file cannot be read.
 */
export function readInputClosure(specFiles: readonly string[]): InputClosure {
  const texts = new Map<string, string>();
  const pending = [...specFiles];
  const imported = new Set<string>();
  while (pending.length > 0) {
    const path = pending.pop()!;
    if (texts.has(path)) continue;
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'utf8');
    texts.set(path, text);
    for (const specifier of relativeSpecifiers(text)) {
      const target = resolveRelative(path, specifier);
      if (target && !texts.has(target)) {
        imported.add(target);
        pending.push(target);
      }
    }
  }
  const specs = new Set(specFiles);
  const others = [...imported].filter((path) => !specs.has(path)).sort();
  return { files: [...specFiles.filter((path) => texts.has(path)), ...others], texts };
}
