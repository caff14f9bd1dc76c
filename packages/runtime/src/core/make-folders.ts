import { existsSync, mkdirSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** The folders from the first missing ancestor of `path` down to `path` itself, top first. */
function missingFolders(path: string): string[] {
  const missing: string[] = [];
  let at = resolve(path);
  while (!existsSync(at)) {
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  return missing.reverse();
}

const isExisting = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EEXIST';

/**
 * `mkdirSync(path, { recursive: true })` that fails instead of spinning: Node 20's recursive
 * mkdir retries forever where `mkdir` keeps answering ENOENT under a parent that exists (a path
 * inside `/proc`, say), so a mistyped `--out` or `--cache-dir` would hang a CI job. Makes each
 * missing folder, top first, with a plain `mkdir`. Returns the first folder it made (as the
 * recursive form does), or undefined when `path` was a folder already.
 * @throws the `mkdir` error (ENOENT, EACCES, ENOTDIR, EROFS, …); EEXIST when `path` is a file.
 */
export function makeFoldersSync(path: string): string | undefined {
  const missing = missingFolders(path);
  // With nothing missing, the recursive form cannot spin: it answers at once (EEXIST for a file).
  if (missing.length === 0) return mkdirSync(path, { recursive: true });
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      if (!isExisting(error)) throw error;
    }
  }
  return missing[0];
}

/** {@link makeFoldersSync}, with asynchronous `mkdir` calls. */
export async function makeFolders(path: string): Promise<string | undefined> {
  const missing = missingFolders(path);
  if (missing.length === 0) return mkdir(path, { recursive: true });
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      if (!isExisting(error)) throw error;
    }
  }
  return missing[0];
}
