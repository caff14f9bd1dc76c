import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileComparer } from '../../packages/codegen/src/generator/file-comparer.js';

const dir = mkdtempSync(join(tmpdir(), 'contracts-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `text` as UTF-8 to a new file of the folder and returns its path. */
let files = 0;
function fileOf(text: string): string {
  const path = join(dir, `f${files++}`);
  writeFileSync(path, text);
  return path;
}

describe('FileComparer: a file on disk against a text, byte for byte', () => {
  const comparer = new FileComparer();

  it('tells the same bytes from a changed byte and from another length', () => {
    const path = fileOf('export const a = 1;\n');
    expect(comparer.sameAs(path, 'export const a = 1;\n')).toBe(true);
    expect(comparer.sameAs(path, 'export const a = 2;\n')).toBe(false);
    expect(comparer.sameAs(path, 'export const a = 1;')).toBe(false);
    expect(comparer.sameAs(path, 'export const a = 1;\n\n')).toBe(false);
  });

  it('compares texts as UTF-8, wide and astral characters included', () => {
    const text = 'Schéma d’entrée — 漢字 😀\n';
    const path = fileOf(text);
    expect(comparer.sameAs(path, text)).toBe(true);
    expect(comparer.sameAs(path, 'Schéma d’entrée — 漢字 😁\n')).toBe(false);
  });

  it('grows past its first buffers: a 300 KB file, then 100,000 three-byte characters', () => {
    const large = 'x'.repeat(300_000);
    expect(comparer.sameAs(fileOf(large), large)).toBe(true);
    // A fresh comparer: one byte per code unit does not hold them.
    const fresh = new FileComparer();
    const wide = '€'.repeat(100_000);
    const path = fileOf(wide);
    expect(fresh.sameAs(path, wide)).toBe(true);
    expect(fresh.sameAs(path, `${'€'.repeat(99_999)}$`)).toBe(false);
    // The small file of the first case still compares with the grown buffers.
    expect(comparer.sameAs(join(dir, 'f0'), 'export const a = 1;\n')).toBe(true);
  });

  it('throws ENOENT for a missing file', () => {
    expect(() => comparer.sameAs(join(dir, 'missing'), 'a')).toThrow(/ENOENT/);
  });
});
