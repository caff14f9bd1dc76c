import MiniSearch from 'minisearch';
import type { Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { kindLabelKey, titleOf, uniqueTags } from '../docs-spec-parts.js';
import { sitePathOfDocsPage } from './site-paths.js';

/** One searchable page: what is matched (key, title, description, tags, field names, error codes). */
export interface SearchDocument {
  readonly id: number;
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly tags: string;
  readonly fields: string;
  readonly errors: string;
  readonly kind: string;
  /** Relative to the locale folder. */
  readonly path: string;
}

/**
 * The options the index is built with; `site-search.js` loads the index with the same ones
 * (MiniSearch requires it). Keys and codes split on dots, underscores and hyphens too.
 */
export const SEARCH_OPTIONS = {
  fields: ['key', 'title', 'description', 'tags', 'fields', 'errors'],
  storeFields: ['key', 'title', 'kind', 'path'],
} as const;

function fieldNames(ctx: DocsContext, spec: Spec): string[] {
  const models =
    spec.kind === 'operation'
      ? [spec.io.input, spec.io.output].filter((name): name is string => name !== null)
      : spec.kind === 'event'
        ? [spec.payload]
        : spec.kind === 'form'
          ? [spec.model]
          : [];
  return models.flatMap((name) => ctx.model(name).fields.map((field) => field.name));
}

/** The search documents of one locale, one per spec page, in IR order. */
export function searchDocuments(ctx: DocsContext, locale: string): SearchDocument[] {
  return ctx.ir.specs.map((spec, id) => ({
    id,
    key: spec.key,
    title: titleOf(spec),
    description: spec.meta.description ?? '',
    tags: uniqueTags(spec.meta.tags ?? []).join(' '),
    fields: fieldNames(ctx, spec).join(' '),
    errors: spec.kind === 'operation' ? spec.io.errors.map((error) => error.code).join(' ') : '',
    kind: ctx.label(kindLabelKey(spec.kind)),
    path: sitePathOfDocsPage(locale, ctx.pages.pathOf(spec)).slice(locale.length + 1),
  }));
}

/**
 * `assets/search-index.<locale>.js`: the prebuilt MiniSearch index (`MiniSearch#toJSON`) as a
 * script that sets `window.contractsSearchIndex`, so the search page works from `file://`, where
 * `fetch` of a local file is refused. Deterministic: documents are added in IR order.
 */
export function searchIndexScript(documents: readonly SearchDocument[]): string {
  const index = new MiniSearch<SearchDocument>({
    fields: [...SEARCH_OPTIONS.fields],
    storeFields: [...SEARCH_OPTIONS.storeFields],
    tokenize: (text) => text.split(/[\s\p{P}]+/u).filter(Boolean),
  });
  index.addAll([...documents]);
  return `window.contractsSearchIndex = ${JSON.stringify(index)};\n`;
}
