import { compareCodeUnits, makeFolders } from 'contracts-runtime/core';
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync } from 'node:fs';
import { readdir, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { sameContents, type OutputFile } from './emit/output-file.js';
import type { PartedText } from './emit/parted-text.js';
import { FileWriter } from './file-writer.js';

/** How the tree on disk differs from the files a generation would write (POSIX relative paths). */
export interface TreeDrift {
  readonly stale: string[];
  readonly missing: string[];
  readonly extra: string[];
}

/** Creates each folder the files under `root` need once, parents before children. */
async function makeTreeFolders(root: string, paths: readonly string[]): Promise<void> {
  const folders = new Set<string>();
  for (const path of paths) folders.add(dirname(join(root, path)));
  for (const folder of [...folders].sort()) await makeFolders(folder);
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
  const posixPath = (absolute: string) => relative(root, absolute).split(sep).join('/');
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

/** The length (UTF-16 code units) from which watch mode links a file to an equal one it wrote. */
const LINKED_TEXT_LENGTH = 1 << 20;

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
 * Brings `outDir`, a tree this generator wrote, to exactly `files` by touching only what `drift`
 * names: stale and missing files are written (each to a temporary file renamed over the old one,
 * so a reader never sees half a file; a text of 1 Mi code units or more that equals one written
 * before in the same call is hard-linked to that file instead), extra files are deleted with the
 * folders they leave empty.
 * What watch mode uses after the first build: rewriting a 5,000-file tree per save costs seconds.
 * @throws Error from the file system; files written before the failure stay written.
 */
export async function writeTreeChanges(
  outDir: string,
  files: readonly OutputFile[],
  drift: TreeDrift,
): Promise<void> {
  const changed = new Set([...drift.stale, ...drift.missing]);
  const written = files.filter((file) => changed.has(file.path));
  await makeTreeFolders(
    outDir,
    written.map((file) => file.path),
  );
  const writer = new FileWriter();
  const stamp = randomBytes(6).toString('hex');
  // A large text written twice (openapi.json and the site's copy) is written once and linked.
  const largeTexts = new Map<string | PartedText, { target: string; renamed: Promise<void> }>();
  // Renamed in the thread pool while the next file is written: ext4 (auto_da_alloc) starts the
  // write-back of a file renamed over an existing one inside rename(), some 7 ms for 8 MB.
  const renames: Promise<void>[] = [];
  try {
    for (const file of written) {
      const target = join(outDir, file.path);
      const temporary = `${target}.tmp-${stamp}-${renames.length}`;
      const text = file.parts ?? file.contents;
      const large = file.parts !== undefined || file.contents.length >= LINKED_TEXT_LENGTH;
      const same = large ? largeTexts.get(text) : undefined;
      if (same) await same.renamed;
      if (same === undefined || !linkedFile(same.target, temporary)) {
        writer.writeFile(temporary, file);
      }
      const renamed = rename(temporary, target);
      // Handled here so that a failure is not unhandled before the wait below reports it.
      renamed.catch(() => undefined);
      renames.push(renamed);
      if (large && same === undefined) largeTexts.set(text, { target, renamed });
    }
  } finally {
    await Promise.allSettled(renames);
  }
  await Promise.all(renames);
  for (const path of drift.extra) {
    await rm(join(outDir, path), { force: true });
    let dir = dirname(join(outDir, path));
    while (dir.length > outDir.length && (await readdir(dir)).length === 0) {
      await rm(dir, { recursive: true, force: true });
      dir = dirname(dir);
    }
  }
}

/**
 * How `files` differ from a tree known to hold `previous` (path -> contents, or the parts of a
 * parted file: {@link knownContents}), without reading it.
 */
export function diffKnownTree(
  previous: ReadonlyMap<string, string | PartedText>,
  files: readonly OutputFile[],
): TreeDrift {
  const stale: string[] = [];
  const missing: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    seen.add(file.path);
    const before = previous.get(file.path);
    if (before === undefined) missing.push(file.path);
    else if (!sameContents(before, knownContents(file))) stale.push(file.path);
  }
  const extra = [...previous.keys()].filter((path) => !seen.has(path)).sort(compareCodeUnits);
  return { stale, missing, extra };
}

/** What {@link diffKnownTree} remembers of a file written: its parts when it has them, else its text. */
export function knownContents(file: OutputFile): string | PartedText {
  return file.parts ?? file.contents;
}
