import type {
  Ir,
  Meta,
  Model,
  SourceLocation,
  Spec,
  SpecRef,
} from '../../packages/codegen/src/generator/ir/ir-schema.js';

/** A small hand-built IR with every spec kind, nested models, an enum and a cross-domain link. */

const at: SourceLocation = { file: 'specs/fixture.ts', line: 1, column: 1 };
const ref = (key: string, version = '1.0.0'): SpecRef => ({ key, version, source: at });
const noPolicy = { pii: [], flags: [] };

function base(key: string, meta: Omit<Meta, 'key' | 'version'>, exportName: string) {
  return {
    key,
    version: '1.0.0',
    meta: { key, version: '1.0.0', ...meta },
    exportName,
    source: at,
    sourceText: { imports: '', definition: `export const ${exportName} = {};` },
  };
}

const harnessMeta = { domain: 'harness', owners: ['platform.harness'], stability: 'experimental' };

const model = (name: string, fields: Model['fields'], description?: string): Model => ({
  kind: 'model',
  name,
  ...(description ? { description } : {}),
  fields,
  source: at,
});

export const START_SOURCE = {
  imports:
    'import { defineCommand } from \'../language\';\nimport {\n\tHARNESS_TAGS,\n} from "../constants";',
  definition:
    "export const HarnessRunStartCommand = defineCommand({\n\tmeta: { key: 'harness.run.start' },\n\tio: { input: X, output: Y },\n});",
};

const specs: Spec[] = [
  {
    kind: 'operation',
    operationKind: 'command',
    ...base(
      'harness.run.start',
      {
        ...harnessMeta,
        title: 'Start Harness Run',
        description: 'Start a harness run for a scenario or suite.',
        goal: 'Launch a bounded, evidence-producing harness session.',
        context: 'Used by agents, QA flows, and evaluation runners.',
        tags: ['automation', 'harness', 'run', 'harness'],
      },
      'HarnessRunStartCommand',
    ),
    sourceText: START_SOURCE,
    capability: ref('harness.execution'),
    io: {
      input: 'HarnessRunStartInput',
      output: 'HarnessRunStartOutput',
      errors: [
        {
          code: 'SCENARIO_OR_SUITE_REQUIRED',
          description: 'A scenario or suite key is required.',
          http: 400,
          when: 'Neither scenarioKey nor suiteKey is provided.',
        },
      ],
    },
    policy: { auth: 'user', pii: [], flags: [] },
    emits: [{ ...ref('harness.run.started'), when: 'A new harness run is created.' }],
  },
  {
    kind: 'operation',
    operationKind: 'query',
    ...base(
      'harness.run.get',
      {
        ...harnessMeta,
        title: 'Get Harness Run',
        description: 'Fetch one harness run.',
        tags: ['run'],
      },
      'HarnessRunGetQuery',
    ),
    io: { input: null, output: 'HarnessRunStartOutput', errors: [] },
    policy: { auth: 'user', pii: [], flags: [] },
    emits: [],
  },
  {
    kind: 'event',
    ...base(
      'harness.run.started',
      {
        ...harnessMeta,
        description: 'Emitted when a harness run starts.',
        tags: ['run', 'started'],
      },
      'HarnessRunStartedEvent',
    ),
    capability: ref('harness.execution'),
    pii: ['scenarioKey'],
    payload: 'HarnessRunStartedPayload',
  },
  {
    kind: 'capability',
    ...base(
      'harness.execution',
      {
        ...harnessMeta,
        kind: 'integration',
        title: 'Harness Execution',
        description: 'Run, inspect, and cancel harness sessions.',
        tags: ['execution'],
      },
      'HarnessExecutionCapability',
    ),
    provides: [
      {
        surface: 'operation',
        key: 'harness.run.start',
        version: '1.0.0',
        description: 'Start a harness run.',
        source: at,
      },
      {
        surface: 'event',
        key: 'harness.run.started',
        version: '1.0.0',
        description: 'Harness run started.',
        source: at,
      },
    ],
    requires: [
      {
        key: 'control-plane.core',
        version: '1.0.0',
        optional: true,
        reason: 'Links to plans | traces.',
        source: at,
      },
    ],
  },
  {
    kind: 'feature',
    ...base(
      'platform.harness',
      {
        ...harnessMeta,
        title: 'Harness System',
        description: 'Controlled inspection.',
        tags: ['harness'],
      },
      'HarnessFeature',
    ),
    operations: [ref('harness.run.start'), ref('harness.run.get')],
    events: [ref('harness.run.started')],
    presentations: [ref('agent.run.audit')],
    capabilities: [ref('harness.execution')],
    dataViews: [ref('harness.run.index')],
    forms: [],
  },
  {
    kind: 'dataView',
    ...base(
      'harness.run.index',
      {
        ...harnessMeta,
        title: 'Harness Runs',
        description: 'List harness runs.',
        tags: ['run', 'index'],
        entity: 'harness_run',
      },
      'HarnessRunIndexDataView',
    ),
    query: ref('harness.run.get'),
    view: {
      kind: 'list',
      fields: [
        { key: 'runId', label: 'Run', dataPath: 'run.runId' },
        { key: 'status', label: 'Status', dataPath: 'run.status' },
      ],
      primaryField: 'runId',
      secondaryFields: ['status'],
      filters: [{ key: 'runId', label: 'Run ID', field: 'runId', type: 'search' }],
    },
    policy: { pii: [], flags: ['harness-ui'] },
  },
  {
    kind: 'presentation',
    ...base(
      'agent.run.audit',
      {
        domain: 'agent',
        title: 'Agent Run Audit',
        description: 'Audit layout for agent runs.',
        goal: 'Explain run provenance.',
        context: 'Used by Studio.',
        owners: ['platform.ai'],
        tags: ['audit'],
        stability: 'beta',
      },
      'AgentRunAuditPresentation',
    ),
    capability: ref('harness.execution'),
    content: { type: 'component', framework: 'react', componentKey: 'agentRunAudit' },
    targets: ['react', 'markdown'],
    policy: noPolicy,
  },
  {
    kind: 'form',
    ...base(
      'agent.run.form',
      {
        domain: 'agent',
        title: 'Run Agent',
        description: 'Form to launch a run.',
        owners: ['platform.ai'],
        tags: [],
      },
      'AgentRunForm',
    ),
    model: 'AgentRunFormModel',
    fields: [
      { kind: 'text', name: 'agentKey', label: 'Agent', required: true },
      { kind: 'textarea', name: 'prompt', label: 'Prompt', required: false },
    ],
    actions: [{ key: 'run', label: 'Run agent', operation: ref('harness.run.start') }],
    policy: { pii: ['prompt'], flags: [] },
  },
];

