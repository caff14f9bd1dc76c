import hljs from 'highlight.js/lib/core';
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import {
  highlight,
  highlightBlocks,
  identifierShape,
  isLineLocal,
} from '../../packages/codegen/src/generator/emit/site/site-highlight.js';
import { resetSiteMemos } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { siteMemoEntries } from '../../packages/codegen/src/generator/emit/site/site-memo.js';
import { specExtras } from '../../packages/codegen/src/generator/emit/site/site-spec-extras.js';
import { syntheticProject } from '../support/synthetic-project.js';
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

/** The Source Definition of each spec of `ir`, as the site shows it. */
const sourceBlocks = (specs: ReturnType<typeof shippedIr>['specs']) =>
  specs.map((spec) => {
    const { imports, definition } = spec.sourceText;
    return { code: imports.length > 0 ? `${imports}\n\n${definition}` : definition, lang: 'ts' };
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
 * Lines whose identifiers the grammar reads by their text: keywords and built-ins (`Float32Array`,
 * `undefined`), words its patterns name anywhere in an identifier (`JSON…`, `eval…`, `require…`,
 * `$`, `…prototype…`), and names told apart by case or digits alone (`MAX_SIZE`, `Op0500`),
 * beside plain names that shape alike. Each must highlight, in one batch, as highlight.js
 * highlights it alone.
 */
const IDENTIFIER_LINES: string[] = [
  'const x = JSONObject.parse(JSON_VALUE), y = JSONish(jsonObject);',
  'evaluate(input); escapeHtml(a); requireAuth(b); parseIntValue(c); xeval(d);',
  'const buf = new Float32Array(8), Float33Array = Int8Array, Int9Array = 1;',
  'obj.prototype.x = Foo.prototype; console.log(MAX_SIZE, maxSize, Max_Size, M);',
  'const a$b = $(x); $.y; get$(); getter(); setter(); user.used; letter = 1;',
  '  name: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },',
  '  count: { type: ScalarTypeEnum.Int_unsecure(), isOptional: true },',
  'export const Op0500Command = defineCommand({',
  'export const Op0501Command = defineCommand({',
  'let value = await asyncThing(); if (isNaNish) return undefinedValue ?? undefined;',
  'const café = naïve + x1 + _private + __proto__ + Ünicode + 1e5 + 0xFF + 10n;',
  'const a = b as const satisfies C; export default interfaceName; new Klass(x);',
  'throw new MyError(NotFound.code, HTTP_404, Error, TypeError, this.state, super.x);',
  "if (kind === 'operation') { return OperationKind.Command; } else { x = A.B.C(); }",
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

  it.each(IDENTIFIER_LINES)('highlights identifiers as written, shaped or not: %s', (line) => {
    resetSiteMemos();
    const batch = IDENTIFIER_LINES.join('\n');
    highlightBlocks([
      { text: batch, lang: 'ts' },
      { text: line, lang: 'ts' },
    ]);
    expect(highlight(line, 'ts')).toBe(whole(line, 'ts'));
    expect(highlight(batch, 'ts')).toBe(whole(batch, 'ts'));
  });

  it('shapes plain names alike and keeps the words the grammar reads', () => {
    expect(
      identifierShape('  name: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },'),
    ).toBe(
      identifierShape('  hint: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },'),
    );
    expect(identifierShape('const Op0500Input = new SchemaModel({')).toBe(
      identifierShape('const Op0731Input = new SchemaModel({'),
    );
    expect(identifierShape('const Op0500Input = 1;')).not.toBe(
      identifierShape('const OP0500INPUT = 1;'),
    );
    expect(identifierShape('new Float32Array(JSONObject, evaluate, undefined);')).toBe(
      'new Float32Array(JSONObject, evaluate, undefined);',
    );
    expect(identifierShape("const a = 'x'; // note")).toBe("const a = 'x'; // note");
  });

  it('gives highlight.js bytes for every Source Definition of the synthetic corpus', () => {
    const project = syntheticProject('contracts-highlight-', 40);
    try {
      const blocks = sourceBlocks(
        buildIr({ specsDir: join(project, 'specs'), rootDir: project }).specs,
      );
      expect(blocks.length).toBeGreaterThan(40);
      resetSiteMemos();
      highlightBlocks(asCodes(blocks));
      for (const { code } of blocks) expect(highlight(code, 'ts')).toBe(whole(code, 'ts'));
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
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
