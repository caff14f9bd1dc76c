import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { OutputFolderError } from '../../packages/codegen/src/generator/output-folder.js';
import { TreeSink } from '../../packages/codegen/src/generator/tree-sink.js';

let parent: string;
let out: string;

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'contracts-sink-'));
  out = join(parent, 'generated');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

const FILES: OutputFile[] = [
  { path: 'ir.json', contents: '{}\n' },
  { path: 'a/types.ts', contents: 'export type A = 1;\n' },
  { path: 'a/b/deep.md', contents: '# Deep\n' },
  { path: 'z.json', contents: '[]\n' },
];

function writeTree(files: readonly OutputFile[]): void {
  for (const file of files) {
    mkdirSync(dirname(join(out, file.path)), { recursive: true });
    writeFileSync(join(out, file.path), file.contents);
  }
}

/** Every file under `out` as path -> contents. */
function treeOf(): Record<string, string> {
  const entries = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
  return Object.fromEntries(
    entries.map((path) => [path.slice(out.length + 1), readFileSync(path, 'utf8')]).sort(),
  );
}

async function sinkAll(mode: 'write' | 'check', files: readonly OutputFile[]) {
  const sink = new TreeSink(out, mode);
  await sink.begin();
  for (const file of files) sink.take(file);
  return sink.finish();
}

const expected = () => Object.fromEntries(FILES.map((file) => [file.path, file.contents]).sort());

/** What the parent folder holds besides the tree: a staging or retired folder left behind. */
const leftovers = () => readdirSync(parent).filter((name) => name !== 'generated');

