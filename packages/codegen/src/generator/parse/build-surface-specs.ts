import type { DataViewSpec, FormSpec, PresentationSpec } from '../ir/ir-schema.js';
import { readMeta, readPolicy } from './read-meta.js';
import { readItems, readOneOf, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';
import type { StaticValue } from './static-value.js';

const TARGETS = ['react', 'markdown', 'application/json'] as const;
const VIEW_KINDS = ['list', 'table', 'detail'] as const;
const FILTER_TYPES = ['search', 'enum', 'date', 'number'] as const;
const FORM_FIELD_KINDS = ['text', 'textarea', 'select', 'checkbox', 'number', 'date'] as const;

/** Reads each item of `root[key]` as an object with `read`; the entry reader rejects unknown fields. */
function readObjects<T>(
  root: ShapeReader,
  key: string,
  read: (entry: ShapeReader, item: StaticValue) => T | undefined,
  from: ShapeReader = root,
): T[] {
  return readItems(from.list(key), from.pathOf(key), (item, path) => {
    const entry = ShapeReader.open(root.sink, item, path);
    if (!entry) return undefined;
    const value = read(entry, item);
    entry.rejectUnknown();
    return value;
  });
}

/**
 * `definePresentation` (specs/language/specs.ts `PresentationSpec`) -> IR presentation: `source`
 * becomes `content`; missing `targets` are [].
 */
export function buildPresentation(
  root: ShapeReader,
  header: SpecHeader,
): PresentationSpec | undefined {
  const meta = readMeta(root, 'presentation');
  const capability = root.specRef('capability');
  const source = root.object('source', true);
  const type = source?.oneOf('type', ['component'] as const, true);
  const framework = source?.oneOf('framework', ['react'] as const, true);
  const componentKey = source?.string('componentKey', true);
  source?.rejectUnknown();
  const targets = readItems(root.list('targets'), 'targets', (item, path) =>
    readOneOf(root.sink, item, path, TARGETS),
  );
  const policy = readPolicy(root, false);
  root.rejectUnknown();
  if (!meta || type === undefined || framework === undefined || componentKey === undefined)
    return undefined;
  return {
    kind: 'presentation',
    ...specBase(meta, header),
    ...(capability ? { capability } : {}),
    content: { type, framework, componentKey },
    targets,
    policy,
  };
}

/**
 * `defineDataView` (specs/language/specs.ts `DataViewSpec`) -> IR data view: `source.primary`
 * becomes `query`; missing `secondaryFields`/`filters`/`fields` are [].
 */
export function buildDataView(root: ShapeReader, header: SpecHeader): DataViewSpec | undefined {
  const meta = readMeta(root, 'dataView');
  const source = root.object('source', true);
  const query = source?.specRef('primary', true);
  source?.rejectUnknown();
  const view = root.object('view', true);
  const kind = view?.oneOf('kind', VIEW_KINDS, true);
  const fields = view
    ? readObjects(
        root,
        'fields',
        (entry) => {
          const key = entry.string('key', true);
          const label = entry.string('label', true);
          const dataPath = entry.string('dataPath', true);
          return key === undefined || label === undefined || dataPath === undefined
            ? undefined
            : { key, label, dataPath };
        },
        view,
      )
    : [];
  const primaryField = view?.string('primaryField');
  const secondaryFields = view?.stringList('secondaryFields') ?? [];
  const filters = view
    ? readObjects(
        root,
        'filters',
        (entry) => {
          const key = entry.string('key', true);
          const label = entry.string('label', true);
          const field = entry.string('field', true);
          const type = entry.oneOf('type', FILTER_TYPES, true);
          return key === undefined ||
            label === undefined ||
            field === undefined ||
            type === undefined
            ? undefined
            : { key, label, field, type };
        },
        view,
      )
    : [];
  view?.rejectUnknown();
  const policy = readPolicy(root, false);
  root.rejectUnknown();
  if (!meta || !query || kind === undefined) return undefined;
  return {
    kind: 'dataView',
    ...specBase(meta, header),
    query,
    view: {
      kind,
      fields,
      ...(primaryField === undefined ? {} : { primaryField }),
      secondaryFields,
      filters,
    },
    policy,
  };
}

/**
 * `defineFormSpec` (specs/language/specs.ts `FormSpec`) -> IR form: `labelKey` becomes `label`,
 * `op` becomes `operation`, a missing `required` is false, missing lists are [].
 */
export function buildForm(root: ShapeReader, header: SpecHeader): FormSpec | undefined {
  const meta = readMeta(root, 'form');
  const model = root.model('model');
  const fields = readObjects(root, 'fields', (entry) => {
    const kind = entry.oneOf('kind', FORM_FIELD_KINDS, true);
    const name = entry.string('name', true);
    const label = entry.string('labelKey', true);
    const required = entry.boolean('required') ?? false;
    return kind === undefined || name === undefined || label === undefined
      ? undefined
      : { kind, name, label, required };
  });
  const actions = readObjects(root, 'actions', (entry) => {
    const key = entry.string('key', true);
    const label = entry.string('labelKey', true);
    const operation = entry.specRef('op', true);
    return key === undefined || label === undefined || !operation
      ? undefined
      : { key, label, operation };
  });
  const policy = readPolicy(root, false);
  root.rejectUnknown();
  if (!meta || typeof model !== 'string') return undefined;
  return { kind: 'form', ...specBase(meta, header), model, fields, actions, policy };
}
