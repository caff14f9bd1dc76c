import { isProcessAlive, makeFoldersSync } from 'contracts-runtime/core';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TREE_MARKER_FILE } from './emit/tree-marker-emitter.js';

/**
 * The files that mark a generated tree: `ir.json`, or `.contracts-tree` when the `ir` surface is
 * off. A non-empty folder holding neither is never replaced.
 */
export const TREE_MARKERS = ['ir.json', TREE_MARKER_FILE] as const;

/**
 * An output folder that cannot be written as a generated tree: a file, or a folder this generator
 * did not write. A usage error (exit code 2), not a failure of the generation.
 */
export class OutputFolderError extends Error {}

/**
 * The folder a tree for `outDir` is written in: `outDir` itself, or the folder it links to when it
 * is a symbolic link (so the link stays a link, and its target gets the tree).
 */
export function resolveOutDir(outDir: string): string {
  return existsSync(outDir) ? realpathSync(outDir) : outDir;
}

/**
 * Checks that `outDir` may be replaced by a generated tree: absent, an empty folder, or a folder
 * holding one of {@link TREE_MARKERS}.
 * @throws OutputFolderError when it is a file, or a folder with any entry (a file, a link, an empty
 *   folder) but no marker: it was not written by this generator, and replacing it could destroy
 *   someone's work.
 */
export function checkReplaceable(outDir: string): void {
  if (!existsSync(outDir)) return;
  if (!statSync(outDir).isDirectory()) {
    throw new OutputFolderError(`${outDir} is a file, not a folder: choose another --out`);
  }
  const marked = TREE_MARKERS.some((marker) => existsSync(join(outDir, marker)));
  if (readdirSync(outDir).length > 0 && !marked) {
    throw new OutputFolderError(
      `refusing to replace ${outDir}: it is not empty and holds no ir.json (nor .contracts-tree), so it was not written by contracts generate`,
    );
  }
}

/** `.<name>.<kind>-<pid>-<hex>`: a staging or retired folder of the process `pid`, beside the tree. */
function besidePath(outDir: string, kind: 'tmp' | 'old'): string {
  const suffix = `${process.pid}-${randomBytes(6).toString('hex')}`;
  return join(dirname(outDir), `.${basename(outDir)}.${kind}-${suffix}`);
}

/** A new staging folder's path beside `outDir` (`.<name>.tmp-<pid>-<hex>` in its parent). */
export function stagingPathFor(outDir: string): string {
  return besidePath(outDir, 'tmp');
}

/**
 * Deletes the staging and retired folders beside `outDir` that a process no longer running left
 * (a run killed mid-way: SIGKILL, a crash, a power cut). Those of running processes (a concurrent
 * `generate`) stay. Never throws: a leftover that cannot be deleted is tried again next time.
 */
export function sweepLeftovers(outDir: string): void {
  const parent = dirname(outDir);
  const pattern = new RegExp(
    `^\\.${escapeRegExp(basename(outDir))}\\.(?:tmp|old)-(\\d+)-[0-9a-f]+$`,
  );
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || isProcessAlive(Number(pid))) continue;
    try {
      rmSync(join(parent, name), { recursive: true, force: true });
    } catch {
      // Tried again by the next run.
    }
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Swaps the complete tree `staging` (a folder beside `outDir`) in for `outDir` by two renames: the
 * old tree (if any) to a retired name, then `staging` to `outDir`; the retired tree is deleted
 * after; the new tree's folder gets the old one's permission bits. Synchronous, so that no signal
 * handler runs between the renames. A failure leaves the old tree in place and removes `staging`;
 * a process killed between the two renames leaves the old tree under its retired name, which the
 * next run sweeps ({@link sweepLeftovers}) as it writes the tree again. An output folder that
 * cannot be renamed because it is a mount point (EBUSY, a container's volume say) keeps its place
 * and gets the new tree's entries instead ({@link swapEntries}).
 * @throws Error from the file system.
 */
export function swapInStaging(outDir: string, staging: string): void {
  const retired = besidePath(outDir, 'old');
  try {
    makeFoldersSync(dirname(outDir));
    const hadTree = existsSync(outDir);
    if (hadTree) {
      // The new tree keeps the old folder's permission bits (a group's setgid folder, say).
      chmodSync(staging, statSync(outDir).mode & 0o7777);
      try {
        renameSync(outDir, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EBUSY') throw error;
        swapEntries(outDir, staging);
        return;
      }
    }
    try {
      renameSync(staging, outDir);
    } catch (error) {
      if (hadTree) renameSync(retired, outDir);
      throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(retired, { recursive: true, force: true });
  }
}

/**
 * Swaps the entries of `staging` in for those of `outDir`, a folder that stays where it is (a
 * mount point): the old entries are renamed into a retired folder inside `outDir`
 * (`.contracts-old-<pid>-<hex>`), then each entry of `staging` is renamed into `outDir` (copied,
 * timestamps kept, when `staging` is on another file system), then the retired folder is deleted.
 * Each entry moves at once, but the tree as a whole does not: a failure puts the old entries back.
 * A retired folder a killed run left inside is an extra entry, which the next generate removes.
 * @throws Error from the file system, after putting the old entries back.
 */
function swapEntries(outDir: string, staging: string): void {
  const retired = join(outDir, `.contracts-old-${process.pid}-${randomBytes(6).toString('hex')}`);
  makeFoldersSync(retired);
  const retiredNames: string[] = [];
  const placedNames: string[] = [];
  try {
    for (const name of readdirSync(outDir)) {
      if (name === basename(retired)) continue;
      renameSync(join(outDir, name), join(retired, name));
      retiredNames.push(name);
    }
    for (const name of readdirSync(staging)) {
      placedNames.push(name);
      moveEntry(join(staging, name), join(outDir, name));
    }
  } catch (error) {
    for (const name of placedNames) rmSync(join(outDir, name), { recursive: true, force: true });
    for (const name of retiredNames) renameSync(join(retired, name), join(outDir, name));
    // Only once every old entry is back: should that fail, the retired folder still holds them.
    rmSync(retired, { recursive: true, force: true });
    throw error;
  }
  rmSync(retired, { recursive: true, force: true });
}

/** Renames `from` to `to`, or copies it (timestamps kept) across file systems (EXDEV). */
function moveEntry(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true, preserveTimestamps: true });
  }
}
