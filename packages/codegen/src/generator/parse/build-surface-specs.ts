import type {
  DataFields,
  DataViewSpec,
  FormField,
  FormSpec,
  PresentationSpec,
} from '../ir/ir-schema.js';
import { toDataValue } from './data-value.js';
import { readMeta, readPolicy } from './read-meta.js';
import { readItems, readOneOf, ShapeReader } from './shape-reader.js';
import { specBase, type SpecHeader } from './spec-header.js';
import type { StaticValue } from './static-value.js';

/** Published `PresentationTarget` (`presentations/presentations.ts`). */
const TARGETS = ['react', 'markdown', 'application/json', 'application/xml'] as const;
/** Published data view kinds (`data-views/types.ts`). */
const VIEW_KINDS = ['list', 'detail', 'table', 'grid'] as const;
/** Published filter types (`data-views/types.ts`). */
const FILTER_TYPES = [
  'search',
  'enum',
  'number',
  'percent',
  'currency',
  'date',
  'time',
  'datetime',
  'duration',
  'boolean',
] as const;
/** The 19 published form field kinds (`forms/forms.ts`). */
export const FORM_FIELD_KINDS = [
  'text',
  'email',
  'textarea',
  'select',
  'checkbox',
  'radio',
  'switch',
  'autocomplete',
  'address',
  'phone',
  'number',
  'percent',
  'currency',
  'date',
  'time',
  'datetime',
  'duration',
  'group',
  'array',
] as const;

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

function withData<T extends object>(
  value: T,
  data: DataFields | undefined,
): T & { data?: DataFields } {
  return data === undefined ? value : { ...value, data };
}

/**
 * `definePresentation` (published `presentations/presentations.ts`) -> IR presentation: `source`
 * becomes `content`, a react component (`componentKey`, `props?` model) or a BlockNote document
 * (`docJson`, `blockConfig?`, kept as data); missing `targets` are [].
 */
export function buildPresentation(
  root: ShapeReader,
  header: SpecHeader,
): PresentationSpec | undefined {
  const meta = readMeta(root, 'presentation');
  const capability = root.specRef('capability');
  const source = root.object('source', true);
  const type = source?.oneOf('type', ['component', 'blocknotejs'] as const, true);
  let content: PresentationSpec['content'] | undefined;
  if (source && type === 'component') {
    const framework = source.oneOf('framework', ['react'] as const, true);
    const componentKey = source.string('componentKey', true);
    const props = source.optionalModel('props');
    if (framework !== undefined && componentKey !== undefined)
      content = {
        type,
        framework,
        componentKey,
        ...(props === undefined ? {} : { props }),
      };
  } else if (source && type === 'blocknotejs') {
    const docJson = source.field('docJson');
    if (docJson === undefined) source.missing('docJson');
    const doc = docJson && toDataValue(source.sink, docJson, source.pathOf('docJson'));
    const blockConfig = source.data(['blockConfig'])?.blockConfig;
    if (doc !== undefined)
      content = { type, docJson: doc, ...(blockConfig === undefined ? {} : { blockConfig }) };
  }
  source?.rejectUnknown();
  const targets = readItems(root.list('targets'), 'targets', (item, path) =>
    readOneOf(root.sink, item, path, TARGETS),
  );
  const policy = readPolicy(root, false);
  root.rejectUnknown();
  if (!meta || !content) return undefined;
  return {
    kind: 'presentation',
    ...specBase(meta, header),
    ...(capability ? { capability } : {}),
    content,
    targets,
    policy,
  };
}

/** Published data view field properties beyond key, label, dataPath (`data-views/types.ts`). */
const VIEW_FIELD_DATA = [
  'description',
  'format',
  'sortable',
  'filterable',
  'width',
  'overflow',
  'presentation',
  'visibility',
] as const;
/** Published view settings per kind (list, detail, table, grid), kept as data. */
const VIEW_DATA = [
  'filterScope',
  'actions',
  'layout',
  'collection',
  'sections',
  'columns',
  'executionMode',
  'selection',
  'columnVisibility',
  'columnResizing',
  'columnPinning',
  'rowExpansion',
  'initialState',
  'rowSelectable',
  'density',
] as const;

/**
 * `defineDataView` (published `data-views/spec.ts`, `types.ts`) -> IR data view: `source.primary`
 * becomes `query`; missing `secondaryFields`/`filters`/`fields` are []; the published source,
 * states, experiments and view settings the surfaces do not read are kept as data.
 */
