import type { Ir } from '../../ir/ir-schema.js';
import type { OutputFile } from '../output-file.js';
import { perIr } from '../per-ir-memo.js';
import { sharedOpenApi, type OpenApiOptions } from '../openapi-emitter.js';
import { apiParts, type ApiOperation } from './site-api-page.js';
import type { CatalogPart } from './site-catalog-parts.js';
import { digest, partDigest } from './site-fingerprint.js';

type Json = Record<string, unknown>;

/** What the site reads of the OpenAPI document of one IR, each part made on first use. */
export interface SiteApi {
  /** The document (the openapi surface's, shared: {@link sharedOpenApi}). */
  document(): Json;
  /** `JSON.stringify(document, null, 2)` and a line break: the bytes the openapi surface writes. */
  text(): string;
  /** The file at `path` holding {@link text}, as the openapi surface makes it ({@link sharedOpenApi}). */
  file(path: string): OutputFile;
  /** The operations in API reference parts ({@link apiParts}). */
  parts(): CatalogPart<ApiOperation>[];
  /** What the overview page shows of the document: info, servers, each part's operations. */
  readonly overviewKey: string;
  /**
   * The digest of one operation's JSON, once per operation object: the key of an operation that
   * serves no contract (the event stream). An operation that serves one is keyed by its spec: the
   * openapi surface builds it from that spec, the models, enums and strict model set (the
   * site's shared digest) and the surface options, and reads no other spec (openapi-emitter.ts).
   */
  entryKey(entry: ApiOperation): string;
}

/**
 * The {@link SiteApi} of `ir` and `options`, one per IR object and options: the document is built
 * at most once per IR (some 70 ms at 1,000 operations, and 45 ms more for its text), and not at
 * all by an emit whose pages are all memoized. Operation digests are kept per operation object, so
 * a document that reuses the objects of unchanged operations is digested only where it changed.
 * @throws Error as sharedOpenApi does (a model named like a problem schema).
 */
export function siteApi(ir: Ir, options: OpenApiOptions = {}): SiteApi {
  return siteApiOnce(ir, JSON.stringify(options));
}

const siteApiOnce = perIr((ir: Ir, optionsKey: string): SiteApi => {
  const options = JSON.parse(optionsKey) as OpenApiOptions;
  let parts: CatalogPart<ApiOperation>[] | undefined;
  let overviewKey: string | undefined;
  const documentOf = () => sharedOpenApi(ir, options).document;
  const partsOf = () => (parts ??= apiParts(documentOf()));
  const api: SiteApi = {
    document: documentOf,
    text: () => sharedOpenApi(ir, options).text(),
    file: (path) => sharedOpenApi(ir, options).file(path),
    parts: partsOf,
    get overviewKey() {
      return (overviewKey ??= digest(
        JSON.stringify([documentOf()['info'], documentOf()['servers']]),
        JSON.stringify(
          partsOf().map((part) => [
            part.file,
            part.entries.map((entry) => [entry.heading, entry.operation['summary'] ?? '']),
          ]),
        ),
      ));
    },
    entryKey: (entry) => partDigest(entry.operation),
  };
  return api;
});
