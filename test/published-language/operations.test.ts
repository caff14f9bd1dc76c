import { describe, expect, it } from 'vitest';
import { loc } from '../parse/support.js';
import { irOf, META, sourceText } from './support.js';

const MODEL = `const Input = defineSchemaModel({
  name: 'PubInput',
  description: null,
  fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false }, tags: { type: ScalarTypeEnum.String_unsecure(), isOptional: true, isArray: true } },
});`;

const COMMAND = `export const PubCommand = defineCommand({
  meta: { key: 'pub.run', version: '1.0.0', goal: 'g', context: 'c', ${META} },
  io: {
    input: Input,
    output: Input,
    errors: {
      NOT_ALLOWED: { description: 'Refused.', gqlCode: 'FORBIDDEN', status: 403 },
      TOO_MANY: { description: 'Slow down.', http: 429, when: 'Over the limit.', retryable: true },
    },
  },
  policy: {
    auth: 'user',
    rateLimit: { rpm: 60, key: 'user' },
    escalate: 'human_review',
    policies: [{ key: 'pub.policy', version: '1.0.0' }],
    fieldPolicies: [{ field: 'id', actions: ['read'] }],
  },
  sideEffects: {
    emits: [{ key: 'pub.ran', version: '1.0.0', when: 'A run is accepted.', payload: Input }],
    analytics: ['pub_run'],
    audit: ['pub.run.audit'],
  },
  transport: { rest: { method: 'POST' }, gql: { field: 'pubRun' }, mcp: { toolName: 'pub_run' } },
  acceptance: {
    scenarios: [{ key: 'happy', given: ['a user'], when: ['they run'], then: ['it runs'] }],
    examples: [{ key: 'one', input: { id: 'a' }, output: { id: 'a' } }],
  },
  telemetry: { success: { event: { key: 'pub.ok' }, properties: ({ input }) => ({ id: input }) } },
});`;

describe('published operations: every field lands in the IR', () => {
  const { ir, sources } = irOf(`${MODEL}\n\n${COMMAND}`);
  const file = 'specs/x.ts';

  it('reports only that the inline event belongs to no capability', () => {
    expect(ir.diagnostics).toStrictEqual([
      {
        severity: 'warning',
        code: 'EVENT_WITHOUT_CAPABILITY',
        message: 'event pub.ran@1.0.0 is provided by no capability',
        ...loc(sources, file, "{ key: 'pub.ran'"),
      },
    ]);
  });

  it('reads defineSchemaModel as new SchemaModel, a null description as none', () => {
    expect(ir.models).toStrictEqual([
      {
        kind: 'model',
        name: 'PubInput',
        fields: [
          { name: 'id', type: { type: 'scalar', name: 'ID' }, optional: false, array: false },
          {
            name: 'tags',
            type: { type: 'scalar', name: 'String_unsecure' },
            optional: true,
            array: true,
          },
        ],
        source: loc(sources, file, 'defineSchemaModel({'),
      },
    ]);
  });

  it('maps errors, policy, side effects, transport, acceptance and telemetry exactly', () => {
    const meta = {
      key: 'pub.run',
      version: '1.0.0',
      description: 'd',
      goal: 'g',
      context: 'c',
      owners: ['platform.core'],
      tags: ['t'],
      stability: 'experimental',
    };
    expect(ir.specs[1]).toStrictEqual({
      kind: 'operation',
      operationKind: 'command',
      key: 'pub.run',
      version: '1.0.0',
      meta,
      exportName: 'PubCommand',
      source: loc(sources, file, 'PubCommand ='),
      data: {
        telemetry: {
          success: { event: { key: 'pub.ok' }, properties: { $function: 'not evaluated' } },
        },
      },
      sourceText: sourceText(COMMAND),
      io: {
        input: 'PubInput',
        output: 'PubInput',
        errors: [
          {
            code: 'NOT_ALLOWED',
            description: 'Refused.',
            gqlCode: 'FORBIDDEN',
            data: { status: 403 },
          },
          {
            code: 'TOO_MANY',
            description: 'Slow down.',
            http: 429,
            when: 'Over the limit.',
            data: { retryable: true },
          },
        ],
      },
      policy: {
        auth: 'user',
        pii: [],
        flags: [],
        rateLimit: { rpm: 60, key: 'user' },
        escalate: 'human_review',
        policies: [
          {
            key: 'pub.policy',
            version: '1.0.0',
            source: loc(sources, file, "{ key: 'pub.policy'"),
          },
        ],
        data: { fieldPolicies: [{ field: 'id', actions: ['read'] }] },
      },
      emits: [
        {
          key: 'pub.ran',
          version: '1.0.0',
          when: 'A run is accepted.',
          source: loc(sources, file, "{ key: 'pub.ran'"),
          inline: true,
        },
      ],
      analytics: ['pub_run'],
      audit: ['pub.run.audit'],
      transport: {
        rest: { method: 'POST' },
        gql: { field: 'pubRun' },
        mcp: { toolName: 'pub_run' },
      },
      acceptance: {
        scenarios: [{ key: 'happy', given: ['a user'], when: ['they run'], then: ['it runs'] }],
        examples: [{ key: 'one', input: { id: 'a' }, output: { id: 'a' } }],
      },
    });
  });

  it('makes the inline emit an event of the domain with its payload model', () => {
    expect(ir.specs[0]).toStrictEqual({
      kind: 'event',
      key: 'pub.ran',
      version: '1.0.0',
      meta: {
        key: 'pub.ran',
        version: '1.0.0',
        description: 'A run is accepted.',
        owners: ['platform.core'],
        tags: ['t'],
        stability: 'experimental',
      },
      exportName: 'PubCommand.sideEffects.emits[0]',
      source: loc(sources, file, "{ key: 'pub.ran'"),
      sourceText: sourceText(COMMAND),
      pii: [],
      payload: 'PubInput',
    });
  });
});
