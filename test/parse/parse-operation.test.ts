import { describe, expect, it } from 'vitest';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { loc } from './support.js';

const CONSTANTS = `import { StabilityEnum, TagsEnum } from '@lssm-tech/lib.schema';

export const DEMO_DOMAIN = 'demo';
export const DEMO_OWNERS = ['team.demo'] as const;
export const DEMO_TAGS = [TagsEnum.Automation, 'demo'] as const;
export const DEMO_STABILITY = StabilityEnum.Beta;
const VERSION = '1.0.0';
export { VERSION as DEMO_VERSION };
`;

const MODELS = `import { ScalarTypeEnum, SchemaModel, defineEnum } from '@lssm-tech/lib.schema';

export const ColorEnum = defineEnum('Color', ['red', 'green']);

export const ItemModel = new SchemaModel({
  name: 'Item',
  description: 'An item.',
  fields: {
    id: { type: ScalarTypeEnum.ID(), isOptional: false },
    color: { type: ColorEnum, isOptional: true },
    labels: { type: ScalarTypeEnum.String_unsecure(), isOptional: false, isArray: true },
  },
});
`;

const BARREL = `export * from './constants.js';
export * from './models';
`;

const EVENT_IMPORTS = `import { defineEvent, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';
import { DEMO_OWNERS, DEMO_STABILITY, DEMO_TAGS, DEMO_VERSION } from '../index.js';`;

const EVENT_DEFINITION = `export const PingedEvent = defineEvent({
  meta: {
    key: 'demo.pinged',
    version: DEMO_VERSION,
    description: 'Emitted when a ping is answered.',
    owners: DEMO_OWNERS,
    tags: [...DEMO_TAGS, 'ping'],
    stability: DEMO_STABILITY,
  },
  payload: new SchemaModel({
    name: 'PingedPayload',
    fields: { at: { type: ScalarTypeEnum.DateTime(), isOptional: false } },
  }),
});`;

const COMMAND_IMPORTS = `import { defineCommand, docId, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';
import type { DocBlock } from '../docs/types';
import { DEMO_DOMAIN, DEMO_OWNERS, DEMO_STABILITY, DEMO_TAGS, ItemModel } from '../index.js';
import { PingedEvent as Pinged } from '../events/pinged.event.js';`;

const COMMAND_DEFINITION = `export const PingCommand = defineCommand({
  meta: {
    key: \`\${DEMO_DOMAIN}.ping\`,
    title: \`Ping\`,
    version: Pinged.meta.version,
    description: 'Answer a ping.',
    goal: 'Prove the pipeline.',
    context: 'Used by tests.',
    domain: DEMO_DOMAIN,
    owners: DEMO_OWNERS,
    tags: [...DEMO_TAGS, 'ping', ...(['extra'] as const)],
    stability: DEMO_STABILITY,
    docId: [docId('docs.demo.ping')],
  },
  capability: CAPABILITY,
  io: {
    input: PingInput,
    output: PingOutput,
    errors: {
      TOO_LOUD: { description: 'Too loud.', http: 422, when: 'The message is shouted.' },
      ...BASE_ERRORS,
    },
  },
  policy: { auth: 'user', pii: ['message'] } satisfies Record<string, unknown>,
  sideEffects: { emits: [{ ref: Pinged.meta, when: 'A ping is answered.' }] },
  transport: { rest: { method: 'POST', path: '/demo/ping' } },
} as const);`;

const COMMAND = `${COMMAND_IMPORTS}

/** Doc blocks and helpers are not specs. */
export const docBlocks: DocBlock[] = [];
export function registerPing(registry: { add(x: unknown): void }): void {
  registry.add(PingCommand);
}
interface Unused { a: string }
type AlsoUnused = Unused;

const CAPABILITY = { key: 'demo.core', version: '1.0.0' };
const BASE_ERRORS = {
  UNAVAILABLE: { description: 'Unavailable.', http: 503, when: 'The service is down.' },
};

const PingInput = new SchemaModel({
  name: 'PingInput',
  fields: {
    message: { type: ScalarTypeEnum.NonEmptyString(), isOptional: false },
    item: { type: ItemModel, isOptional: true },
  },
});

const PingOutput = new SchemaModel({
  name: 'PingOutput',
  fields: { echo: { type: ScalarTypeEnum.String_unsecure(), isOptional: false } },
});

${COMMAND_DEFINITION}
`;

