import hljs from 'highlight.js/lib/core';
import { describe, expect, it } from 'vitest';
import {
  highlight,
  highlightBlocks,
  isLineLocal,
} from '../../packages/codegen/src/generator/emit/site/site-highlight.js';
import { resetSiteMemos } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { siteMemoEntries } from '../../packages/codegen/src/generator/emit/site/site-memo.js';
import { specExtras } from '../../packages/codegen/src/generator/emit/site/site-spec-extras.js';
import { shippedIr } from './site-fixture.js';

/** highlight.js on the whole text: what every block must give (site-highlight registers ts, json). */
const whole = (code: string, lang: string) =>
  hljs.highlight(code, { language: lang, ignoreIllegals: true }).value;

const ir = shippedIr();

/** Every code block of the shipped site: each Source Definition and each example and schema. */
const SHIPPED: { code: string; lang: string }[] = ir.specs.flatMap((spec) => {
  const { imports, definition } = spec.sourceText;
  return [
    { code: imports.length > 0 ? `${imports}\n\n${definition}` : definition, lang: 'ts' },
    ...specExtras(ir, spec).flatMap((extra) =>
      extra.level === 3 ? [{ code: extra.json, lang: 'json' }] : [],
    ),
  ];
});

/** `blocks` as `highlightBlocks` takes them (the code blocks' `text` and `lang`). */
const asCodes = (blocks: readonly { code: string; lang: string }[]) =>
  blocks.map(({ code, lang }) => ({ text: code, lang }));

/** Texts the line rules take, with what could trip a line-by-line reading. */
const LINE_LOCAL: { code: string; lang: string }[] = [
  { lang: 'ts', code: "const a = 'it\\'s // not a comment'; // but this is\nconst b = \"x\";" },
  {
    lang: 'ts',
    code: 'export const X = defineCommand({\n  meta: { key: "k", n: 1.5e3 },\n  list: [A, B],\n});',
  },
  { lang: 'ts', code: 'const offset = 1;\nconst getter = obj.get(key);\nreturn value;' },
  { lang: 'ts', code: 'type T = { a?: string };\nconst y = x ? 1 : 2;\nconst re = a / b / c;' },
  {
    lang: 'json',
    code: '{\n  "a": "b: c",\n  "d": [\n    1,\n    -2.5e-3,\n    "//",\n    true\n  ]\n}',
  },
  { lang: 'json', code: '{\n  "quote \\" inside": "and \\\\ backslash",\n  "x": null\n}' },
  { lang: 'ts', code: "const a = 'x'; // it's 'y'\nf(/ 'a' /, 'b/c', \"d\");" },
  { lang: 'ts', code: "const a = 'x';\nconst a = 'y & z';\nconst a = \"it's\";" },
  { lang: 'json', code: '{\n  "k": "v & <w>",\n  "n": "it\'s",\n  "k": "other"\n}' },
];

/**
 * Texts one rule refuses each. Every one of them highlights otherwise when read line by line:
 * highlight.js carries a mode, or a look-ahead, across their line breaks.
 */
const NOT_LINE_LOCAL: { code: string; lang: string }[] = [
  { lang: 'ts', code: '/**\n * A doc comment.\n */\nconst a = 1;' },
  { lang: 'ts', code: 'const f = (a,\n  b) => a + b;' },
  { lang: 'ts', code: 'const s = `multi\nline`;' },
  { lang: 'ts', code: 'function f(\n  a: number,\n) {}' },
  { lang: 'ts', code: 'class A\n  extends B {}' },
  { lang: 'ts', code: 'call\n  (arg);' },
  { lang: 'ts', code: 'const a = {\n  b\n  ?: c };' },
  { lang: 'ts', code: 'f(a,\n  /x+/g, b);' },
  { lang: 'ts', code: "const a = 'line \\\ncontinued';" },
  { lang: 'ts', code: 'x = <Foo>\n</Foo>;' },
  { lang: 'ts', code: 'const offset\n  foo();' },
  { lang: 'json', code: '{\n  "key"\n  : 1\n}' },
  { lang: 'json', code: '{ /* a\n comment */ }' },
];

const byLine = (code: string, lang: string) =>
  code
    .split('\n')
    .map((line) => whole(line, lang))
    .join('\n');

describe('site highlighting', () => {
  it('gives highlight.js bytes for every shipped block, highlighted by line', () => {
    resetSiteMemos();
    expect(SHIPPED.filter((block) => !isLineLocal(block.code, block.lang))).toStrictEqual([]);
    highlightBlocks(asCodes(SHIPPED));
    for (const { code, lang } of SHIPPED) expect(highlight(code, lang)).toBe(whole(code, lang));
  });

  it.each(LINE_LOCAL)('takes and highlights by line: %j', ({ code, lang }) => {
    resetSiteMemos();
    expect(isLineLocal(code, lang)).toBe(true);
    highlightBlocks([{ text: code, lang }]);
    expect(highlight(code, lang)).toBe(whole(code, lang));
  });

  it.each(NOT_LINE_LOCAL)('refuses, and highlights whole: %j', ({ code, lang }) => {
    resetSiteMemos();
    expect(isLineLocal(code, lang)).toBe(false);
    expect(byLine(code, lang)).not.toBe(whole(code, lang));
    highlightBlocks([{ text: code, lang }]);
    expect(highlight(code, lang)).toBe(whole(code, lang));
  });

  it('escapes other languages without highlight.js', () => {
    expect(isLineLocal('a < b', 'text')).toBe(false);
    expect(highlight("a < b & 'c'", 'text')).toBe('a &lt; b &amp; &#39;c&#39;');
  });

  it('keeps one entry per text, given twice or not, and its lines only when asked', () => {
    const texts = asCodes(LINE_LOCAL);
    const distinctLines = new Set(
      texts.flatMap(({ text, lang }) =>
        text.split('\n').flatMap((line) => (line ? [lang + line] : [])),
      ),
    );
    resetSiteMemos();
    highlightBlocks([...texts, ...texts.map((code) => ({ ...code }))]);
    expect(siteMemoEntries()).toBe(texts.length);
    resetSiteMemos();
    highlightBlocks(texts, true);
    expect(siteMemoEntries()).toBe(texts.length + distinctLines.size);
  });

  it('highlights the lines of many blocks in one batch and shares them', () => {
    resetSiteMemos();
    highlightBlocks(asCodes(LINE_LOCAL));
    for (const { code, lang } of LINE_LOCAL) expect(highlight(code, lang)).toBe(whole(code, lang));
  });
});
