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
