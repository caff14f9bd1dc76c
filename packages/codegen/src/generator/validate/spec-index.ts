import { compareCodeUnits, compareSemver } from 'contracts-runtime/core';
import type { Spec, SpecKind } from '../ir/ir-schema.js';
import { compareLocations } from '../ir/sort-ir.js';
import { isSemver } from './semver.js';
import { specId } from './located.js';

function kindKey(kind: SpecKind, id: string): string {
  return `${kind}\u0000${id}`;
}

/**
 * The specs of an IR by kind and `key@version`: a key is unique within its kind only (published
 * `OwnerShipMeta.key`, contracts-spec `ownership.ts`: "Must be unique within the spec type"), so a
 * feature and a capability may both be `marketplace@1.0.0`. When two specs of one kind share an id
 * (DUPLICATE_SPEC), the one declared first (by file, line, column) is the one references resolve to.
 */
export class SpecIndex {
  private readonly byId = new Map<string, Spec>();
  private readonly versionsByKey = new Map<string, string[]>();
  /** Specs in declaration order (file, line, column). */
  readonly ordered: readonly Spec[];

  constructor(specs: readonly Spec[]) {
    this.ordered = [...specs].sort((a, b) => compareLocations(a.source, b.source));
    for (const spec of this.ordered) {
      const id = kindKey(spec.kind, specId(spec));
      if (this.byId.has(id)) continue;
      this.byId.set(id, spec);
      const versions = this.versionsByKey.get(kindKey(spec.kind, spec.key)) ?? [];
      versions.push(spec.version);
      this.versionsByKey.set(kindKey(spec.kind, spec.key), versions);
    }
  }

  /** The first declared spec of `kind` with this key and version. */
  get(kind: SpecKind, ref: { readonly key: string; readonly version: string }): Spec | undefined {
    return this.byId.get(kindKey(kind, specId(ref)));
  }

  /** The specs of any kind with this key and version, in declaration order. */
  ofAnyKind(ref: { readonly key: string; readonly version: string }): Spec[] {
    const id = specId(ref);
    return this.ordered.filter((spec) => specId(spec) === id);
  }

  /** The versions of `key` declared in `kind`, sorted, for "did you mean" hints. */
  versionsOf(kind: SpecKind, key: string): string[] {
    return [...(this.versionsByKey.get(kindKey(kind, key)) ?? [])].sort(compareCodeUnits);
  }

  /**
   * The highest semver version of `key` in `kind`: what a reference without a version means
   * (published `CapabilitySurfaceRef.version` and `CapabilityRequirement.version` are optional).
   */
  latest(kind: SpecKind, key: string): string | undefined {
    const versions = (this.versionsByKey.get(kindKey(kind, key)) ?? []).filter(isSemver);
    return versions.sort(compareSemver).at(-1);
  }
}
