import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  partedFile,
  type OutputFile,
} from '../../packages/codegen/src/generator/emit/output-file.js';
import { PartedText } from '../../packages/codegen/src/generator/emit/parted-text.js';
import { KnownTreeWrites } from '../../packages/codegen/src/generator/known-tree-writes.js';
import { knownContents } from '../../packages/codegen/src/generator/write-tree.js';

let out: string;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'contracts-tree-changes-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

/**
 * Brings `out`, known to hold `known`, to the files of `batches` (each one emitter's files, taken
 * in order as a rebuild hands them over) and returns the drift.
 */
async function rewrite(known: Map<string, string | PartedText>, ...batches: OutputFile[][]) {
  const writes = new KnownTreeWrites(out, known);
  for (const batch of batches) writes.take(batch);
  return writes.finish();
}

const knownOf = (files: readonly OutputFile[]) =>
  new Map(files.map((file) => [file.path, knownContents(file)]));

/** A text of `length` code units, different for each `seed`. */
const text = (length: number, seed: string) => `${seed}\n`.padEnd(length, 'x');

describe('KnownTreeWrites (watch mode after its first build)', () => {
  it('links a large text written twice to one file, and writes each other text itself', async () => {
    const document = text(1 << 20, 'openapi');
    const small = text(4096, 'small');
    const files: OutputFile[] = [
      { path: 'openapi.json', contents: document },
      { path: 'site/openapi.json', contents: document },
      { path: 'a.md', contents: small },
      { path: 'site/a.md', contents: small },
      { path: 'other.json', contents: text(1 << 20, 'other') },
    ];
    writeFileSync(join(out, 'old.txt'), 'gone\n');
    const previous = new Map([['old.txt', 'gone\n']]);
    const drift = await rewrite(previous, files.slice(0, 1), files.slice(1));
    expect(drift).toStrictEqual({
      stale: [],
      missing: ['a.md', 'openapi.json', 'other.json', 'site/a.md', 'site/openapi.json'],
      extra: ['old.txt'],
    });
    // The known tree is now what the folder holds.
    expect([...previous.keys()].sort()).toStrictEqual(files.map((file) => file.path).sort());
    expect(previous.get('a.md')).toBe(small);
    for (const file of files) {
      expect(readFileSync(join(out, file.path), 'utf8')).toBe(file.contents);
    }
    const inode = (path: string) => statSync(join(out, path)).ino;
    expect(inode('site/openapi.json')).toBe(inode('openapi.json'));
    expect(statSync(join(out, 'openapi.json')).nlink).toBe(2);
    expect(inode('site/a.md')).not.toBe(inode('a.md'));
    expect(inode('other.json')).not.toBe(inode('openapi.json'));
    expect(() => statSync(join(out, 'old.txt'))).toThrow(/ENOENT/);
  });

  it('writes a changed copy on its own once the two texts differ', async () => {
    const before = text(1 << 20, 'v1');
    const first: OutputFile[] = [
      { path: 'openapi.json', contents: before },
      { path: 'site/openapi.json', contents: before },
    ];
    await rewrite(new Map(), first);
    const after = text(1 << 20, 'v2');
    const second: OutputFile[] = [
      { path: 'openapi.json', contents: after },
      { path: 'site/openapi.json', contents: before },
    ];
    const drift = await rewrite(knownOf(first), second.slice(0, 1), second.slice(1));
    expect(drift.stale).toStrictEqual(['openapi.json']);
    expect(readFileSync(join(out, 'openapi.json'), 'utf8')).toBe(after);
    expect(readFileSync(join(out, 'site/openapi.json'), 'utf8')).toBe(before);
    expect(statSync(join(out, 'openapi.json')).nlink).toBe(1);
  });

  it('writes a parted file from its parts, links its copy, and rewrites it only when its bytes change', async () => {
    const shared = Buffer.from(text(1 << 16, 'operations'));
    const documentOf = (version: string) =>
      new PartedText([
        Buffer.from(`{"version": "${version}", "paths": `),
        shared,
        Buffer.from('}\n'),
      ]);
    const v1 = documentOf('1');
    const first = [partedFile('openapi.json', v1), partedFile('site/openapi.json', v1)];
    await rewrite(new Map(), [first[0]!], [first[1]!]);
    expect(readFileSync(join(out, 'openapi.json')).equals(Buffer.concat(v1.parts))).toBe(true);
    const inode = (path: string) => statSync(join(out, path)).ino;
    expect(inode('site/openapi.json')).toBe(inode('openapi.json'));
    const known = knownOf(first);
    const mtime = statSync(join(out, 'openapi.json')).mtimeMs;
    // Rebuilt with the same bytes (new objects, shared parts): nothing to write.
    const same = [
      partedFile('openapi.json', documentOf('1')),
      partedFile('site/openapi.json', documentOf('1')),
    ];
    expect(await rewrite(known, same)).toStrictEqual({ stale: [], missing: [], extra: [] });
    expect(statSync(join(out, 'openapi.json')).mtimeMs).toBe(mtime);
    const v2 = documentOf('2');
    const changed = [partedFile('openapi.json', v2), partedFile('site/openapi.json', v2)];
    const drift = await rewrite(known, [changed[0]!], [changed[1]!]);
    expect(drift.stale).toStrictEqual(['openapi.json', 'site/openapi.json']);
    expect(readFileSync(join(out, 'site/openapi.json'), 'utf8')).toBe(v2.text);
    expect(inode('site/openapi.json')).toBe(inode('openapi.json'));
  });

  it('reports a write that fails and leaves no temporary file behind', async () => {
    // The known file is a folder on disk now, so renaming the written file over it fails.
    mkdirSync(join(out, 'x.json', 'inner'), { recursive: true });
    const writes = new KnownTreeWrites(out, new Map([['x.json', 'old\n']]));
    writes.take([{ path: 'x.json', contents: 'new\n' }]);
    await expect(writes.finish()).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST/);
    expect(readdirSync(out)).toStrictEqual(['x.json']);
  });

  it('puts the known tree back when the emit fails after some files were taken', async () => {
    const parted = new PartedText([Buffer.from('{"v": '), Buffer.from('1}\n')]);
    const first: OutputFile[] = [
      { path: 'a.ts', contents: 'old a\n' },
      { path: 'b.ts', contents: 'old b\n' },
      partedFile('ir.json', parted),
    ];
    await rewrite(new Map(), first);
    const writes = new KnownTreeWrites(out, knownOf(first));
    writes.take([
      { path: 'a.ts', contents: 'new a\n' },
      { path: 'deep/c.ts', contents: 'new c\n' },
      partedFile('ir.json', new PartedText([Buffer.from('{"v": 2}\n')])),
    ]);
    await writes.abandon();
    expect(readFileSync(join(out, 'a.ts'), 'utf8')).toBe('old a\n');
    expect(readFileSync(join(out, 'b.ts'), 'utf8')).toBe('old b\n');
    expect(readFileSync(join(out, 'ir.json'), 'utf8')).toBe('{"v": 1}\n');
    expect(() => statSync(join(out, 'deep'))).toThrow(/ENOENT/);
    expect(readdirSync(out).sort()).toStrictEqual(['a.ts', 'b.ts', 'ir.json']);
  });
});
