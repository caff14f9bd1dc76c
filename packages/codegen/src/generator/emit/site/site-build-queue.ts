import type { DocsCode } from '../docs-markdown.js';
import { highlightBlocks } from './site-highlight.js';
import { SweptMemo } from './site-memo.js';

/**
 * How a text is built: the code blocks it shows (highlighted before it renders), then its text.
 * `render` should build the page's view model itself where it can, so that no view waits in the
 * queue for {@link SiteBuildQueue.finish}.
 */
export interface Prepared {
  readonly codes?: Iterable<DocsCode>;
  readonly render: () => string;
}

/**
 * Every page, fragment and asset of the latest watch-mode emits by the key of what it is built from
 * (the site options and catalogs, the IR's shared parts, the page's own spec or entries): an emit
 * reuses the texts whose inputs did not change and drops the rest (see {@link SweptMemo}).
 */
const texts = new SweptMemo<string>();

/**
 * `text` flattened: a page is joined by `+` from thousands of pieces, which V8 holds as a tree of
 * them (a rope) until its characters are read; `charCodeAt` makes it one string in place. Done as
 * each page is rendered, the pieces are garbage at once and the emit's output is already flat when
 * it is compared and written.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

interface Pending {
  readonly key: string | undefined;
  render: (() => string) | undefined;
  text?: string;
  /** Takes the text once rendered, instead of the entry keeping it. */
  readonly take?: (text: string) => void;
}

/**
 * How many texts wait in the queue before they are rendered. Rendering every page of a large
 * corpus at the end kept all of their prepared inputs and highlighted code alive until then, so
 * they were promoted and piled up in the old generation: at 2,000 operations a generation peaked
 * at 334 MiB RSS, against 286-293 MiB in batches of 64, in no more time.
 */
export const SITE_BATCH_SIZE = 64;

/**
 * One emit's texts: {@link SiteBuildQueue.text} returns a memoized text at once, or prepares it
 * (its code blocks) and renders it with the others of its batch of {@link SITE_BATCH_SIZE} (the
 * last batch in {@link SiteBuildQueue.finish}), after highlight.js has run once over the batch's
 * code blocks, by distinct line (site-highlight.ts; the lines highlighted stay memoized for the
 * later batches of the emit), in the order the texts were asked for (so a page can join fragments
 * asked before it). With `memoize` false (a one-shot emit, `keepsEmitMemos()` false: no later
 * emit reads the memo) no key is made, looked up or stored.
 */
export class SiteBuildQueue {
  private readonly pending: Pending[] = [];
  private readonly codes: DocsCode[] = [];

  constructor(private readonly memoize: boolean) {}

  /**
   * The text whose inputs `key()` names: memoized, or made by `prepare` and rendered with its
   * batch; `key` is called only when the queue memoizes. With `take`, the text goes to `take` (a
   * memoized one at once, a rendered one with its batch) instead of being kept for the returned
   * function, which must then not be called before {@link finish}.
   */
  text(key: () => string, prepare: () => Prepared, take?: (text: string) => void): () => string {
    const memoKey = this.memoize ? key() : undefined;
    if (memoKey !== undefined) {
      const hit = texts.get(memoKey);
      if (hit !== undefined) {
        take?.(hit);
        return () => hit;
      }
    }
    const prepared = prepare();
    for (const code of prepared.codes ?? []) this.codes.push(code);
    const entry: Pending = { key: memoKey, render: prepared.render, ...(take ? { take } : {}) };
    this.pending.push(entry);
    if (this.pending.length >= SITE_BATCH_SIZE) this.render(true);
    return () => entry.text!;
  }

  /** Renders the texts still queued: the last batch. */
  finish(): void {
    this.render(this.memoize);
  }

  /**
   * Highlights every queued code block, then renders (and, when memoizing, memoizes) every queued
   * text as one flat string, letting go of each text's inputs once it is rendered, and of the text
   * itself once its `take` has it; `keepLines` keeps the highlighted lines for the next batch.
   */
  private render(keepLines: boolean): void {
    const pending = this.pending.splice(0);
    highlightBlocks(this.codes.splice(0), keepLines);
    for (const entry of pending) {
      const text = flat(entry.render!());
      entry.render = undefined;
      if (entry.key !== undefined) texts.set(entry.key, text);
      if (entry.take) entry.take(text);
      else entry.text = text;
    }
  }
}
