import { sep } from 'node:path';

/**
 * `path` with the platform's separators as `/`: how the IR, the cache keys and the spec store name
 * files, so that the same specs give the same bytes on Windows and POSIX systems.
 */
export function toPosix(path: string): string {
  return path.split(sep).join('/');
}
