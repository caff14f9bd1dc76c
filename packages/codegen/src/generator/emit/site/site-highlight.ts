import type { HLJSApi, LanguageFn } from 'highlight.js';
import { createRequire } from 'node:module';
import { SweptMemo } from './site-memo.js';

// Required, not imported: Node reads no CommonJS exports list for them (a few ms each).
const require = createRequire(import.meta.url);
const hljs = require('highlight.js/lib/core') as HLJSApi;
hljs.registerLanguage('ts', require('highlight.js/lib/languages/typescript') as LanguageFn);
hljs.registerLanguage('json', require('highlight.js/lib/languages/json') as LanguageFn);

/**
 * Build-time highlighting with highlight.js 11 (`ts` and `json`), memoized by language and text
 * across locales and emits. highlight.js costs about 1 µs per character, so a 1,000-operation site
 * (1 MB of Source Definition, 0.7 MB of JSON) is highlighted line by line where that gives the
 * very bytes of highlighting the whole text: every distinct line once, all of them in one call,
 * and lines that differ only in the text of their string literals, or only in the letters and
 * digits of their identifiers, as one line.
 */

/** A memo per language, keyed by the text itself (a key built of language and text is copied). */
class MemoByLanguage {
  private readonly memos = new Map<string, SweptMemo<string>>();

  of(lang: string): SweptMemo<string> {
    let memo = this.memos.get(lang);
    if (memo === undefined) {
      memo = new SweptMemo<string>();
      this.memos.set(lang, memo);
    }
    return memo;
  }
}

const blocks = new MemoByLanguage();
const lines = new MemoByLanguage();

/**
 * `text` escaped for HTML, `'` as `apostrophe`: a language highlight.js does not know is escaped
 * with `&#39;` (the site's own escaping), a literal put back into highlight.js output with
 * `&#x27;`, as highlight.js's `escapeHTML` (`lib/core.js`) writes it.
 */