describe('TreeSink: each emitted file compared, and staged once the tree differs', () => {
  it('writes a missing tree whole, and reports every file missing', async () => {
    const drift = await sinkAll('write', FILES);
    expect([drift, treeOf(), leftovers()]).toStrictEqual([
      { stale: [], missing: ['a/b/deep.md', 'a/types.ts', 'ir.json', 'z.json'], extra: [] },
      expected(),
      [],
    ]);
  });

  it('leaves an up-to-date tree untouched: the same inodes and timestamps', async () => {
    writeTree(FILES);
    const before = FILES.map((file) => statSync(join(out, file.path)));
    const drift = await sinkAll('write', FILES);
    const after = FILES.map((file) => statSync(join(out, file.path)));
    expect([drift, leftovers()]).toStrictEqual([{ stale: [], missing: [], extra: [] }, []]);
    expect(after.map((stat) => [stat.ino, stat.mtimeMs])).toStrictEqual(
      before.map((stat) => [stat.ino, stat.mtimeMs]),
    );
  });

  it('replaces a tree with one stale file, an extra and a missing one; equal files keep their inode', async () => {
    writeTree([
      ...FILES.slice(0, 2),
      { path: 'a/b/deep.md', contents: '# Old\n' },
      { path: 'old/extra.ts', contents: 'x' },
    ]);
    const inode = statSync(join(out, 'a/types.ts')).ino;
    const drift = await sinkAll('write', FILES);
    expect([drift, treeOf(), leftovers()]).toStrictEqual([
      { stale: ['a/b/deep.md'], missing: ['z.json'], extra: ['old/extra.ts'] },
      expected(),
      [],
    ]);
    expect(statSync(join(out, 'a/types.ts')).ino).toBe(inode);
  });

  it("gives the replacing tree the old folder's permission bits, setgid included", async () => {
    writeTree([{ path: 'ir.json', contents: '{"old":1}\n' }]);
    chmodSync(out, 0o2750);
    const drift = await sinkAll('write', FILES);
    expect([drift.stale, treeOf()]).toStrictEqual([['ir.json'], expected()]);
    expect(statSync(out).mode & 0o7777).toBe(0o2750);
  });

  it('replaces a tree that holds only one extra file more', async () => {
    writeTree([...FILES, { path: 'extra.txt', contents: 'x' }]);
    const drift = await sinkAll('write', FILES);
    expect([drift.extra, treeOf()]).toStrictEqual([['extra.txt'], expected()]);
  });

  it('in check mode reports the drift and writes nothing', async () => {
    writeTree([
      { path: 'ir.json', contents: '{"old":1}\n' },
      { path: 'gone.md', contents: '' },
    ]);
    const drift = await sinkAll('check', FILES);
    expect([drift, treeOf(), leftovers()]).toStrictEqual([
      { stale: ['ir.json'], missing: ['a/b/deep.md', 'a/types.ts', 'z.json'], extra: ['gone.md'] },
      { 'gone.md': '', 'ir.json': '{"old":1}\n' },
      [],
    ]);
  });

  it('in check mode reports symbolic links and empty folders as drift: a link where a file belongs is stale', async () => {
    writeTree(FILES.filter((file) => file.path !== 'z.json'));
    writeFileSync(join(parent, 'elsewhere.json'), '[]\n');
    symlinkSync(join(parent, 'elsewhere.json'), join(out, 'z.json'));
    symlinkSync(join(parent, 'elsewhere.json'), join(out, 'a', 'link.json'));
    mkdirSync(join(out, 'empty', 'deeper'), { recursive: true });
    const drift = await sinkAll('check', FILES);
    expect(drift).toStrictEqual({
      stale: ['z.json'],
      missing: [],
      extra: ['a/link.json', 'empty/deeper/'],
    });
    expect(lstatSync(join(out, 'z.json')).isSymbolicLink()).toBe(true);
  });

  it('replaces symbolic links and empty folders in the tree with exactly the emitted files', async () => {
    writeTree(FILES.filter((file) => file.path !== 'z.json'));
    writeFileSync(join(parent, 'elsewhere.json'), '[]\n');
    symlinkSync(join(parent, 'elsewhere.json'), join(out, 'z.json'));
    mkdirSync(join(out, 'empty'));
    const drift = await sinkAll('write', FILES);
    expect([drift, treeOf(), leftovers()]).toStrictEqual([
      { stale: ['z.json'], missing: [], extra: ['empty/'] },
      expected(),
      ['elsewhere.json'],
    ]);
    expect(lstatSync(join(out, 'z.json')).isSymbolicLink()).toBe(false);
    expect(existsSync(join(out, 'empty'))).toBe(false);
    expect(await sinkAll('check', FILES)).toStrictEqual({ stale: [], missing: [], extra: [] });
  });

  it('refuses to replace a non-empty folder without ir.json once the tree must change, before writing', async () => {
    writeTree([{ path: 'notes.md', contents: 'mine' }]);
    const sink = new TreeSink(out, 'write');
    await sink.begin();
    expect(() => sink.take(FILES[0]!)).toThrow(OutputFolderError);
    expect(() => sink.take(FILES[0]!)).toThrow(/refusing to replace .*holds no ir\.json/);
    expect([treeOf(), leftovers()]).toStrictEqual([{ 'notes.md': 'mine' }, []]);
  });

  it('refuses a folder holding only an empty folder, and an output path that is a file', async () => {
    mkdirSync(join(out, 'empty'), { recursive: true });
    const sink = new TreeSink(out, 'write');
    await sink.begin();
    expect(() => sink.take(FILES[0]!)).toThrow(/refusing to replace/);
    rmSync(out, { recursive: true });
    writeFileSync(out, 'a file');
    await expect(new TreeSink(out, 'write').begin()).rejects.toThrow(/is a file, not a folder/);
  });

  it('leaves an up-to-date tree without ir.json alone (the ir surface off)', async () => {
    const withoutMarker = FILES.filter((file) => file.path !== 'ir.json');
    writeTree(withoutMarker);
    const drift = await sinkAll('write', withoutMarker);
    expect(drift).toStrictEqual({ stale: [], missing: [], extra: [] });
  });

  it('replaces a changed tree marked by .contracts-tree (the ir surface off)', async () => {
    const marked = [
      { path: '.contracts-tree', contents: 'marker\n' },
      ...FILES.filter((file) => file.path !== 'ir.json'),
    ];
    writeTree([marked[0]!, { path: 'a/types.ts', contents: 'export type A = 0;\n' }]);
    const drift = await sinkAll('write', marked);
    expect([drift.stale, treeOf()['a/types.ts']]).toStrictEqual([
      ['a/types.ts'],
      'export type A = 1;\n',
    ]);
  });

  it('writes through a symbolic link to a folder: the link stays, its target gets the tree', async () => {
    const target = join(parent, 'real');
    mkdirSync(target);
    symlinkSync(target, out);
    await sinkAll('write', FILES);
    expect([lstatSync(out).isSymbolicLink(), treeOf()]).toStrictEqual([true, expected()]);
  });

  it('sweeps the staging and retired folders of dead processes, not those of running ones', async () => {
    const dead = join(parent, '.generated.tmp-999999999-abcdef012345');
    const retired = join(parent, '.generated.old-999999999-abcdef012345');
    const running = join(parent, `.generated.tmp-${process.pid}-abcdef012345`);
    for (const folder of [dead, retired, running])
      mkdirSync(join(folder, 'a'), { recursive: true });
    await new TreeSink(out, 'write').begin();
    expect(leftovers()).toStrictEqual([`.generated.tmp-${process.pid}-abcdef012345`]);
  });

  it('abort also removes the parent folders the staging folder needed', async () => {
    out = join(parent, 'build', 'deep', 'generated');
    const sink = new TreeSink(out, 'write');
    await sink.begin();
    sink.take(FILES[0]!);
    expect(existsSync(join(parent, 'build'))).toBe(true);
    await sink.abort();
    expect(readdirSync(parent)).toStrictEqual([]);
  });

  it('abort removes the staging folder and leaves the old tree as it was', async () => {
    writeTree(FILES);
    const sink = new TreeSink(out, 'write');
    await sink.begin();
    sink.take(FILES[0]!);
    sink.take({ path: 'a/types.ts', contents: 'export type A = 2;\n' });
    expect(leftovers()).toHaveLength(1);
    await sink.abort();
    expect([treeOf(), leftovers(), existsSync(out)]).toStrictEqual([expected(), [], true]);
  });
});
