import { compareCodeUnits } from 'contracts-runtime/core';
import type { Spec } from '../ir/ir-schema.js';
import { compareLocations } from '../ir/sort-ir.js';
import { specId } from './located.js';

/**
 * The specs of an IR by `key@version`. When two specs share an id (DUPLICATE_SPEC), the one
 * declared first (by file, line, column) is the one references resolve to.
 */
export class SpecIndex {
  private readonly byId = new Map<string, Spec>();
  private readonly versionsByKey = new Map<string, string[]>();
  /** Specs in declaration order (file, line, column). */
  readonly ordered: readonly Spec[];

  constructor(specs: readonly Spec[]) {
    this.ordered = [...specs].sort((a, b) => compareLocations(a.source, b.source));
    for (const spec of this.ordered) {
      const id = specId(spec);
      if (this.byId.has(id)) continue;
      this.byId.set(id, spec);
      const versions = this.versionsByKey.get(spec.key) ?? [];
      versions.push(spec.version);
      this.versionsByKey.set(spec.key, versions);
    }
  }

  get(ref: { readonly key: string; readonly version: string }): Spec | undefined {
    return this.byId.get(specId(ref));
  }

  /** The versions declared for `key`, sorted, for "did you mean" hints. */
  versionsOf(key: string): string[] {
    return [...(this.versionsByKey.get(key) ?? [])].sort(compareCodeUnits);
  }
}
