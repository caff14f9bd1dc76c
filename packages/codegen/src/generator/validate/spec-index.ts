import { compareCodeUnits, compareSemver } from 'contracts-runtime/core';
import type { Spec, SpecKind } from '../ir/ir-schema.js';
import { compareLocations } from '../ir/sort-ir.js';
import { isSemver } from './semver.js';
import { specId } from './located.js';

/**
 * The specs of an IR by kind and `key@version`: a key is unique within its kind only (published
 * `OwnerShipMeta.key`, contracts-spec `ownership.ts`: "Must be unique within the spec type"), so a
 * feature and a capability may both be `marketplace@1.0.0`. When two specs of one kind share an id
 * (DUPLICATE_SPEC), the one declared first (by file, line, column) is the one references resolve to.
 */
export class SpecIndex {
  /**
   * kind -> key -> version -> the first declared spec: looked up by the strings a reference holds,
   * with no id string built per lookup. A key's versions are in declaration order.
   */
  private readonly byKind = new Map<SpecKind, Map<string, Map<string, Spec>>>();
  /** Specs in declaration order (file, line, column). */
  readonly ordered: readonly Spec[];

  constructor(specs: readonly Spec[]) {
    this.ordered = [...specs].sort((a, b) => compareLocations(a.source, b.source));
    for (const spec of this.ordered) {
      let byKey = this.byKind.get(spec.kind);
      if (byKey === undefined) {
        byKey = new Map();
        this.byKind.set(spec.kind, byKey);
      }
      let byVersion = byKey.get(spec.key);
      if (byVersion === undefined) {
        byVersion = new Map();
        byKey.set(spec.key, byVersion);
      }
      if (!byVersion.has(spec.version)) byVersion.set(spec.version, spec);
    }
  }

  /** The first declared spec of `kind` with this key and version. */
  get(kind: SpecKind, ref: { readonly key: string; readonly version: string }): Spec | undefined {
    return this.byKind.get(kind)?.get(ref.key)?.get(ref.version);
  }

  /** The specs of any kind with this key and version, in declaration order. */
  ofAnyKind(ref: { readonly key: string; readonly version: string }): Spec[] {
    const id = specId(ref);
    return this.ordered.filter((spec) => specId(spec) === id);
  }

  /** The versions of `key` declared in `kind`, sorted, for "did you mean" hints. */
  versionsOf(kind: SpecKind, key: string): string[] {
    return [...this.versionsIn(kind, key)].sort(compareCodeUnits);
  }

  /**
   * The highest semver version of `key` in `kind`: what a reference without a version means
   * (published `CapabilitySurfaceRef.version` and `CapabilityRequirement.version` are optional).
   */
  latest(kind: SpecKind, key: string): string | undefined {
    const versions = [...this.versionsIn(kind, key)].filter(isSemver);
    return versions.sort(compareSemver).at(-1);
  }

  private versionsIn(kind: SpecKind, key: string): Iterable<string> {
    return this.byKind.get(kind)?.get(key)?.keys() ?? [];
  }
}
