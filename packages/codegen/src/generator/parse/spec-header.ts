import type { Meta, SourceLocation } from '../ir/ir-schema.js';

/**
 * What the extractor knows about a spec before reading its object: the const's name, where that
 * name is declared, and the verbatim source text kept for the docs.
 */
export interface SpecHeader {
  readonly exportName: string;
  readonly source: SourceLocation;
  readonly sourceText: { readonly imports: string; readonly definition: string };
}

/** The fields every IR spec shares, in the IR's key order. */
export function specBase(meta: Meta, header: SpecHeader) {
  return {
    key: meta.key,
    version: meta.version,
    meta,
    exportName: header.exportName,
    source: header.source,
    sourceText: { imports: header.sourceText.imports, definition: header.sourceText.definition },
  };
}
