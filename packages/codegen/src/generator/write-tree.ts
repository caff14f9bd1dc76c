import { compareCodeUnits } from 'contracts-runtime/core';
import { existsSync, linkSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { OutputFile } from './emit/output-file.js';
import type { PartedText } from './emit/parted-text.js';
import { toPosix } from './posix-path.js';

/** How the tree on disk differs from the files a generation would write (POSIX relative paths). */
export interface TreeDrift {
  readonly stale: string[];
  readonly missing: string[];
  readonly extra: string[];
}

/** What a tree on disk holds, as POSIX paths relative to its root, each list sorted. */
export interface TreeListing {
  /** The regular files. */
  readonly files: string[];
  /**
   * What no generation writes: symbolic links (by their path; not followed), anything else that
   * is neither a file nor a folder, and empty folders (`path/`). Replacing the tree removes them,
   * so they are drift.
   */
  readonly others: string[];
}

/** The {@link TreeListing} of `root`; empty when `root` is absent. */
export async function listTree(root: string): Promise<TreeListing> {
  if (!existsSync(root)) return { files: [], others: [] };
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const posixPath = (absolute: string) => toPosix(relative(root, absolute));
  const files: string[] = [];
  const others: string[] = [];
  const folders: string[] = [];
  const holding = new Set<string>();
  for (const entry of entries) {
    const absolute = join(entry.parentPath, entry.name);
    holding.add(entry.parentPath);
    if (entry.isFile()) files.push(posixPath(absolute));
    else if (entry.isDirectory()) folders.push(absolute);
    else others.push(posixPath(absolute));
  }
  for (const folder of folders) if (!holding.has(folder)) others.push(`${posixPath(folder)}/`);
  return { files: files.sort(compareCodeUnits), others: others.sort(compareCodeUnits) };
}

/** True when nothing differs. */
export function isClean(drift: TreeDrift): boolean {
  return drift.stale.length + drift.missing.length + drift.extra.length === 0;
}

/** The errors of `link()` that mean "this file system cannot link here", not a real failure. */
const CANNOT_LINK: ReadonlySet<string> = new Set([
  'EXDEV',
  'EPERM',
  'ENOTSUP',
  'EOPNOTSUPP',
  'EMLINK',
]);

/**
 * Hard-links `path` to `existing`; false when the file system cannot link there.
 * @throws Error from the file system for any other failure.
 */
export function linkedFile(existing: string, path: string): boolean {
  try {
    linkSync(existing, path);
    return true;
  } catch (error) {
    if (CANNOT_LINK.has((error as NodeJS.ErrnoException).code ?? '')) return false;
    throw error;
  }
}

/**
 * Deletes `paths` (relative to `outDir`, a tree this generator wrote) with the folders they leave
 * empty, up to `outDir` itself, which stays.
 * @throws Error from the file system.
 */
export async function removeTreeFiles(outDir: string, paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    await rm(join(outDir, path), { force: true });
    let dir = dirname(join(outDir, path));
    while (dir.length > outDir.length && (await readdir(dir)).length === 0) {
      await rm(dir, { recursive: true, force: true });
      dir = dirname(dir);
    }
  }
}

/**
 * What watch mode remembers of a file written (known-tree-writes.ts): its parts when it has them,
 * else its text.
 */
export function knownContents(file: OutputFile): string | PartedText {
  return file.parts ?? file.contents;
}
