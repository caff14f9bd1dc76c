import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodeUnits } from 'contracts-runtime/core';
import { listTree, type TreeDrift } from '../write-tree.js';
import type { FileDigest } from './generation-cache.js';

/** How a tree on disk differs from recorded digests, and the digests with the mtimes seen. */
export interface DigestDrift {
  readonly drift: TreeDrift;
  /** `digests` with `mtimeMs` set for every file found identical. */
  readonly digests: readonly FileDigest[];
  /** True when some identical file had to be read (its mtime was not the recorded one). */
  readonly read: boolean;
}

/**
 * Compares the tree under `outDir` with `digests`: a file is missing when absent, stale when its
 * size or SHA-1 differs, and read only when its size matches but its mtime is not the recorded one
 * (git's index does the same to skip unchanged files); files on disk that no digest names are
 * extra, as are symbolic links and empty folders (a link where a file belongs is stale). Reads
 * only.
 */
export async function diffDigests(
  outDir: string,
  digests: readonly FileDigest[],
): Promise<DigestDrift> {
  const listing = await listTree(outDir);
  const onDisk = new Set(listing.files);
  const others = new Set(listing.others);
  const stale: string[] = [];
  const missing: string[] = [];
  let read = false;
  const seen = await Promise.all(
    digests.map(async (digest): Promise<FileDigest> => {
      if (others.delete(digest.path)) {
        stale.push(digest.path);
        return digest;
      }
      if (!onDisk.delete(digest.path)) {
        missing.push(digest.path);
        return digest;
      }
      const path = join(outDir, digest.path);
      const info = await stat(path);
      if (info.size !== digest.size) {
        stale.push(digest.path);
        return digest;
      }
      if (info.mtimeMs === digest.mtimeMs) return digest;
      read = true;
      const sha1 = createHash('sha1')
        .update(await readFile(path))
        .digest('hex');
      if (sha1 !== digest.sha1) {
        stale.push(digest.path);
        return digest;
      }
      return { ...digest, mtimeMs: info.mtimeMs };
    }),
  );
  return {
    drift: {
      stale: stale.sort(compareCodeUnits),
      missing: missing.sort(compareCodeUnits),
      extra: [...onDisk, ...others].sort(compareCodeUnits),
    },
    digests: seen,
    read,
  };
}
