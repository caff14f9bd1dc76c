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

  it('compares texts longer than one window (256 Ki code units), a change in any window', () => {
    const window = 256 * 1024;
    const large = `${'x'.repeat(window)}${'y'.repeat(window)}z\n`;
    const path = fileOf(large);
    expect(comparer.sameAs(path, large)).toBe(true);
    const changedAt = (at: number) => `${large.slice(0, at)}Q${large.slice(at + 1)}`;
    expect(
      [0, window - 1, window, 2 * window, large.length - 1].map((at) =>
        comparer.sameAs(path, changedAt(at)),
      ),
    ).toStrictEqual([false, false, false, false, false]);
  });

  it('keeps a surrogate pair whole across a window boundary, and three-byte characters', () => {
    const window = 256 * 1024;
    const astral = `${'a'.repeat(window - 1)}😀${'€'.repeat(window)}\n`;
    const path = fileOf(astral);
    expect(comparer.sameAs(path, astral)).toBe(true);
    expect(comparer.sameAs(path, astral.replace('😀', '😁'))).toBe(false);
    expect(comparer.sameAs(path, `${astral.slice(0, -2)}$\n`)).toBe(false);
    // The small file of the first case still compares after the large ones.
    expect(comparer.sameAs(join(dir, 'f0'), 'export const a = 1;\n')).toBe(true);
  });

  it('throws ENOENT for a missing file', () => {
    expect(() => comparer.sameAs(join(dir, 'missing'), 'a')).toThrow(/ENOENT/);
  });
});
