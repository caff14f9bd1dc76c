import { describe, expect, it } from 'vitest';
import { formatFile } from '../../packages/codegen/src/generator/format.js';

/*
 * A laid-out TypeScript file (printed in the pinned prettier layout by its emitter) goes through
 * prettier only for the top-level statements that hold an over-wide code line. Each case below
 * has a statement prettier would change (double quotes become single), so the output shows which
 * statements prettier saw.
 */
const laidOut = (contents: string) => formatFile({ path: 'd/x.ts', contents, laidOut: true });

describe('formatFile on a laid-out file', () => {
  it('keeps a file without an over-wide line as it is, ending in one line break', async () => {
    const text = 'const a = "kept";\n\nexport const b = 1;\n\n\n';
    expect((await laidOut(text)).contents).toBe('const a = "kept";\n\nexport const b = 1;\n');
  });

  it('formats only the statement with an over-wide code line', async () => {
    const wide = `export const wide = ["${'a'.repeat(40)}", "${'b'.repeat(40)}", "${'c'.repeat(20)}"];`;
    const text = `const a = "kept";\n\n${wide}\n`;
    expect((await laidOut(text)).contents).toBe(
      `const a = "kept";\n\nexport const wide = [\n  '${'a'.repeat(40)}',\n  '${'b'.repeat(40)}',\n  '${'c'.repeat(20)}',\n];\n`,
    );
  });

  it('measures wide characters as two columns: 45 of them make a line of 90 units over-wide', async () => {
    const han = '漢'.repeat(45);
    const text = `const a = "kept";\n\nexport const label = "${han}" + a;\n`;
    expect((await laidOut(text)).contents).toBe(
      `const a = "kept";\n\nexport const label =\n  '${han}' + a;\n`,
    );
  });

  it('keeps an all-ASCII line of exactly the print width and formats one a column wider', async () => {
    const line = (width: number) => `export const v = ["${'a'.repeat(width - 22)}"];`;
    expect(line(100)).toHaveLength(100);
    const fits = `const a = "kept";\n\n${line(100)}\n`;
    expect((await laidOut(fits)).contents).toBe(fits);
    const over = `const a = "kept";\n\n${line(101)}\n`;
    expect((await laidOut(over)).contents).toBe(
      `const a = "kept";\n\nexport const v = [\n  '${'a'.repeat(79)}',\n];\n`,
    );
  });

  it('finds a line of wide characters after ASCII lines and after another non-ASCII line', async () => {
    const han = '漢'.repeat(45);
    const ascii = `const long = "${'a'.repeat(80)}";`;
    const text = `const e = "é";\n\n${ascii}\n\nexport const label = "${han}" + e;\n`;
    expect((await laidOut(text)).contents).toBe(
      `const e = "é";\n\n${ascii}\n\nexport const label =\n  '${han}' + e;\n`,
    );
  });

  it('leaves over-wide comment lines and lone string literals to the layout', async () => {
    const comment = `// ${'note '.repeat(30)}`;
    const literal = `  '${'x'.repeat(120)}',`;
    const text = `${comment}\nconst a = "kept";\n\nconst b = [\n${literal}\n  "y",\n];\n`;
    expect((await laidOut(text)).contents).toBe(text);
  });
});
