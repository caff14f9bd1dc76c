import MiniSearch, { type SearchResult } from 'minisearch';
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { TEMPLATES_DIR } from '../../packages/codegen/src/generator/emit/render-template.js';
import {
  SEARCH_OPTIONS,
  SEARCH_SHARD_SIZE,
  searchShardScript,
  type SearchDocument,
} from '../../packages/codegen/src/generator/emit/site/site-search.js';

type Shard = ReturnType<MiniSearch['toJSON']>;

/** The options `search.js` loads the index with (the same as the emitter's, plus its search options). */
const OPTIONS = {
  fields: [...SEARCH_OPTIONS.fields],
  storeFields: [...SEARCH_OPTIONS.storeFields],
  tokenize: (text: string) => text.split(/[\s\p{P}]+/u).filter(Boolean),
  searchOptions: {
    prefix: true,
    fuzzy: 0.1,
    combineWith: 'AND' as const,
    boost: { key: 3, title: 2, errors: 2 },
  },
};

/** `contractsMergeSearchShards` from the site's own asset, run as the browser runs it. */
function mergeOf(): (shards: Shard[]) => Shard | null {
  const context: { window: { contractsMergeSearchShards?: (shards: Shard[]) => Shard | null } } = {
    window: {},
  };
  runInNewContext(readFileSync(`${TEMPLATES_DIR}site/assets/search-shards.js`, 'utf8'), context);
  return context.window.contractsMergeSearchShards!;
}

/** The index object of a `search-index-<n>.js` script. */
function shardOf(script: string): Shard {
  const json = /\.push\((.*)\);\n$/s.exec(script)![1]!;
  return JSON.parse(json) as Shard;
}

/**
 * 250 documents in three shards where "cancel" is common in the first shard and rare in the last,
 * so a shard's own BM25 statistics rank its hits differently from the whole site's.
 */
function documents(): SearchDocument[] {
  return Array.from({ length: 250 }, (_, id) => ({
    id,
    key: `shop.op${String(id).padStart(4, '0')}.run`,
    title: `Operation ${id}`,
    description:
      id < 100 && id % 2 === 0
        ? `Cancel the order ${id} and cancel its lines`
        : id === 230
          ? 'Read order 230, then cancel the refund of the payment the customer made for it'
          : `Read order ${id}`,
    tags: id % 3 === 0 ? 'orders billing' : 'orders',
    fields: id % 5 === 0 ? 'orderId reason' : 'orderId',
    errors: id % 7 === 0 ? 'ORDER_NOT_FOUND' : '',
    kind: 'operation',
    path: `shop/shop.op${id}.run.html`,
  }));
}

/** Best score first, ties in document order: the order the search page lists hits in. */
const byRank = (a: SearchResult, b: SearchResult) => b.score - a.score || a.id - b.id;
const ranking = (hits: SearchResult[]) => [...hits].sort(byRank).map((hit) => [hit.id, hit.score]);

describe('search index shards joined in the browser (search-shards.js)', () => {
  const all = documents();
  const shards: Shard[] = [];
  for (let start = 0; start < all.length; start += SEARCH_SHARD_SIZE) {
    shards.push(shardOf(searchShardScript(all.slice(start, start + SEARCH_SHARD_SIZE))));
  }
  const whole = new MiniSearch<SearchDocument>(OPTIONS);
  whole.addAll(all);
  const merged = MiniSearch.loadJS(mergeOf()(shards)!, OPTIONS);
  const shardByShard = (query: string) =>
    shards.flatMap((shard) => MiniSearch.loadJS(shard, OPTIONS).search(query)).sort(byRank);

  it('scores every query as one index over all documents would', () => {
    expect(shards).toHaveLength(3);
    expect(merged.documentCount).toBe(250);
    for (const query of ['cancel', 'order', 'ORDER_NOT_FOUND', 'billing', 'shop.op0230', 'reas']) {
      const expected = whole.search(query).sort(byRank);
      const got = merged.search(query).sort(byRank);
      expect(
        got.map((hit) => hit.id),
        query,
      ).toStrictEqual(expected.map((hit) => hit.id));
      got.forEach((hit, at) => expect(hit.score).toBeCloseTo(expected[at]!.score, 9));
      expect(got.map((hit) => hit.key)).toStrictEqual(expected.map((hit) => hit.key));
    }
  });

  it('ranks differently from searching the shards one by one, which this replaces', () => {
    expect(ranking(shardByShard('cancel'))).not.toStrictEqual(ranking(whole.search('cancel')));
    // The one rare hit of the last shard outranked every hit of the first shard there.
    expect(shardByShard('cancel')[0]!.id).toBe(230);
    expect(merged.search('cancel').sort(byRank)[0]!.id).toBe(0);
  });

  it('gives null for a shard in another serialization format, so the page searches shard by shard', () => {
    expect(mergeOf()([{ ...shards[0]!, serializationVersion: 1 } as Shard])).toBeNull();
    expect(mergeOf()([])).toBeNull();
  });
});
