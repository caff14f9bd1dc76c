import type { DocId, Stability } from './enums.js';

/** Fields every spec's `meta` carries. `version` is semver (`1.0.0`). */
export interface BaseMeta {
  readonly key: string;
  readonly version: string;
  readonly title?: string;
  readonly description: string;
  readonly domain?: string;
  readonly owners: readonly string[];
  readonly tags: readonly string[];
  readonly stability: Stability;
  readonly docId?: readonly DocId[];
}

/** Operations and presentations also explain why (`goal`) and where (`context`). */
export interface OperationMeta extends BaseMeta {
  readonly title: string;
  readonly goal: string;
  readonly context: string;
}

export type EventMeta = BaseMeta;

export type CapabilityKind = 'integration' | 'data' | 'ui' | 'api' | 'event';

export interface CapabilityMeta extends BaseMeta {
  readonly kind: CapabilityKind;
  readonly title: string;
}

export interface FeatureMeta extends BaseMeta {
  readonly title: string;
}

export type PresentationMeta = OperationMeta;

export interface DataViewMeta extends BaseMeta {
  readonly title: string;
  /** The entity the view lists, e.g. `harness_run`. */
  readonly entity: string;
}

export interface FormMeta extends BaseMeta {
  readonly title: string;
}

/** A reference to another spec by key and version. `X.meta` satisfies it. */
export interface SpecRef {
  readonly key: string;
  readonly version: string;
}
