import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriter } from '../../packages/codegen/src/generator/file-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'contracts-write-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FileWriter: a text to a file as UTF-8, one window at a time', () => {
  const writer = new FileWriter();

  it('writes the bytes Buffer.from gives, for texts of several windows with astral characters', () => {
    const window = 256 * 1024;
    const texts = [
      'export const a = 1;\n',
      `${'a'.repeat(window - 1)}😀${'€'.repeat(window)}Schéma\n`,
      '',
    ];
    const written = texts.map((text, at) => {
      const path = join(dir, `t${at}`);
      writer.write(path, text);
      return readFileSync(path).equals(Buffer.from(text));
    });
    expect(written).toStrictEqual([true, true, true]);
  });

  it('replaces a longer file whole', () => {
    const path = join(dir, 'shrunk');
    writeFileSync(path, 'x'.repeat(10_000));
    writer.write(path, 'short\n');
    expect(readFileSync(path, 'utf8')).toBe('short\n');
  });

  it('throws ENOENT when the folder is missing', () => {
    expect(() => writer.write(join(dir, 'missing', 'file'), 'a')).toThrow(/ENOENT/);
  });

  it('writes parts with vectored writes, more parts than one writev takes', () => {
    const parts = Array.from({ length: 3000 }, (_, at) => Buffer.from(`part ${at} é\n`));
    const path = join(dir, 'parted');
    writeFileSync(path, 'x'.repeat(200_000));
    writer.writeParts(path, parts);
    expect(readFileSync(path).equals(Buffer.concat(parts))).toBe(true);
    writer.writeParts(path, []);
    expect(readFileSync(path, 'utf8')).toBe('');
  });
});
