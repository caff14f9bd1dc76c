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

/**
 * Operations and presentations also explain why (`goal`) and where (`context`). `title` is optional,
 * as in the published `OwnerShipMeta` (contracts-spec `ownership.ts`).
 */
export interface OperationMeta extends BaseMeta {
  readonly goal: string;
  readonly context: string;
  /** Published `OperationSpecMeta.kind`: only typed literals (`const X: OperationSpec`) write it. */
  readonly kind?: 'command' | 'query';
}

export type EventMeta = BaseMeta;

export type CapabilityKind = 'integration' | 'data' | 'ui' | 'api' | 'event';

export interface CapabilityMeta extends BaseMeta {
  readonly kind: CapabilityKind;
}

export type FeatureMeta = BaseMeta;

export interface PresentationMeta extends BaseMeta {
  readonly goal: string;
  readonly context: string;
}

export interface DataViewMeta extends BaseMeta {
  /** The entity the view lists, e.g. `harness_run`. */
  readonly entity: string;
}

export type FormMeta = BaseMeta;

/** A reference to another spec by key and version. `X.meta` satisfies it. */
export interface SpecRef {
  readonly key: string;
  readonly version: string;
}
