import hljs from 'highlight.js/lib/core';
import json from 'highlight.js/lib/languages/json';
import typescript from 'highlight.js/lib/languages/typescript';
import MarkdownIt from 'markdown-it';
import { createSlugger } from '../docs-markdown.js';

hljs.registerLanguage('ts', typescript);
hljs.registerLanguage('json', json);

const highlighted = new Map<string, string>();

/**
 * `code` highlighted by highlight.js as HTML (`<span class="hljs-…">`), for `ts` and `json`;
 * other languages come back escaped only. Results are cached by language and text, so a source
 * shown in every locale is highlighted once per process.
 */
export function highlight(code: string, lang: string): string {
  const key = `${lang}\u0000${code}`;
  let html = highlighted.get(key);
  if (html === undefined) {
    html = hljs.getLanguage(lang)
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : escapeHtml(code);
    highlighted.set(key, html);
  }
  return html;
}

/** `&`, `<`, `>`, `"` and `'` as character references (HTML Living Standard, text and attributes). */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const DOCS_LINK = /^((?:\.\.?\/)[^#]*?|[^:/#][^:#]*?)\.md(#.*)?$/;

/**
 * The site's markdown-it (CommonMark + GFM tables, raw HTML off): fenced code highlighted at build
 * time, every heading given GitHub's anchor as `id` (the anchors the docs pages link to), and
 * relative links to `.md` pages turned into links to the `.html` pages beside them.
 */
function createRenderer(): ReturnType<typeof MarkdownIt> {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.options.highlight = (code, lang) => highlight(code.replace(/\n$/, ''), lang || 'text');
  md.core.ruler.push('contracts_site', (state) => {
    const slug = createSlugger();
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === 'heading_open') token.attrSet('id', slug(tokens[i + 1]?.content ?? ''));
      if (token.type !== 'inline') continue;
      for (const child of token.children ?? []) {
        if (child.type !== 'link_open') continue;
        const href = String(child.attrGet('href') ?? '');
        const match = DOCS_LINK.exec(href);
        if (match) child.attrSet('href', `${match[1]}.html${match[2] ?? ''}`);
      }
    }
  });
  return md;
}

const renderer = createRenderer();

/**
 * Markdown -> HTML with the site's renderer. Tables are wrapped for horizontal scrolling.
 * @throws never: markdown-it renders any input.
 */
export function markdownToHtml(markdown: string): string {
  return renderer
    .render(markdown)
    .replace(/<table>/g, '<div class="table-wrap"><table>')
    .replace(/<\/table>/g, '</table></div>');
}