function escapeHtml(text: string, apostrophe = '&#39;'): string {
  if (!/[&<>"']/.test(text)) return text;
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, apostrophe);
}

function highlightWhole(code: string, lang: string): string {
  return hljs.getLanguage(lang)
    ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
    : escapeHtml(code);
}

/**
 * Whether highlight.js, run on the whole of `code`, starts every line in its top mode and needs no
 * character of another line to highlight one: then the whole text highlights as its lines do, one
 * by one, joined by line breaks. Read off the grammars of highlight.js 11 (`languages/json`,
 * `languages/typescript` with the JavaScript rules it extends); any rule that can reach past a line
 * break rules the text out:
 * - both: block comments (`/*`), a line ending in `\` (an escaped line break in a string), `\r`;
 * - JSON: a line starting with `:` (an attribute's `(?=\s*:)` look-ahead across the break);
 * - TypeScript: template strings (`` ` ``), arrow functions (`=>`: the parameter rule spans
 *   lines), `<` (JSX and `<…>` tags), `#` (shebang, illegal), `"use strict"`, the keywords whose
 *   rules take `\s+` across lines (`function`, `class`, `interface`, `namespace`, `constructor`), `) {`
 *   (a method head's `\)\s*\{`), and lines starting with `(`, `?` or a lone `/` (look-aheads and
 *   the value rule's regular expression, reached from the line before) or ending in `get`/`set`.
 * The rules were checked against highlight.js's own output on every shipped and synthetic spec
 * (test/site); {@link highlightBlocks} also checks each batch's output and falls back.
 */
export function isLineLocal(code: string, lang: string): boolean {
  const rule = NOT_LINE_LOCAL[lang];
  return rule !== undefined && !rule.test(code);
}

const NOT_LINE_LOCAL: Readonly<Record<string, RegExp>> = {
  json: /\r|\/\*|\*\/|\\$|^\s*:/m,
  ts: /\r|\/\*|\*\/|\\$|[`<#]|=>|use strict|\)\s*\{|\b(?:function|class|interface|namespace|constructor)\b|^\s*(?:[(?]|\/(?!\/))|(?:get|set)\s*$/m,
};

/**
 * `text` held by V8 at one byte per character when every character fits (U+0000–U+00FF).
 * highlight.js can give two-byte strings for Latin-1 input (seen on shaped lines), and a page
 * built from one is then held, compared and encoded at two bytes per character.
 */
function latin1Held(text: string): string {
  return /[^\x00-\xff]/.test(text) ? text : Buffer.from(text, 'latin1').toString('latin1');
}

/** Whether each `<span` of `html` closes within it and no `</span>` closes one opened before it. */
function balanced(html: string): boolean {
  let depth = 0;
  for (let at = html.indexOf('<'); at >= 0; at = html.indexOf('<', at + 1)) {
    if (html.startsWith('<span', at)) depth++;
    else if (html.startsWith('</span>', at) && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * Highlights every distinct line of `texts` (each given as its lines, all {@link isLineLocal}) that
 * the line memo lacks, in one highlight.js call on the lines joined by line breaks. The joined text
 * is line-local too (each line starts in the top mode whatever precedes it), so its output splits
 * into the lines' outputs; if a line's output does not balance its spans, nothing is stored and
 * false is returned. Lines that differ only in the text of their string literals, or in the
 * letters of their identifiers, are highlighted once, as one {@link LiteralShape} and
 * {@link identifierShape}.
 */
function highlightLines(texts: readonly (readonly string[])[], lang: string): boolean {
  const memo = lines.of(lang);
  const wanted = new Set<string>();
  for (const text of texts) {
    for (const line of text) {
      if (line !== '' && memo.get(line) === undefined) wanted.add(line);
    }
  }
  if (wanted.size === 0) return true;
  const distinct = [...wanted];
  const spans = LITERAL_SPANS[lang];
  const shapes = distinct.map((line) => (spans ? literalShape(line) : null));
  const literalTexts = distinct.map((line, at) => shapes[at]?.text ?? line);
  const words = new Map<string, string>();
  const identifierTexts = literalTexts.map((text) =>
    lang === 'ts' ? identifierShape(text, words) : text,
  );
  const shapeAt = new Map<string, number>();
  const shapeTexts: string[] = [];
  for (const text of identifierTexts) {
    if (!shapeAt.has(text)) {
      shapeAt.set(text, shapeTexts.length);
      shapeTexts.push(text);
    }
  }
  const output = latin1Held(highlightWhole(shapeTexts.join('\n'), lang)).split('\n');
  if (output.length !== shapeTexts.length || !output.every(balanced)) return false;
  const made = new Map<string, string>();
  const unfilled: string[] = [];
  for (let at = 0; at < distinct.length; at++) {
    const line = distinct[at]!;
    const shape = shapes[at]!;
    const shaped = identifierTexts[at]!;
    const html = output[shapeAt.get(shaped)!]!;
    const literalHtml =
      shaped === literalTexts[at] ? html : restoreIdentifiers(html, shaped, literalTexts[at]!);
    const filled =
      literalHtml === null || shape === null ? literalHtml : fillShape(literalHtml, shape, spans!);
    if (filled === null) unfilled.push(line);
    else made.set(line, filled);
  }
  if (unfilled.length > 0) {
    const rest = latin1Held(highlightWhole(unfilled.join('\n'), lang)).split('\n');
    if (rest.length !== unfilled.length || !rest.every(balanced)) return false;
    unfilled.forEach((line, at) => made.set(line, rest[at]!));
  }
  for (const [line, html] of made) memo.set(line, html);
  return true;
}

/** A line with the text of its plain string literals taken out, in order. */
interface LiteralShape {
  /** The line with each such literal's text replaced by {@link HOLE}. */
  readonly text: string;
  readonly quotes: readonly string[];
  readonly contents: readonly string[];
}

/** Stands for a string literal's text in a {@link LiteralShape}; no line it is used on holds it. */
const HOLE = '\u0001';

/**
 * A quoted string with no escape, line break, `/` or {@link HOLE}. Within such a text the grammars
 * of highlight.js 11 match nothing but the string's end, and no rule that starts before the
 * string reads its text, so a line highlights as its shape does, with each literal's text, escaped,
 * in its hole:
 * - TypeScript (`languages/typescript` and the JavaScript rules it extends): the rules that look
 *   past a quote are the regular expression's `(?=[^/\n]*\/)`, which the text cannot answer
 *   without a `/`, and the `=>`, `) {` and `use strict` rules, which {@link isLineLocal} keeps off
 *   the line;
 * - JSON (`languages/json`): a key is one match of the whole string with `(?=\s*:)` after it,
 *   a value a string mode; no other rule reaches into a string.
 */
const PLAIN_LITERAL = /'[^'\\\r\n/\u0001]*'|"[^"\\\r\n/\u0001]*"/g;

/** The spans a plain literal of each language may be highlighted as (`attr`: a JSON key). */
const LITERAL_SPANS: Readonly<Record<string, readonly string[]>> = {
  ts: ['<span class="hljs-string">'],
  json: ['<span class="hljs-string">', '<span class="hljs-attr">'],
};

/** The {@link LiteralShape} of `line`, or null when it has no plain literal or holds a hole. */
function literalShape(line: string): LiteralShape | null {
  if (!line.includes("'") && !line.includes('"')) return null;
  if (line.includes(HOLE)) return null;
  const quotes: string[] = [];
  const contents: string[] = [];
  const text = line.replace(PLAIN_LITERAL, (literal) => {
    const quote = literal[0]!;
    quotes.push(quote);
    contents.push(literal.slice(1, -1));
    return `${quote}${HOLE}${quote}`;
  });
  return contents.length === 0 ? null : { text, quotes, contents };
}

const QUOTE_HTML: Readonly<Record<string, string>> = { "'": '&#x27;', '"': '&quot;' };

/**
 * The highlighted line of a shape: `html`, the shape's highlighting, with each hole given its
 * literal's text escaped as highlight.js escapes it; null unless every hole sits alone between its
 * quotes in one of the `spans` (then highlight.js read the literal as a string, as the reasoning
 * of {@link PLAIN_LITERAL} assumes).
 */
function fillShape(html: string, shape: LiteralShape, spans: readonly string[]): string | null {
  const parts = html.split(HOLE);
  if (parts.length !== shape.contents.length + 1) return null;
  let filled = parts[0]!;
  for (let at = 0; at < shape.contents.length; at++) {
    const quote = QUOTE_HTML[shape.quotes[at]!]!;
    const before = parts[at]!;
    if (!spans.some((span) => before.endsWith(span + quote))) return null;
    if (!parts[at + 1]!.startsWith(`${quote}</span>`)) return null;
    filled += escapeHtml(shape.contents[at]!, '&#x27;') + parts[at + 1]!;
  }
  return filled;
}

/**
 * The words of the TypeScript grammar (highlight.js 11, `languages/typescript` with the JavaScript
 * rules it extends) outside its comments, strings, numbers and regular expressions: the keyword
 * lists of every mode (`keywords`, also the built-ins a class reference is checked against) and
 * the words written into its patterns (`begin`, `match`, `end`, `illegal`: `JSON`, `eval`,
 * `require`, `constructor`, …). Read off the grammar itself, so a later highlight.js is read
 * as it is.
 */
function grammarWords(): { keywords: Set<string>; patternWords: string[] } {
  const keywords = new Set<string>();
  const patternWords = new Set<string>();
  const seen = new Set<object>();
  const literalScopes = new Set(['comment', 'string', 'number', 'regexp', 'subst']);
  const addKeywords = (value: unknown): void => {
    if (typeof value === 'string') for (const word of value.split(/\s+/)) keywords.add(word);
    else if (Array.isArray(value)) value.forEach(addKeywords);
    else if (value !== null && typeof value === 'object') {
      for (const [name, list] of Object.entries(value)) if (name !== '$pattern') addKeywords(list);
    }
  };
  const addPattern = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(addPattern);
    if (typeof value !== 'string' && !(value instanceof RegExp)) return;
    const source = typeof value === 'string' ? value : value.source;
    const literal = source.replace(/\\./g, ' ').replace(/\[[^\]]*\]/g, ' ');
    for (const [word] of literal.matchAll(/[A-Za-z$_][\w$]*/g)) patternWords.add(word);
  };
  const walk = (mode: unknown, parent: unknown): void => {
    const node = (mode === 'self' ? parent : mode) as Record<string, unknown> | null;
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    const scope = node.scope ?? node.className;
    if (typeof scope === 'string' && literalScopes.has(scope.split('.')[0]!)) return;
    addKeywords(node.keywords);
    addKeywords(node.beginKeywords);
    for (const field of ['begin', 'match', 'end', 'illegal']) addPattern(node[field]);
    for (const field of ['contains', 'variants']) {
      for (const child of (node[field] as unknown[] | undefined) ?? []) walk(child, node);
    }
    walk(node.starts, node);
  };
  walk(hljs.getLanguage('ts'), undefined);
  keywords.delete('');
  return { keywords, patternWords: [...patternWords] };
}

const TS_WORDS = grammarWords();

/** Whether a shape can be read as a keyword or a pattern word; if so, nothing is shaped. */
const SHAPES_CLASH = [...TS_WORDS.keywords, ...TS_WORDS.patternWords].some((word) =>
  /^[Xx0_]+$/.test(word),
);

/** An identifier of a line with no `/` (no comment, no regular expression) and no `\`. */
const IDENTIFIER = /(?<![\w$])[A-Za-z_$][\w$]*/g;

/**
 * Whether highlight.js reads `word` as it reads its {@link identifierShape}: the rules of the
 * TypeScript grammar that look at an identifier's text, rather than at which characters are upper
 * or lower case letters, digits or `_`, are its keyword lists (a whole identifier) and the words
 * of its patterns (anywhere in it: `\bJSON` reads the start of `JSONObject`, `$[(.]` a `$`
 * anywhere); a word that is a keyword or holds a pattern word keeps its text.
 */
function shapeable(word: string): boolean {
  return (
    !word.includes('$') &&
    !TS_WORDS.keywords.has(word) &&
    !TS_WORDS.patternWords.some((part) => word.includes(part))
  );
}

/** The shape of an identifier character: `X` for A-Z, `x` for a-z, `0` for a digit, `_` itself. */
const shapeOfChar = (char: string): string =>
  char >= 'a' && char <= 'z' ? 'x' : char >= 'A' && char <= 'Z' ? 'X' : char === '_' ? '_' : '0';

/**
 * `text` (a TypeScript line, literal-shaped) with each {@link shapeable} identifier written in
 * `X`, `x`, `0` and `_`, character for character, so lines that differ only in their names
 * highlight as one: `  name: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },` and
 * `  count: { type: …` share a shape. No keyword or pattern word is made of those characters, so
 * a shape is read by the same rules as the identifier it stands for. A line holding `/` or `\`
 * (where a comment, a regular expression or an escape could reach into a word) keeps its text.
 * `shapes` memoizes the shape of each word across the lines of a batch.
 */
export function identifierShape(text: string, shapes = new Map<string, string>()): string {
  if (SHAPES_CLASH || text.includes('/') || text.includes('\\')) return text;
  return text.replace(IDENTIFIER, (word) => {
    let shape = shapes.get(word);
    if (shape === undefined) {
      shape = shapeable(word) ? word.replace(/./g, shapeOfChar) : word;
      shapes.set(word, shape);
    }
    return shape;
  });
}

/**
 * The highlighting of `original` from that of its {@link identifierShape} `shaped` (same length):
 * the text characters of `html` (outside tags; an entity is one character) are those of `shaped`
 * in order, each replaced by `original`'s character at its place. Null when they are not (then
 * the line is highlighted as it is).
 */
function restoreIdentifiers(html: string, shaped: string, original: string): string | null {
  let restored = '';
  let at = 0;
  let copied = 0;
  for (let index = 0; index < html.length; index++) {
    const char = html[index]!;
    if (char === '<') {
      index = html.indexOf('>', index);
      if (index < 0) return null;
    } else if (char === '&') {
      index = html.indexOf(';', index);
      if (index < 0 || shaped[at] !== original[at]) return null;
      at++;
    } else {
      if (char !== shaped[at]) return null;
      if (char !== original[at]) {
        restored += html.slice(copied, index) + original[at];
        copied = index + 1;
      }
      at++;
    }
  }
  return at === shaped.length ? restored + html.slice(copied) : null;
}

/** A text, given as its lines, from the line memo; undefined when a line is not in it. */
function fromLines(parts: readonly string[], lang: string): string | undefined {
  const memo = lines.of(lang);
  let html = '';
  for (let at = 0; at < parts.length; at++) {
    const line = parts[at]!;
    const lineHtml = line === '' ? '' : memo.get(line);
    if (lineHtml === undefined) return undefined;
    html += at === 0 ? lineHtml : `\n${lineHtml}`;
  }
  return html;
}

/**
 * Fills the memo of {@link highlight} for many blocks at once: the distinct texts of `ts` or `json`
 * blocks that are {@link isLineLocal} are highlighted by distinct line, in one call per language,
 * and then `highlight(text, lang)` of each is a memo hit; the others are left to
 * {@link highlight}, which highlights them whole. The same text in several blocks (a source shown
 * in every locale) is read once. The highlighted lines are kept for a later batch only with
 * `keepLines` (a watch-mode emit); a one-shot emit has no later batch.
 */
export function highlightBlocks(
  items: Iterable<{ readonly text: string; readonly lang: string }>,
  keepLines = false,
): void {
  const byLang = new Map<string, Set<string>>();
  for (const { text, lang } of items) {
    let texts = byLang.get(lang);
    if (texts === undefined) {
      if (NOT_LINE_LOCAL[lang] === undefined) continue;
      texts = new Set();
      byLang.set(lang, texts);
    }
    texts.add(text);
  }
  for (const [lang, distinct] of byLang) {
    const memo = blocks.of(lang);
    const texts = [...distinct].filter(
      (text) => memo.get(text) === undefined && isLineLocal(text, lang),
    );
    const split = texts.map((text) => text.split('\n'));
    if (highlightLines(split, lang)) {
      for (let at = 0; at < texts.length; at++) {
        const html = fromLines(split[at]!, lang);
        if (html !== undefined) memo.set(texts[at]!, html);
      }
    }
    if (!keepLines) lines.of(lang).clear();
  }
}

/**
 * `code` highlighted by highlight.js as HTML (`<span class="hljs-…">`) for `ts` and `json`; any
 * other language comes back escaped only (`'` as `&#39;`). Memoized by language and text, so a
 * source shown in every locale, or again in the next watch-mode emit, is highlighted once.
 */
export function highlight(code: string, lang: string): string {
  return blocks.of(lang).getOrMake(code, () => highlightWhole(code, lang));
}
