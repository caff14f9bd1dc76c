import type { Ir } from '../ir/ir-schema.js';
import { extractFile } from './extract-file.js';
import { mergeExtractions } from './merge-extractions.js';
import type { SourceHost } from './source-store.js';

/**
 * Turns the spec files `specPaths` (absolute POSIX paths `host` knows, scanned in the given sorted
 * order) into an unsorted IR with the parser's diagnostics: each file extracted on its own
 * (extract-file.ts), its syntax tree released right after when `releasable` says no other file
 * imports it, the parts merged in order (merge-extractions.ts). IR paths are relative to
 * `rootDir`; no spec declaration at all is NO_SPECS at `specsDir`.
 * @throws Error when a spec file does not exist.
 */
export function extractIr(
  host: SourceHost,
  specPaths: readonly string[],
  rootDir: string,
  specsDir: string,
  releasable: (path: string) => boolean = () => false,
): Ir {
  const indexes = new WeakMap();
  const files = specPaths.map((path) => {
    const extraction = extractFile(host, path, rootDir, indexes);
    if (releasable(path)) host.release?.(path);
    return extraction;
  });
  return mergeExtractions(files, specsDir);
}
