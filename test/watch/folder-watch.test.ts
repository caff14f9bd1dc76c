import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderWatch } from '../../packages/codegen/src/cli/folder-watch.js';

/*
 * The spec-folder watch of watch mode: every entry that appears, disappears or is renamed is
 * reported by path, a change inside a file is not, and a folder that goes away is reported itself.
 * Each step waits for the report it expects, never for a fixed time.
 */

let root = '';
let folderWatch: FolderWatch | undefined;

afterEach(() => {
  folderWatch?.close();
  folderWatch = undefined;
  rmSync(root, { recursive: true, force: true });
});

/** A watch over `folders` whose reports can be awaited one path at a time. */
function watching(folders: string[]) {
  const seen: string[] = [];
  const waiters: { path: string; done: () => void }[] = [];
  folderWatch = new FolderWatch((path) => {
    seen.push(path);
    for (const waiter of waiters.filter((one) => one.path === path)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.done();
    }
  });
  folderWatch.set(new Set(folders));
  const reported = (path: string) =>
    new Promise<void>((resolve, reject) => {
      if (seen.includes(path)) return resolve();
      const timer = setTimeout(
        () => reject(new Error(`${path} not reported: ${seen.join(', ')}`)),
        10_000,
      );
      waiters.push({ path, done: () => (clearTimeout(timer), resolve()) });
    });
  return { seen, reported };
}

describe('FolderWatch', () => {
  it('reports entries added, renamed and removed, and not a change inside a file', async () => {
    root = mkdtempSync(join(tmpdir(), 'contracts-folder-watch-'));
    const folder = join(root, 'ops');
    mkdirSync(folder);
    writeFileSync(join(folder, 'kept.ts'), 'export {};\n');
    const { seen, reported } = watching([folder]);
    writeFileSync(join(folder, 'kept.ts'), 'export const changed = 1;\n');
    writeFileSync(join(folder, 'added.ts'), 'export {};\n');
    await reported(join(folder, 'added.ts'));
    renameSync(join(folder, 'added.ts'), join(folder, 'renamed.ts'));
    await reported(join(folder, 'renamed.ts'));
    unlinkSync(join(folder, 'renamed.ts'));
    writeFileSync(join(folder, 'last.ts'), 'export {};\n');
    await reported(join(folder, 'last.ts'));
    expect(seen).not.toContain(join(folder, 'kept.ts'));
  });

  it('stops watching a folder it is no longer given, and reports a folder that cannot be watched', async () => {
    root = mkdtempSync(join(tmpdir(), 'contracts-folder-watch-'));
    const first = join(root, 'first');
    const second = join(root, 'second');
    mkdirSync(first);
    mkdirSync(second);
    const { seen, reported } = watching([first]);
    folderWatch!.set(new Set([second, join(root, 'missing')]));
    await reported(join(root, 'missing'));
    writeFileSync(join(first, 'ignored.ts'), 'export {};\n');
    writeFileSync(join(second, 'seen.ts'), 'export {};\n');
    await reported(join(second, 'seen.ts'));
    expect(seen).not.toContain(join(first, 'ignored.ts'));
  });
});
