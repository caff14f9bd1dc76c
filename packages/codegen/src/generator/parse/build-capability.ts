import {
  SurfaceSchema,
  type CapabilitySpec,
  type FeatureSpec,
  type Requirement,
  type SpecRef,
} from '../ir/ir-schema.js';
import { readMeta } from './read-meta.js';
import { readItems, readSpecRef, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';
import { describeValue } from './static-value.js';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';

const CAPABILITY_KINDS = ['api', 'event', 'data', 'ui', 'integration'] as const;

function readProvides(root: ShapeReader): CapabilitySpec['provides'] {
  return readItems(root.list('provides'), 'provides', (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const surface = entry.oneOf('surface', SurfaceSchema.options, true);
    const key = entry.string('key', true);
    const version = entry.string('version');
    const description = entry.string('description');
    entry.rejectUnknown();
    if (surface === undefined || key === undefined) return undefined;
    return {
      surface,
      key,
      ...(version === undefined ? {} : { version }),
      ...(description === undefined ? {} : { description }),
      source: item.at,
    };
  });
}

/**
 * Requirements (published `CapabilityRequirement`, `capabilities/capabilities.ts`):
 * `{ key, version?, kind?, optional?, reason? }`; a missing `optional` is false.
 */
export function readRequirements(root: ShapeReader, key: string): Requirement[] {
  return readItems(root.list(key), root.pathOf(key), (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const requiredKey = entry.string('key', true);
    const version = entry.string('version');
    const kind = entry.oneOf('kind', CAPABILITY_KINDS);
    const optional = entry.boolean('optional') ?? false;
    const reason = entry.string('reason');
    entry.rejectUnknown();
    if (requiredKey === undefined) return undefined;
    return {
      key: requiredKey,
      ...(version === undefined ? {} : { version }),
      ...(kind === undefined ? {} : { kind }),
      optional,
      ...(reason === undefined ? {} : { reason }),
      source: item.at,
    };
  });
}

/**
 * `defineCapability` (language `CapabilitySpec`, published `capabilities/capabilities.ts`) -> IR
 * capability: `extends?`, `provides` (surface, key, version?, description?) and `requires`; missing
 * lists are []. Each entry's `source` is where the entry is written.
 */
export function buildCapability(root: ShapeReader, header: SpecHeader): CapabilitySpec | undefined {
  const meta = readMeta(root, 'capability');
  const parent = root.specRef('extends');
  const provides = readProvides(root);
  const requires = readRequirements(root, 'requires');
  root.rejectUnknown();
  if (!meta) return undefined;
  return {
    kind: 'capability',
    ...specBase(meta, header),
    ...(parent ? { extends: parent } : {}),
    provides,
    requires,
  };
}

function refs(root: ShapeReader, key: string): SpecRef[] {
  return readItems(root.list(key), root.pathOf(key), (item, path) =>
    readSpecRef(root.sink, item, path),
  );
}

/** Feature fields of the published language (`features/types.ts`) kept as data. */
const FEATURE_DATA = [
  'experiments',
  'opToPresentation',
  'presentationsTargets',
  'visualizations',
  'workflows',
  'knowledge',
  'telemetry',
  'policies',
  'integrations',
  'jobs',
  'translations',
  'docs',
  'implementations',
] as const;

/**
 * A feature's `capabilities`: the published object `{ provides?: Ref[], requires?: Requirement[] }`
 * (`features/types.ts`), or a plain list of refs (this language's earlier form, read as `provides`).
 */
function readFeatureCapabilities(root: ShapeReader): {
  provides: SpecRef[];
  requires?: Requirement[];
} {
  const value = root.field('capabilities');
  if (value === undefined) return { provides: [] };
  if (value.kind === 'array') return { provides: refs(root, 'capabilities') };
  if (value.kind !== 'object') {
    root.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`capabilities\` must be an object \`{ provides?, requires? }\` or an array, found ${describeValue(value)}`,
      value.at,
    );
    return { provides: [] };
  }
  const capabilities = root.object('capabilities')!;
  const provides = refs(capabilities, 'provides');
  const requires = capabilities.has('requires')
    ? readRequirements(capabilities, 'requires')
    : undefined;
  capabilities.rejectUnknown();
  return { provides, ...(requires === undefined ? {} : { requires }) };
}

/**
 * `defineFeature` (language `FeatureSpec`, published `FeatureModuleSpec`) -> IR feature; missing
 * lists are []; published lists the generator emits nothing for are kept as data.
 */
export function buildFeature(root: ShapeReader, header: SpecHeader): FeatureSpec | undefined {
  const meta = readMeta(root, 'feature');
  const operations = refs(root, 'operations');
  const events = refs(root, 'events');
  const presentations = refs(root, 'presentations');
  const capabilities = readFeatureCapabilities(root);
  const dataViews = refs(root, 'dataViews');
  const forms = refs(root, 'forms');
  const data = root.data(FEATURE_DATA);
  root.rejectUnknown();
  if (!meta) return undefined;
  return {
    kind: 'feature',
    ...specBase(meta, header),
    ...(data === undefined ? {} : { data }),
    operations,
    events,
    presentations,
    capabilities: capabilities.provides,
    ...(capabilities.requires === undefined ? {} : { capabilityRequires: capabilities.requires }),
    dataViews,
    forms,
  };
}
