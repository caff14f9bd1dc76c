import {
  SurfaceSchema,
  type CapabilitySpec,
  type FeatureSpec,
  type SpecRef,
} from '../ir/ir-schema.js';
import { readMeta } from './read-meta.js';
import { readItems, readSpecRef, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';

function readProvides(root: ShapeReader): CapabilitySpec['provides'] {
  return readItems(root.list('provides'), 'provides', (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const surface = entry.oneOf('surface', SurfaceSchema.options, true);
    const key = entry.string('key', true);
    const version = entry.string('version', true);
    const description = entry.string('description');
    entry.rejectUnknown();
    if (surface === undefined || key === undefined || version === undefined) return undefined;
    return {
      surface,
      key,
      version,
      ...(description === undefined ? {} : { description }),
      source: item.at,
    };
  });
}

function readRequires(root: ShapeReader): CapabilitySpec['requires'] {
  return readItems(root.list('requires'), 'requires', (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const key = entry.string('key', true);
    const version = entry.string('version', true);
    const optional = entry.boolean('optional') ?? false;
    const reason = entry.string('reason');
    entry.rejectUnknown();
    if (key === undefined || version === undefined) return undefined;
    return { key, version, optional, ...(reason === undefined ? {} : { reason }), source: item.at };
  });
}

/**
 * `defineCapability` (specs/language/specs.ts `CapabilitySpec`) -> IR capability; missing
 * `provides`/`requires` are [], a missing `requires[].optional` is false. Each entry's `source` is
 * where the entry is written.
 */
export function buildCapability(root: ShapeReader, header: SpecHeader): CapabilitySpec | undefined {
  const meta = readMeta(root, 'capability');
  const provides = readProvides(root);
  const requires = readRequires(root);
  root.rejectUnknown();
  if (!meta) return undefined;
  return { kind: 'capability', ...specBase(meta, header), provides, requires };
}

function refs(root: ShapeReader, key: string): SpecRef[] {
  return readItems(root.list(key), key, (item, path) => readSpecRef(root.sink, item, path));
}

/** `defineFeature` (specs/language/specs.ts `FeatureSpec`) -> IR feature; missing lists are []. */
export function buildFeature(root: ShapeReader, header: SpecHeader): FeatureSpec | undefined {
  const meta = readMeta(root, 'feature');
  const operations = refs(root, 'operations');
  const events = refs(root, 'events');
  const presentations = refs(root, 'presentations');
  const capabilities = refs(root, 'capabilities');
  const dataViews = refs(root, 'dataViews');
  const forms = refs(root, 'forms');
  root.rejectUnknown();
  if (!meta) return undefined;
  return {
    kind: 'feature',
    ...specBase(meta, header),
    operations,
    events,
    presentations,
    capabilities,
    dataViews,
    forms,
  };
}