const SOURCES = {
  'specs/demo/constants.ts': CONSTANTS,
  'specs/demo/models.ts': MODELS,
  'specs/demo/index.ts': BARREL,
  'specs/demo/events/pinged.event.ts': `${EVENT_IMPORTS}\n\n${EVENT_DEFINITION}\n`,
  'specs/demo/commands/ping.command.ts': COMMAND,
};
const COMMAND_FILE = 'specs/demo/commands/ping.command.ts';
const EVENT_FILE = 'specs/demo/events/pinged.event.ts';

describe('parseSources: a command through barrels, renamed imports and the language calls', () => {
  it('builds the exact IR', () => {
    const ir = parseSources(SOURCES);
    expect(ir).toStrictEqual({
      specs: [
        {
          kind: 'operation',
          operationKind: 'command',
          key: 'demo.ping',
          version: '1.0.0',
          meta: {
            key: 'demo.ping',
            version: '1.0.0',
            title: 'Ping',
            description: 'Answer a ping.',
            goal: 'Prove the pipeline.',
            context: 'Used by tests.',
            domain: 'demo',
            owners: ['team.demo'],
            tags: ['automation', 'demo', 'ping', 'extra'],
            stability: 'beta',
            docId: ['docs.demo.ping'],
          },
          exportName: 'PingCommand',
          source: loc(SOURCES, COMMAND_FILE, 'PingCommand = '),
          sourceText: { imports: COMMAND_IMPORTS, definition: COMMAND_DEFINITION },
          capability: {
            key: 'demo.core',
            version: '1.0.0',
            source: loc(SOURCES, COMMAND_FILE, 'CAPABILITY,'),
          },
          io: {
            input: 'PingInput',
            output: 'PingOutput',
            errors: [
              {
                code: 'TOO_LOUD',
                description: 'Too loud.',
                http: 422,
                when: 'The message is shouted.',
              },
              {
                code: 'UNAVAILABLE',
                description: 'Unavailable.',
                http: 503,
                when: 'The service is down.',
              },
            ],
          },
          policy: { auth: 'user', pii: ['message'], flags: [] },
          emits: [
            {
              key: 'demo.pinged',
              version: '1.0.0',
              when: 'A ping is answered.',
              source: loc(SOURCES, COMMAND_FILE, 'Pinged.meta,'),
            },
          ],
          transport: { rest: { method: 'POST', path: '/demo/ping' } },
        },
        {
          kind: 'event',
          key: 'demo.pinged',
          version: '1.0.0',
          meta: {
            key: 'demo.pinged',
            version: '1.0.0',
            description: 'Emitted when a ping is answered.',
            owners: ['team.demo'],
            tags: ['automation', 'demo', 'ping'],
            stability: 'beta',
          },
          exportName: 'PingedEvent',
          source: loc(SOURCES, EVENT_FILE, 'PingedEvent = '),
          sourceText: { imports: EVENT_IMPORTS, definition: EVENT_DEFINITION },
          pii: [],
          payload: 'PingedPayload',
        },
      ],
      models: [
        {
          kind: 'model',
          name: 'Item',
          description: 'An item.',
          fields: [
            { name: 'id', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
            { name: 'color', type: { type: 'enum', name: 'Color' }, optional: true, array: false },
            {
              name: 'labels',
              type: { type: 'scalar', name: 'String_unsecure' },
              optional: false,
              array: true,
            },
          ],
          source: loc(SOURCES, 'specs/demo/models.ts', 'new SchemaModel'),
        },
        {
          kind: 'model',
          name: 'PingInput',
          fields: [
            {
              name: 'message',
              type: { type: 'scalar', name: 'NonEmptyString' },
              optional: false,
              array: false,
            },
            { name: 'item', type: { type: 'model', name: 'Item' }, optional: true, array: false },
          ],
          source: loc(SOURCES, COMMAND_FILE, 'new SchemaModel'),
        },
        {
          kind: 'model',
          name: 'PingOutput',
          fields: [
            {
              name: 'echo',
              type: { type: 'scalar', name: 'String_unsecure' },
              optional: false,
              array: false,
            },
          ],
          source: loc(SOURCES, COMMAND_FILE, 'new SchemaModel', 1),
        },
        {
          kind: 'model',
          name: 'PingedPayload',
          fields: [
            {
              name: 'at',
              type: { type: 'scalar', name: 'DateTime' },
              optional: false,
              array: false,
            },
          ],
          source: loc(SOURCES, EVENT_FILE, 'new SchemaModel'),
        },
      ],
      enums: [
        {
          kind: 'enum',
          name: 'Color',
          values: ['red', 'green'],
          source: loc(SOURCES, 'specs/demo/models.ts', "defineEnum('Color'"),
        },
      ],
      diagnostics: [],
    });
  });
});
