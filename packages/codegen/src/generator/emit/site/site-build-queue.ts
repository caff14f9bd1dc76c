import type { DocsCode } from '../docs-markdown.js';
import { highlightBlocks } from './site-highlight.js';
import { SweptMemo } from './site-memo.js';

/** How a text is built: the code blocks it shows (highlighted before it renders), then its text. */
export interface Prepared {
  readonly codes?: Iterable<DocsCode>;
  readonly render: () => string;
}

/**
 * Every page, fragment and asset of the latest emits by the key of what it is built from (the
 * site options and catalogs, the IR's shared parts, the page's own spec or entries): an emit reuses
 * the texts whose inputs did not change and drops the rest (see {@link SweptMemo}).
 */
const texts = new SweptMemo<string>();

/**
 * One emit's texts: {@link SiteBuildQueue.text} returns a memoized text at once, or prepares it
 * (a page's view model, with its code blocks) and renders it in {@link SiteBuildQueue.finish},
 * after highlight.js has run once over the code blocks of every page prepared (by distinct line,
 * site-highlight.ts), in the order the texts were asked for (so a page can join fragments asked
 * before it).
 */
export class SiteBuildQueue {
  private readonly pending: { key: string; render: () => string; text?: string }[] = [];
  private readonly codes: { code: string; lang: string }[] = [];

  /** The text under `key`: memoized, or made by `prepare` and rendered in {@link finish}. */
  text(key: string, prepare: () => Prepared): () => string {
    const hit = texts.get(key);
    if (hit !== undefined) return () => hit;
    const prepared = prepare();
    for (const code of prepared.codes ?? []) {
      this.codes.push({ code: code.text, lang: code.lang || 'text' });
    }
    const entry: { key: string; render: () => string; text?: string } = {
      key,
      render: prepared.render,
    };
    this.pending.push(entry);
    return () => entry.text!;
  }

  /** Highlights every queued code block, then renders and memoizes every queued text. */
  finish(): void {
    highlightBlocks(this.codes);
    for (const entry of this.pending) {
      entry.text = entry.render();
      texts.set(entry.key, entry.text);
    }
  }
}
