import type { Field, Ir, Model, Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';

const at = { file: 'specs/shop/shop.ts', line: 1, column: 1 };
const f = (name: string, type: Field['type'], flags = ''): Field => ({
  name,
  type,
  optional: flags.includes('?'),
  array: flags.includes('[]'),
});
const model = (name: string, fields: Field[], description?: string): Model => ({
  kind: 'model',
  name,
  ...(description ? { description } : {}),
  fields,
  source: at,
});

function operation(
  key: string,
  kind: 'command' | 'query',
  io: { input: string | null; output: string },
  extra: Partial<Extract<Spec, { kind: 'operation' }>> = {},
): Spec {
  return {
    kind: 'operation',
    operationKind: kind,
    key,
    version: '1.0.0',
    meta: {
      key,
      version: '1.0.0',
      title: `Title of ${key}`,
      description: `Does ${key}.`,
      goal: 'A goal.',
      stability: 'beta',
    },
    exportName: 'Op',
    source: at,
    sourceText: { imports: '', definition: '' },
    io: { ...io, errors: [] },
    policy: { auth: 'user', pii: [], flags: [] },
    emits: [],
    ...extra,
  };
}

/**
 * A small `shop` IR: a GET query with every parameter style (scalar, array, enum, JSON object), a
 * command with a custom `transport.rest.path`, a declared 409 error, admin auth and an event.
 */
export function shopIr(): Ir {
  return {
    specs: [
      operation('shop.order.get', 'query', { input: 'OrderGetInput', output: 'OrderOutput' }),
      operation(
        'shop.order.place',
        'command',
        { input: 'OrderPlaceInput', output: 'OrderOutput' },
        {
          io: {
            input: 'OrderPlaceInput',
            output: 'OrderOutput',
            errors: [
              {
                code: 'OUT_OF_STOCK',
                http: 409,
                description: 'The sku is sold out.',
                when: 'stock is 0',
              },
            ],
          },
          policy: { auth: 'admin', pii: [], flags: [] },
          emits: [{ key: 'shop.order.placed', version: '1.0.0', when: 'placed', source: at }],
          transport: { rest: { path: '/orders' } },
        },
      ),
    ],
    models: [
      model(
        'Order',
        [
          f('orderId', { type: 'scalar', name: 'ID' }),
          f('status', { type: 'enum', name: 'OrderStatus' }),
          f('lines', { type: 'model', name: 'OrderLine' }, '[]'),
        ],
        'An order.',
      ),
      model('OrderGetInput', [
        f('orderId', { type: 'scalar', name: 'ID' }),
        f('limit', { type: 'scalar', name: 'Int_unsecure' }, '?'),
        f('skus', { type: 'scalar', name: 'String_unsecure' }, '?[]'),
        f('status', { type: 'enum', name: 'OrderStatus' }, '?'),
        f('filter', { type: 'scalar', name: 'JSONObject' }, '?'),
      ]),
      model('OrderLine', [f('sku', { type: 'scalar', name: 'NonEmptyString' })]),
      model('OrderOutput', [f('order', { type: 'model', name: 'Order' })]),
      model('OrderPlaceInput', [f('sku', { type: 'scalar', name: 'NonEmptyString' })]),
    ],
    enums: [{ kind: 'enum', name: 'OrderStatus', values: ['open', 'shipped'], source: at }],
    diagnostics: [],
  };
}
