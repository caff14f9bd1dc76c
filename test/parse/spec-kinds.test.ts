import { describe, expect, it } from 'vitest';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import type { Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { loc } from './support.js';

const IMPORTS = `import { definePresentation, defineDataView, defineFormSpec, defineFeature, defineEvent, defineQuery, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';`;
const META = `owners: ['o'], tags: [], stability: 'idea', description: 'd'`;

const DEFINITIONS = {
  presentation: `export const AuditPresentation = definePresentation({
  meta: { key: 'x.audit', version: '1.0.0', title: 'Audit', goal: 'g', context: 'c', ${META} },
  capability: { key: 'x.cap', version: '1.0.0' },
  source: { type: 'component', framework: 'react', componentKey: 'xAudit' },
  targets: ['react', 'markdown'],
});`,
  dataView: `export const RunIndex = defineDataView({
  meta: { key: 'x.index', version: '1.0.0', title: 'Runs', entity: 'x_run', ${META} },
  source: { primary: { key: 'x.list', version: '1.0.0' } },
  view: {
    kind: 'list',
    fields: [{ key: 'runId', label: 'Run', dataPath: 'runId' }],
    primaryField: 'runId',
    filters: [{ key: 'runId', label: 'Run ID', field: 'runId', type: 'search' }],
  },
  policy: { flags: ['beta'] },
});`,
  form: `export const RunForm = defineFormSpec({
  meta: { key: 'x.form', version: '1.0.0', title: 'Run', ${META} },
  model: new SchemaModel({ name: 'RunFormModel', fields: { prompt: { type: ScalarTypeEnum.String_unsecure(), isOptional: true } } }),
  fields: [
    { kind: 'textarea', name: 'prompt', labelKey: 'Prompt', required: true },
    { kind: 'text', name: 'mode', labelKey: 'Mode' },
  ],
  actions: [{ key: 'run', labelKey: 'Run it', op: { key: 'x.run', version: '1.0.0' } }],
  policy: { pii: ['prompt'] },
});`,
  feature: `export const XFeature = defineFeature({
  meta: { key: 'x.feature', version: '1.0.0', title: 'X', ${META} },
  events: [{ key: 'x.done', version: '1.0.0' }],
});`,
  event: `export const DoneEvent = defineEvent({
  meta: { key: 'x.done', version: '1.0.0', ${META} },
  capability: { key: 'x.cap', version: '1.0.0' },
  pii: ['secret'],
  payload: new SchemaModel({ name: 'DonePayload', fields: {} }),
});`,
  query: `export const ListQuery = defineQuery({
  meta: { key: 'x.list', version: '1.0.0', title: 'List', goal: 'g', context: 'c', ${META} },
  io: { input: null, output: new SchemaModel({ name: 'ListOutput', fields: {} }) },
  policy: { auth: 'admin' },
});`,
};

// File names that suggest another kind: only the callee decides.
const SOURCES = {
  'specs/a.command.ts': `${IMPORTS}\n\n${DEFINITIONS.presentation}\n\n${DEFINITIONS.dataView}\n`,
  'specs/b.event.ts': `${IMPORTS}\n\n${DEFINITIONS.form}\n\n${DEFINITIONS.feature}\n`,
  'specs/c.query.ts': `${IMPORTS}\n\n${DEFINITIONS.event}\n`,
  'specs/d.capability.ts': `${IMPORTS}\n\n${DEFINITIONS.query}\n`,
};

const base = (file: keyof typeof SOURCES, exportName: string, definition: string) => ({
  exportName,
  source: loc(SOURCES, file, `${exportName} =`),
  sourceText: { imports: IMPORTS, definition },
});
const meta = { description: 'd', owners: ['o'], tags: [], stability: 'idea' };

describe('parseSources: every spec kind, decided by the callee alone', () => {
  const ir = parseSources(SOURCES);

  it('reports nothing', () => {
    expect(ir.diagnostics).toStrictEqual([]);
  });

  it('maps presentation, data view, form, feature, event and query to their exact IR', () => {
    const expected: Spec[] = [
      {
        kind: 'presentation',
        key: 'x.audit',
        version: '1.0.0',
        meta: {
          key: 'x.audit',
          version: '1.0.0',
          title: 'Audit',
          goal: 'g',
          context: 'c',
          ...meta,
        },
        ...base('specs/a.command.ts', 'AuditPresentation', DEFINITIONS.presentation),
        capability: {
          key: 'x.cap',
          version: '1.0.0',
          source: loc(SOURCES, 'specs/a.command.ts', "{ key: 'x.cap'"),
        },
        content: { type: 'component', framework: 'react', componentKey: 'xAudit' },
        targets: ['react', 'markdown'],
        policy: { pii: [], flags: [] },
      },
      {
        kind: 'dataView',
        key: 'x.index',
        version: '1.0.0',
        meta: { key: 'x.index', version: '1.0.0', title: 'Runs', ...meta, entity: 'x_run' },
        ...base('specs/a.command.ts', 'RunIndex', DEFINITIONS.dataView),
        query: {
          key: 'x.list',
          version: '1.0.0',
          source: loc(SOURCES, 'specs/a.command.ts', "{ key: 'x.list'"),
        },
        view: {
          kind: 'list',
          fields: [{ key: 'runId', label: 'Run', dataPath: 'runId' }],
          primaryField: 'runId',
          secondaryFields: [],
          filters: [{ key: 'runId', label: 'Run ID', field: 'runId', type: 'search' }],
        },
        policy: { pii: [], flags: ['beta'] },
      },
      {
        kind: 'form',
        key: 'x.form',
        version: '1.0.0',
        meta: { key: 'x.form', version: '1.0.0', title: 'Run', ...meta },
        ...base('specs/b.event.ts', 'RunForm', DEFINITIONS.form),
        model: 'RunFormModel',
        fields: [
          { kind: 'textarea', name: 'prompt', label: 'Prompt', required: true },
          { kind: 'text', name: 'mode', label: 'Mode', required: false },
        ],
        actions: [
          {
            key: 'run',
            label: 'Run it',
            operation: {
              key: 'x.run',
              version: '1.0.0',
              source: loc(SOURCES, 'specs/b.event.ts', "{ key: 'x.run'"),
            },
          },
        ],
        policy: { pii: ['prompt'], flags: [] },
      },
      {
        kind: 'feature',
        key: 'x.feature',
        version: '1.0.0',
        meta: { key: 'x.feature', version: '1.0.0', title: 'X', ...meta },
        ...base('specs/b.event.ts', 'XFeature', DEFINITIONS.feature),
        operations: [],
        events: [
          {
            key: 'x.done',
            version: '1.0.0',
            source: loc(SOURCES, 'specs/b.event.ts', "{ key: 'x.done'"),
          },
        ],
        presentations: [],
        capabilities: [],
        dataViews: [],
        forms: [],
      },
      {
        kind: 'event',
        key: 'x.done',
        version: '1.0.0',
        meta: { key: 'x.done', version: '1.0.0', ...meta },
        ...base('specs/c.query.ts', 'DoneEvent', DEFINITIONS.event),
        capability: {
          key: 'x.cap',
          version: '1.0.0',
          source: loc(SOURCES, 'specs/c.query.ts', "{ key: 'x.cap'"),
        },
        pii: ['secret'],
        payload: 'DonePayload',
      },
      {
        kind: 'operation',
        operationKind: 'query',
        key: 'x.list',
        version: '1.0.0',
        meta: { key: 'x.list', version: '1.0.0', title: 'List', goal: 'g', context: 'c', ...meta },
        ...base('specs/d.capability.ts', 'ListQuery', DEFINITIONS.query),
        io: { input: null, output: 'ListOutput', errors: [] },
        policy: { auth: 'admin', pii: [], flags: [] },
        emits: [],
      },
    ];
    expect(ir.specs).toStrictEqual(expected);
  });

  it('collects the inline models in evaluation order', () => {
    expect(ir.models.map((model) => [model.name, model.source])).toStrictEqual([
      ['RunFormModel', loc(SOURCES, 'specs/b.event.ts', 'new SchemaModel')],
      ['DonePayload', loc(SOURCES, 'specs/c.query.ts', 'new SchemaModel')],
      ['ListOutput', loc(SOURCES, 'specs/d.capability.ts', 'new SchemaModel')],
    ]);
  });
});
