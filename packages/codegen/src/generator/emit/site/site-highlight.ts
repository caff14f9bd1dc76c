import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';
import { SweptMemo } from './site-memo.js';

hljs.registerLanguage('ts', typescript);
hljs.registerLanguage('json', json);

/**
 * Build-time highlighting with highlight.js 11 (`ts` and `json`), memoized by language and text
 * across locales and emits. highlight.js costs about 1 µs per character, so a 1,000-operation site
 * (1 MB of Source Definition, 0.7 MB of JSON) is highlighted line by line where that gives the
 * very bytes of highlighting the whole text: every distinct line once, all of them in one call.
 */

const blocks = new SweptMemo<string>();
const lines = new SweptMemo<string>();

const key = (lang: string, text: string) => `${lang}\u0000${text}`;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
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
 * Highlights every distinct line of `texts` (all {@link isLineLocal}) that the line memo lacks, in
 * one highlight.js call on the lines joined by line breaks. The joined text is line-local too (each
 * line starts in the top mode whatever precedes it), so its output splits into the lines' outputs;
 * if a line's output does not balance its spans, nothing is stored and false is returned.
 */
function highlightLines(texts: readonly string[], lang: string): boolean {
  const wanted = new Set<string>();
  for (const text of texts) {
    for (const line of text.split('\n')) {
      if (line !== '' && lines.get(key(lang, line)) === undefined) wanted.add(line);
    }
  }
  if (wanted.size === 0) return true;
  const distinct = [...wanted];
  const output = highlightWhole(distinct.join('\n'), lang).split('\n');
  if (output.length !== distinct.length || !output.every(balanced)) return false;
  distinct.forEach((line, at) => lines.set(key(lang, line), output[at]!));
  return true;
}

function fromLines(text: string, lang: string): string | undefined {
  let html = '';
  const parts = text.split('\n');
  for (let at = 0; at < parts.length; at++) {
    const line = parts[at]!;
    const lineHtml = line === '' ? '' : lines.get(key(lang, line));
    if (lineHtml === undefined) return undefined;
    html += at === 0 ? lineHtml : `\n${lineHtml}`;
  }
  return html;
}

/**
 * Fills the memo of {@link highlight} for many blocks at once: the blocks of `ts` or `json` that are
 * {@link isLineLocal} are highlighted by distinct line, in one call per language, and then
 * `highlight(code, lang)` of each is a memo hit; the others are left to {@link highlight}, which
 * highlights them whole.
 */
export function highlightBlocks(
  items: Iterable<{ readonly code: string; readonly lang: string }>,
): void {
  const byLang = new Map<string, string[]>();
  for (const { code, lang } of items) {
    if (blocks.get(key(lang, code)) !== undefined) continue;
    if (!isLineLocal(code, lang)) continue;
    const list = byLang.get(lang) ?? [];
    list.push(code);
    byLang.set(lang, list);
  }
  for (const [lang, texts] of byLang) {
    if (!highlightLines(texts, lang)) continue;
    for (const text of texts) {
      const html = fromLines(text, lang);
      if (html !== undefined) blocks.set(key(lang, text), html);
    }
  }
}

/**
 * `code` highlighted by highlight.js as HTML (`<span class="hljs-…">`) for `ts` and `json`; any
 * other language comes back escaped only (`'` as `&#39;`). Memoized by language and text, so a
 * source shown in every locale, or again in the next watch-mode emit, is highlighted once.
 */
export function highlight(code: string, lang: string): string {
  return blocks.getOrMake(key(lang, code), () => highlightWhole(code, lang));
}
