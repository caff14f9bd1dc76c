import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Where a confined path landed: `absolute` as resolved, `relative` to the base with `/`. */
export interface ConfinedPath {
  absolute: string;
  relative: string;
}

/**
 * Resolves `target` against `base` and refuses it when it leaves `base` (a suiteRef or
 * cwd that leaves --cwd, through `..` or a symlink, is refused). Two checks: the lexical one (an
 * absolute path elsewhere, or `..` segments climbing out), then the real one: the real path of the
 * deepest existing ancestor of the target (symlinks followed) must lie inside the real path of
 * `base`. A path that does not exist yet is judged by its existing part.
 * @returns the confined path, or a reason such as `leaves the working directory through a symlink`.
 */
export function confinePath(
  base: string,
  target: string,
): { ok: true; path: ConfinedPath } | { ok: false; reason: string } {
  const absolute = path.resolve(base, target);
  if (!isInside(path.resolve(base), absolute)) {
    return { ok: false, reason: 'leaves the working directory' };
  }
  const realBase = realpathOrSelf(base);
  if (!isInside(realBase, realpathOfExisting(absolute))) {
    return { ok: false, reason: 'leaves the working directory through a symlink' };
  }
  const relative = path.relative(path.resolve(base), absolute).split(path.sep).join('/');
  return { ok: true, path: { absolute, relative: relative === '' ? '.' : relative } };
}

function isInside(base: string, candidate: string): boolean {
  const relative = path.relative(base, candidate);
  return (
    relative === '' ||
    (!path.isAbsolute(relative) && relative !== '..' && !relative.startsWith(`..${path.sep}`))
  );
}

function realpathOrSelf(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    return path.resolve(target);
  }
}

/** The real path of `target`, or of its deepest existing ancestor joined with the missing rest. */
function realpathOfExisting(target: string): string {
  let existing = target;
  const missing: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(existing), ...missing.reverse());
    } catch {
      const parent = path.dirname(existing);
      if (parent === existing) return target;
      missing.push(path.basename(existing));
      existing = parent;
    }
  }
}