export function buildDataView(root: ShapeReader, header: SpecHeader): DataViewSpec | undefined {
  const meta = readMeta(root, 'dataView');
  const source = root.object('source', true);
  const query = source?.specRef('primary', true);
  const sourceData = source?.data(['item', 'mutations', 'refreshEvents'], 'source.');
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
          const data = entry.data(VIEW_FIELD_DATA);
          return key === undefined || label === undefined || dataPath === undefined
            ? undefined
            : withData({ key, label, dataPath }, data);
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
          const data = entry.data(['options', 'operator', 'valueMode']);
          return key === undefined ||
            label === undefined ||
            field === undefined ||
            type === undefined
            ? undefined
            : withData({ key, label, field, type }, data);
        },
        view,
      )
    : [];
  const viewData = view?.data(VIEW_DATA, 'view.');
  view?.rejectUnknown();
  const policy = readPolicy(root, false);
  const rootData = root.data(['states', 'experiments']);
  root.rejectUnknown();
  if (!meta || !query || kind === undefined) return undefined;
  const data =
    sourceData || viewData || rootData ? { ...sourceData, ...rootData, ...viewData } : undefined;
  return {
    kind: 'dataView',
    ...specBase(meta, header),
    ...(data === undefined ? {} : { data }),
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

/** Published form field properties kept as data (`forms/forms.ts`, `BaseFieldSpec` and per kind). */
const FORM_FIELD_DATA = [
  'descriptionI18n',
  'placeholderI18n',
  'visibleWhen',
  'enabledWhen',
  'requiredWhen',
  'uiKey',
  'uiProps',
  'layout',
  'wrapper',
  'readOnly',
  'autoComplete',
  'keyboard',
  'computeFrom',
  'options',
  'inputGroup',
  'password',
  'inputMode',
  'minLength',
  'maxLength',
  'rows',
  'source',
  'valueMapping',
  'multiple',
  'parts',
  'countryOptions',
  'min',
  'max',
  'step',
  'format',
  'minDate',
  'maxDate',
  'is24Hour',
  'legendI18n',
] as const;

/**
 * One form field: `labelI18n` (published) or `labelKey` (this language's earlier name) becomes
 * `label`; `name` is required except on groups; a group's `fields` and an array's `of` are read as
 * nested fields.
 */
function readFormField(entry: ShapeReader): FormField | undefined {
  const kind = entry.oneOf('kind', FORM_FIELD_KINDS, true);
  const name = entry.string('name', kind !== undefined && kind !== 'group');
  const label = entry.has('labelKey') ? entry.string('labelKey') : entry.string('labelI18n');
  const required = entry.boolean('required') ?? false;
  const children =
    kind === 'group' ? readObjects(entry, 'fields', (child) => readFormField(child)) : undefined;
  if (kind === 'group' && !entry.has('fields')) entry.missing('fields');
  let of: FormField | undefined;
  if (kind === 'array') {
    const item = entry.object('of', true);
    of = item && readFormField(item);
    item?.rejectUnknown();
  }
  const data = entry.data(FORM_FIELD_DATA);
  if (kind === undefined || (kind !== 'group' && name === undefined)) return undefined;
  return {
    kind,
    ...(name === undefined ? {} : { name }),
    ...(label === undefined ? {} : { label }),
    required,
    ...(children === undefined ? {} : { fields: children }),
    ...(of === undefined ? {} : { of }),
    ...(data === undefined ? {} : { data }),
  };
}

/**
 * `defineFormSpec` (published `forms/forms.ts`) -> IR form: fields as {@link readFormField};
 * actions `{ key, labelI18n, op?: { name, version }, success? }` (`labelKey` and `op: { key,
 * version }` are this language's earlier spellings) -> `{ key, label, operation?, data? }`; layout,
 * renderHints and constraints are kept as data; missing lists are [].
 */
export function buildForm(root: ShapeReader, header: SpecHeader): FormSpec | undefined {
  const meta = readMeta(root, 'form');
  const model = root.model('model');
  const fields = readObjects(root, 'fields', (entry) => readFormField(entry));
  const actions = readObjects(root, 'actions', (entry) => {
    const key = entry.string('key', true);
    const label = entry.has('labelKey')
      ? entry.string('labelKey')
      : entry.string('labelI18n', true);
    const operation = entry.specRef('op');
    const data = entry.data(['success']);
    return key === undefined || label === undefined
      ? undefined
      : withData({ key, label, ...(operation ? { operation } : {}) }, data);
  });
  const policy = readPolicy(root, false);
  const data = root.data(['layout', 'renderHints', 'constraints']);
  root.rejectUnknown();
  if (!meta || typeof model !== 'string') return undefined;
  return {
    kind: 'form',
    ...specBase(meta, header),
    ...(data === undefined ? {} : { data }),
    model,
    fields,
    actions,
    policy,
  };
}
