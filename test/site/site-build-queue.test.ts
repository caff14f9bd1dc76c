import { afterEach, describe, expect, it } from 'vitest';
import {
  SITE_BATCH_SIZE,
  SiteBuildQueue,
} from '../../packages/codegen/src/generator/emit/site/site-build-queue.js';
import { highlight } from '../../packages/codegen/src/generator/emit/site/site-highlight.js';
import { clearSiteMemos } from '../../packages/codegen/src/generator/emit/site/site-memo.js';

/*
 * The site's build queue renders its texts in batches, so a large site never holds every page's
 * inputs until the end of the emit; the texts are those one batch at the end would give.
 */

afterEach(() => clearSiteMemos());

const code = (at: number) => ({
  fence: '```',
  text: `const value${at % 7} = { key: 'k${at}', count: ${at} };`,
  lang: 'ts',
});

describe('SiteBuildQueue', () => {
  it('hands each full batch over before finish, in order, with its code highlighted', () => {
    const queue = new SiteBuildQueue(false);
    const taken: string[] = [];
    const total = 2 * SITE_BATCH_SIZE + 5;
    for (let at = 0; at < total; at++) {
      const block = code(at);
      queue.text(
        () => 'unused',
        () => ({
          codes: [block],
          render: () => `page ${at}: ${highlight(block.text, block.lang)}`,
        }),
        (text) => taken.push(text),
      );
      expect(taken).toHaveLength(Math.floor((at + 1) / SITE_BATCH_SIZE) * SITE_BATCH_SIZE);
    }
    queue.finish();
    expect(taken).toHaveLength(total);
    clearSiteMemos();
    // The same texts as highlighting each block on its own, with nothing memoized.
    const alone = Array.from({ length: total }, (_, at) => {
      clearSiteMemos();
      return `page ${at}: ${highlight(code(at).text, 'ts')}`;
    });
    expect(taken).toEqual(alone);
    expect(taken[3]).toContain('<span class="hljs-');
  });

  it('renders a text that joins a fragment asked for in an earlier batch', () => {
    const queue = new SiteBuildQueue(false);
    const fragment = queue.text(
      () => 'unused',
      () => ({ render: () => 'fragment' }),
    );
    const taken: string[] = [];
    for (let at = 0; at < SITE_BATCH_SIZE + 1; at++) {
      queue.text(
        () => 'unused',
        () => ({ render: () => `page ${at} with ${fragment()}` }),
        (text) => taken.push(text),
      );
    }
    queue.finish();
    expect(taken.at(-1)).toBe(`page ${SITE_BATCH_SIZE} with fragment`);
    expect(fragment()).toBe('fragment');
  });
});
