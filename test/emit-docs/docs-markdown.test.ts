import { describe, expect, it } from 'vitest';
import {
  codeBlock,
  createSlugger,
  escapeCell,
  githubSlug,
  inlineCode,
} from '../../packages/codegen/src/generator/emit/docs-markdown.js';

describe('docs markdown helpers', () => {
  it('escapes table cells: pipes, line breaks and whitespace runs', () => {
    expect(escapeCell(' a | b\n  c\r\n')).toBe('a \\| b c');
  });

  it('slugs headings as GitHub does', () => {
    expect(githubSlug('harness.run.start')).toBe('harnessrunstart');
    expect(githubSlug('Source Definition')).toBe('source-definition');
    expect(githubSlug('Data views')).toBe('data-views');
    expect(githubSlug('String_unsecure (v1)')).toBe('string_unsecure-v1');
    expect(githubSlug('Émission été')).toBe('émission-été');
  });

  it('escapes a cell with a tab, runs of spaces and a pipe, trimmed', () => {
    expect(escapeCell('  a\tb |c ')).toBe('a b \\|c');
    expect(escapeCell('plain words')).toBe('plain words');
  });

  it('leaves a cell as it is exactly when the escape would not change it', () => {
    const full = (text: string) => text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
    const alphabet = [
      'a',
      ' ',
      '\t',
      '\n',
      '|',
      '\u00a0',
      '\u2003',
      '\u3000',
      '\ufeff',
      '\u0085',
      'é',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let sample = 0; sample < 5000; sample++) {
      let text = '';
      for (let length = next() % 6; length > 0; length--)
        text += alphabet[next() % alphabet.length];
      expect(escapeCell(text)).toBe(full(text));
    }
  });

  it('numbers a slug taken by a suffixed one past it', () => {
    const slug = createSlugger();
    expect(['a', 'a-1', 'a', 'a'].map(slug)).toStrictEqual(['a', 'a-1', 'a-2', 'a-3']);
  });

  it('suffixes repeated slugs in page order', () => {
    const slug = createSlugger();
    expect(['Input', 'input', 'Input', 'input-1'].map(slug)).toStrictEqual([
      'input',
      'input-1',
      'input-2',
      'input-1-1',
    ]);
  });

  it('grows fences past backtick runs in the text', () => {
    expect(codeBlock('ts', 'const a = 1;')).toStrictEqual({
      fence: '```',
      lang: 'ts',
      text: 'const a = 1;',
    });
    expect(codeBlock('ts', 'x ```` y').fence).toBe('`````');
    expect(inlineCode('harness_run')).toBe('`harness_run`');
    expect(inlineCode('a`b')).toBe('``a`b``');
    expect(inlineCode('`a')).toBe('`` `a ``');
  });
});
