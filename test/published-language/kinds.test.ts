import { describe, expect, it } from 'vitest';
import { loc } from '../parse/support.js';
import { irOf, META } from './support.js';

const file = 'specs/x.ts';

describe('published features: `capabilities` is an object', () => {
  const { ir, sources } = irOf(`export const Cap = defineCapability({
  meta: { key: 'market', version: '1.0.0', kind: 'data', ${META} },
  extends: { key: 'market', version: '1.0.0' },
  provides: [{ surface: 'workflow', key: 'market.flow' }],
  requires: [{ key: 'auth.core', kind: 'api', optional: true }],
});

export const Feat = defineFeature({
  meta: { key: 'market', version: '1.0.0', docId: [docRef('docs.market')], ${META} },
  capabilities: { provides: [Cap.meta], requires: [{ key: 'auth.core', reason: 'logins' }] },
  workflows: [{ key: 'market.flow', version: '1.0.0' }],
  docs: ['docs.market'],
});`);

  it('reads a feature and a capability sharing key@version: keys are unique within a kind', () => {
    expect(ir.diagnostics).toStrictEqual([]);
  });

  it('maps capabilities.provides and .requires, and keeps the other lists as data', () => {
    const feature = ir.specs.find((spec) => spec.kind === 'feature');
    expect(feature).toMatchObject({ kind: 'feature' });
    if (feature?.kind !== 'feature') throw new Error('no feature');
    expect(feature.meta.docId).toStrictEqual(['docs.market']);
    expect(feature.capabilities).toStrictEqual([
      { key: 'market', version: '1.0.0', source: loc(sources, file, 'Cap.meta') },
    ]);
    expect(feature.capabilityRequires).toStrictEqual([
      {
        key: 'auth.core',
        optional: false,
        reason: 'logins',
        source: loc(sources, file, "{ key: 'auth.core', reason"),
      },
    ]);
    expect(feature.data).toStrictEqual({
      workflows: [{ key: 'market.flow', version: '1.0.0' }],
      docs: ['docs.market'],
    });
  });

  it('maps capability extends, a provides entry without version and a requirement kind', () => {
    const capability = ir.specs.find((spec) => spec.kind === 'capability');
    if (capability?.kind !== 'capability') throw new Error('no capability');
    expect(capability.extends).toStrictEqual({
      key: 'market',
      version: '1.0.0',
      source: loc(sources, file, "{ key: 'market', version: '1.0.0' },\n  provides"),
    });
    expect(capability.provides).toStrictEqual([
      {
        surface: 'workflow',
        key: 'market.flow',
        source: loc(sources, file, "{ surface: 'workflow'"),
      },
    ]);
    expect(capability.requires).toStrictEqual([
      {
        key: 'auth.core',
        kind: 'api',
        optional: true,
        source: loc(sources, file, "{ key: 'auth.core', kind"),
      },
    ]);
  });
});

describe('published forms: labelI18n, the 19 kinds, op: { name, version }', () => {
  const { ir, sources } = irOf(`export const Run = defineCommand({
  meta: { key: 'pub.run', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: new SchemaModel({ name: 'RunOut', fields: {} }) },
  policy: { auth: 'user' },
});

export const RunForm = defineFormSpec({
  meta: { key: 'pub.form', version: '1.0.0', ${META} },
  model: new SchemaModel({ name: 'RunFormModel', fields: {} }),
  fields: [
    { kind: 'email', name: 'mail', labelI18n: 'form.mail', placeholderI18n: 'you@x', required: true },
    { kind: 'select', name: 'mode', labelI18n: 'form.mode', options: [{ labelI18n: 'Fast', value: 'fast' }] },
    { kind: 'group', legendI18n: 'form.more', fields: [{ kind: 'switch', name: 'dry' }] },
    { kind: 'array', name: 'tags', of: { kind: 'text', name: 'tag' }, max: 3 },
  ],
  layout: { columns: 2 },
  actions: [{ key: 'go', labelI18n: 'form.go', op: { name: 'pub.run', version: '1.0.0' }, success: { toastI18n: 'done' } }],
  renderHints: { ui: 'shadcn', form: 'react-hook-form' },
});`);

  it('reports nothing', () => {
    expect(ir.diagnostics).toStrictEqual([]);
  });

  it('maps fields, nested fields, actions and form settings exactly', () => {
    const form = ir.specs.find((spec) => spec.kind === 'form');
    if (form?.kind !== 'form') throw new Error('no form');
    expect(form.fields).toStrictEqual([
      {
        kind: 'email',
        name: 'mail',
        label: 'form.mail',
        required: true,
        data: { placeholderI18n: 'you@x' },
      },
      {
        kind: 'select',
        name: 'mode',
        label: 'form.mode',
        required: false,
        data: { options: [{ labelI18n: 'Fast', value: 'fast' }] },
      },
      {
        kind: 'group',
        required: false,
        fields: [{ kind: 'switch', name: 'dry', required: false }],
        data: { legendI18n: 'form.more' },
      },
      {
        kind: 'array',
        name: 'tags',
        required: false,
        of: { kind: 'text', name: 'tag', required: false },
        data: { max: 3 },
      },
    ]);
    expect(form.actions).toStrictEqual([
      {
        key: 'go',
        label: 'form.go',
        operation: {
          key: 'pub.run',
          version: '1.0.0',
          source: loc(sources, file, "{ name: 'pub.run'"),
        },
        data: { success: { toastI18n: 'done' } },
      },
    ]);
    expect(form.data).toStrictEqual({
      layout: { columns: 2 },
      renderHints: { ui: 'shadcn', form: 'react-hook-form' },
    });
  });
});