const models: Model[] = [
  model('AgentRunFormModel', [
    {
      name: 'agentKey',
      type: { type: 'scalar', name: 'NonEmptyString' },
      optional: false,
      array: false,
    },
    {
      name: 'prompt',
      type: { type: 'scalar', name: 'String_unsecure' },
      optional: true,
      array: false,
    },
  ]),
  model(
    'HarnessRun',
    [
      { name: 'runId', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
      { name: 'status', type: { type: 'enum', name: 'RunStatus' }, optional: false, array: false },
      { name: 'steps', type: { type: 'model', name: 'HarnessStep' }, optional: false, array: true },
    ],
    'One harness run.',
  ),
  model('HarnessRunStartInput', [
    {
      name: 'scenarioKey',
      type: { type: 'scalar', name: 'NonEmptyString' },
      optional: true,
      array: false,
    },
    {
      name: 'labels',
      type: { type: 'scalar', name: 'String_unsecure' },
      optional: true,
      array: true,
    },
  ]),
  model('HarnessRunStartOutput', [
    { name: 'run', type: { type: 'model', name: 'HarnessRun' }, optional: false, array: false },
  ]),
  model('HarnessRunStartedPayload', [
    { name: 'runId', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
    {
      name: 'scenarioKey',
      type: { type: 'scalar', name: 'String_unsecure' },
      optional: true,
      array: false,
    },
  ]),
  model('HarnessStep', [
    { name: 'stepId', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
    {
      name: 'summary',
      type: { type: 'scalar', name: 'String_unsecure' },
      optional: true,
      array: false,
    },
  ]),
];

/** The fixture IR, specs sorted by key as the parser sorts them. */
export function fixtureIr(): Ir {
  const sorted = [...specs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    specs: sorted,
    models,
    enums: [{ kind: 'enum', name: 'RunStatus', values: ['queued', 'running'], source: at }],
    diagnostics: [],
  };
}
