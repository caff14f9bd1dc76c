import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import {
  diffKnownTree,
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
});