describe('published presentations and data views', () => {
  const { ir, sources } =
    irOf(`const Props = defineSchemaModel({ name: 'AuditProps', fields: { runId: { type: ScalarTypeEnum.ID(), isOptional: false } } });

export const Audit = definePresentation({
  meta: { key: 'pub.audit', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  source: { type: 'component', framework: 'react', componentKey: 'pubAudit', props: Props },
  targets: ['react', 'application/xml'],
});

export const Doc = definePresentation({
  meta: { key: 'pub.doc', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  source: { type: 'blocknotejs', docJson: { blocks: [] } },
  targets: ['markdown'],
});

export const List = defineQuery({
  meta: { key: 'pub.list', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: Props },
  policy: { auth: 'user' },
});

export const Table = defineDataView({
  meta: { key: 'pub.table', version: '1.0.0', entity: 'run', ${META} },
  source: { primary: List.meta, refreshEvents: [{ key: 'pub.ran', version: '1.0.0' }] },
  view: {
    kind: 'table',
    fields: [{ key: 'runId', label: 'Run', dataPath: 'runId', sortable: true, width: 'md' }],
    filters: [{ key: 'on', label: 'On', field: 'runId', type: 'boolean' }],
    columns: [{ field: 'runId', pinned: 'left' }],
    selection: 'multiple',
  },
});`);

  it('reports nothing', () => {
    expect(ir.diagnostics).toStrictEqual([]);
  });

  it('keeps source.props as the props model, and a BlockNote document as data', () => {
    const audit = ir.specs.find((spec) => spec.key === 'pub.audit');
    const doc = ir.specs.find((spec) => spec.key === 'pub.doc');
    expect(audit?.kind === 'presentation' && audit.content).toStrictEqual({
      type: 'component',
      framework: 'react',
      componentKey: 'pubAudit',
      props: 'AuditProps',
    });
    expect(audit?.kind === 'presentation' && audit.targets).toStrictEqual([
      'react',
      'application/xml',
    ]);
    expect(doc?.kind === 'presentation' && doc.content).toStrictEqual({
      type: 'blocknotejs',
      docJson: { blocks: [] },
    });
  });

  it('maps table settings, field and filter extras as data', () => {
    const table = ir.specs.find((spec) => spec.kind === 'dataView');
    if (table?.kind !== 'dataView') throw new Error('no data view');
    expect(table.data).toStrictEqual({
      'source.refreshEvents': [{ key: 'pub.ran', version: '1.0.0' }],
      'view.columns': [{ field: 'runId', pinned: 'left' }],
      'view.selection': 'multiple',
    });
    expect(table.view).toStrictEqual({
      kind: 'table',
      fields: [
        { key: 'runId', label: 'Run', dataPath: 'runId', data: { sortable: true, width: 'md' } },
      ],
      secondaryFields: [],
      filters: [{ key: 'on', label: 'On', field: 'runId', type: 'boolean' }],
    });
    expect(table.query).toStrictEqual({
      key: 'pub.list',
      version: '1.0.0',
      source: loc(sources, file, 'List.meta'),
    });
  });
});

describe('typed spec literals are read as specs of their kind', () => {
  const { ir, sources } =
    irOf(`import type { PresentationSpec, OperationSpec } from '@contractspec/lib.contracts-spec';

export const Typed: PresentationSpec = {
  meta: { key: 'pub.typed', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  source: { type: 'component', framework: 'react', componentKey: 'typed' },
  targets: ['react'],
};

export const TypedQuery: OperationSpec<any, any> = {
  meta: { key: 'pub.q', version: '1.0.0', kind: 'query', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: new SchemaModel({ name: 'QOut', fields: {} }) },
  policy: { auth: 'anonymous' },
};

export const Untyped: OperationSpec = {
  meta: { key: 'pub.u', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: new SchemaModel({ name: 'QOut', fields: {} }) },
  policy: { auth: 'anonymous' },
};`);

  it('reads PresentationSpec and OperationSpec literals; an operation literal must name meta.kind', () => {
    expect(ir.specs.map((spec) => [spec.kind, spec.key, spec.exportName])).toStrictEqual([
      ['operation', 'pub.q', 'TypedQuery'],
      ['presentation', 'pub.typed', 'Typed'],
    ]);
    const query = ir.specs[0];
    expect(query?.kind === 'operation' && query.operationKind).toBe('query');
    expect(ir.diagnostics).toStrictEqual([
      {
        severity: 'error',
        code: 'INVALID_SPEC_SHAPE',
        message: '`meta.kind` is missing',
        ...loc(sources, file, '{\n  meta: {', 2),
      },
    ]);
  });
});
