import MiniSearch from 'minisearch';
import type { Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { titleOf, uniqueTags } from '../docs-spec-parts.js';
import { modelRefsOf } from '../model-graph.js';
import { pathInLocale } from './site-paths.js';

/**
 * One searchable page: what is matched (key, title, description, tags, field names, error codes)
 * and what a hit shows. The same in every locale: `kind` is the spec kind (`operation`), which the
 * search page shows by its label, and `path` is relative to the locale folder.
 */
export interface SearchDocument {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly tags: string;
  readonly fields: string;
  readonly errors: string;
  readonly kind: string;
  readonly path: string;
}

/**
 * The options the index is built with; `search.js` loads the joined shards with the same ones
 * (MiniSearch requires it). Keys and codes split on dots, underscores and hyphens too.
 */
export const SEARCH_OPTIONS = {
  fields: ['key', 'title', 'description', 'tags', 'fields', 'errors'],
  storeFields: ['key', 'title', 'kind', 'path'],
} as const;

/** Documents per search-index shard: a watch-mode change rebuilds one shard, not the index. */
export const SEARCH_SHARD_SIZE = 100;

function fieldNames(ctx: DocsContext, spec: Spec): string[] {
  return modelRefsOf(spec).flatMap((name) => ctx.model(name).fields.map((field) => field.name));
}

/** The search document of one spec page; `id` is the spec's index in the IR. */
export function searchDocument(ctx: DocsContext, spec: Spec, id: number): SearchDocument {
  return {
    id,
    key: spec.key,
    title: titleOf(spec),
    description: spec.meta.description ?? '',
    tags: uniqueTags(spec.meta.tags ?? []).join(' '),
    fields: fieldNames(ctx, spec).join(' '),
    errors: spec.kind === 'operation' ? spec.io.errors.map((error) => error.code).join(' ') : '',
    kind: spec.kind,
    path: pathInLocale(ctx.pages.pathOf(spec)),
  };
}

/**
 * `assets/search-index-<n>.js`: one shard's prebuilt MiniSearch index (`MiniSearch#toJSON`) as a
 * script that appends it to `window.contractsSearchShards`, so the search page works from
 * `file://`, where `fetch` of a local file is refused. Deterministic: documents are added in order.
 */
export function searchShardScript(documents: readonly SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>({
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
    tokenize: (text) => text.split(/[\s\p{P}]+/u).filter(Boolean),
  });
  index.addAll([...documents]);
  return `(window.contractsSearchShards = window.contractsSearchShards || []).push(${JSON.stringify(index)});\n`;
}
