import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  partedFile,
  type OutputFile,
} from '../../packages/codegen/src/generator/emit/output-file.js';
import { PartedText } from '../../packages/codegen/src/generator/emit/parted-text.js';
import {
  diffKnownTree,
  knownContents,
  writeTreeChanges,
} from '../../packages/codegen/src/generator/write-tree.js';

let out: string;

beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'contracts-tree-changes-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

/** A text of `length` code units, different for each `seed`. */
const text = (length: number, seed: string) => `${seed}\n`.padEnd(length, 'x');

describe('writeTreeChanges (watch mode after its first build)', () => {
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
    await writeTreeChanges(out, files, diffKnownTree(previous, files));
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
    await writeTreeChanges(out, first, diffKnownTree(new Map(), first));
    const after = text(1 << 20, 'v2');
    const second: OutputFile[] = [
      { path: 'openapi.json', contents: after },
      { path: 'site/openapi.json', contents: before },
    ];
    const known = new Map(first.map((file) => [file.path, file.contents]));
    await writeTreeChanges(out, second, diffKnownTree(known, second));
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
    await writeTreeChanges(out, first, diffKnownTree(new Map(), first));
    expect(readFileSync(join(out, 'openapi.json')).equals(Buffer.concat(v1.parts))).toBe(true);
    const inode = (path: string) => statSync(join(out, path)).ino;
    expect(inode('site/openapi.json')).toBe(inode('openapi.json'));
    const known = new Map(first.map((file) => [file.path, knownContents(file)]));
    // Rebuilt with the same bytes (new objects, shared parts): nothing to write.
    const same = [
      partedFile('openapi.json', documentOf('1')),
      partedFile('site/openapi.json', documentOf('1')),
    ];
    expect(diffKnownTree(known, same).stale).toStrictEqual([]);
    const v2 = documentOf('2');
    const changed = [partedFile('openapi.json', v2), partedFile('site/openapi.json', v2)];
    const drift = diffKnownTree(known, changed);
    expect(drift.stale).toStrictEqual(['openapi.json', 'site/openapi.json']);
    await writeTreeChanges(out, changed, drift);
    expect(readFileSync(join(out, 'site/openapi.json'), 'utf8')).toBe(v2.text);
  });
});
