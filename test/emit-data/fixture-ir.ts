import {
  IrSchema,
  type Field,
  type Ir,
  type Model,
  type ScalarName,
  type Spec,
} from '../../packages/codegen/src/generator/ir/ir-schema.js';

const at = (file: string, line = 1) => ({ file, line, column: 1 });
const MODELS_FILE = 'specs/shop/models.ts';

/** A field; `flags` is any of `?` (optional) and `[]` (array). */
export function field(name: string, type: Field['type'], flags = ''): Field {
  return { name, type, optional: flags.includes('?'), array: flags.includes('[]') };
}
export const scalar = (name: ScalarName): Field['type'] => ({ type: 'scalar', name });
export const model = (name: string): Field['type'] => ({ type: 'model', name });
export const enumRef = (name: string): Field['type'] => ({ type: 'enum', name });

/** A model declared in specs/shop/models.ts. */
export function makeModel(name: string, fields: Field[], description?: string): Model {
  return {
    kind: 'model',
    name,
    ...(description ? { description } : {}),
    fields,
    source: at(MODELS_FILE),
  };
}

const base = (key: string, exportName: string, file: string) => ({
  key,
  version: '1.0.0',
  meta: { key, version: '1.0.0', domain: key.split('.')[0]! },
  exportName,
  source: at(file, 3),
  sourceText: { imports: '', definition: `export const ${exportName} = {};` },
});

/** An operation spec with the given io model names. */
export function makeOperation(
  key: string,
  input: string | null,
  output: string,
  file: string,
): Spec {
  return {
    kind: 'operation',
    operationKind: input ? 'command' : 'query',
    ...base(key, 'Op', file),
    io: { input, output, errors: [] },
    policy: { pii: [], flags: [] },
    emits: [],
  };
}

/** An event spec with the given payload model name. */
export function makeEvent(key: string, payload: string, file: string): Spec {
  return { kind: 'event', ...base(key, 'Ev', file), pii: [], payload };
}

/** A form spec over the given model, without fields or actions. */
export function makeForm(key: string, formModel: string, file: string): Spec {
  return {
    kind: 'form',
    ...base(key, 'Form', file),
    model: formModel,
    fields: [],
    actions: [],
    policy: { pii: [], flags: [] },
  };
}

/** A capability spec providing nothing: a spec that uses no schema model. */
export function makeCapability(key: string, file: string): Spec {
  return { kind: 'capability', ...base(key, 'Cap', file), provides: [], requires: [] };
}

/** One field per scalar, named after it, all required, in the IR's scalar order. */
export const SCALAR_FIELD_NAMES: Readonly<Record<ScalarName, string>> = {
  String_unsecure: 'text',
  NonEmptyString: 'label',
  ID: 'id',
  Int_unsecure: 'count',
  Float_unsecure: 'ratio',
  Boolean: 'flag',
  JSON: 'anything',
  JSONObject: 'attributes',
  Date: 'day',
  DateTime: 'at',
  Time: 'time',
  EmailAddress: 'email',
  URL: 'url',
  PhoneNumber: 'phone',
  Locale: 'locale',
  TimeZone: 'timeZone',
  Latitude: 'latitude',
  Longitude: 'longitude',
  Currency: 'currency',
  CountryCode: 'country',
};

/**
 * A valid IR of one domain `shop`: a command `shop.order.place` (strict input PlaceOrderInput
 * nesting OrderLine[] and Address, output PlaceOrderOutput nesting ScalarSample with all twenty
 * scalars), a query `shop.health.get` without input, an event `shop.order.placed`, and an enum.
 */
export function makeDataIr(): Ir {
  const models = [
    makeModel('Address', [
      field('line1', scalar('NonEmptyString')),
      field('city', scalar('String_unsecure'), '?'),
      field('country', scalar('CountryCode')),
      field('latitude', scalar('Latitude'), '?'),
      field('longitude', scalar('Longitude'), '?'),
    ]),
    makeModel('HealthOutput', [
      field('ok', scalar('Boolean')),
      field('checkedAt', scalar('DateTime')),
    ]),
    makeModel(
      'OrderLine',
      [
        field('sku', scalar('ID')),
        field('quantity', scalar('Int_unsecure')),
        field('unitPrice', scalar('Float_unsecure')),
        field('currency', scalar('Currency')),
      ],
      'One line of an order.',
    ),
    makeModel('OrderPlacedPayload', [
      field('orderId', scalar('ID')),
      field('placedAt', scalar('DateTime')),
      field('shipTo', model('Address'), '?'),
    ]),
    makeModel(
      'PlaceOrderInput',
      [
        field('customerEmail', scalar('EmailAddress')),
        field('priority', enumRef('Priority')),
        field('lines', model('OrderLine'), '[]'),
        field('shipTo', model('Address'), '?'),
        field('tags', scalar('String_unsecure'), '?[]'),
        field('trace-id', scalar('ID'), '?'),
      ],
      'What a customer sends to place an order.',
    ),
    makeModel('PlaceOrderOutput', [
      field('orderId', scalar('ID')),
      field('placedAt', scalar('DateTime')),
      field('sample', model('ScalarSample')),
      field('lines', model('OrderLine'), '[]'),
      field('priorities', enumRef('Priority'), '?[]'),
    ]),
    makeModel(
      'ScalarSample',
      (Object.entries(SCALAR_FIELD_NAMES) as [ScalarName, string][]).map(([name, fieldName]) =>
        field(fieldName, scalar(name)),
      ),
      'Every scalar of the contract language, once.',
    ),
  ];
  return IrSchema.parse({
    specs: [
      makeOperation('shop.health.get', null, 'HealthOutput', 'specs/shop/health-get.query.ts'),
      makeOperation(
        'shop.order.place',
        'PlaceOrderInput',
        'PlaceOrderOutput',
        'specs/shop/order-place.command.ts',
      ),
      makeEvent('shop.order.placed', 'OrderPlacedPayload', 'specs/shop/order-placed.event.ts'),
    ],
    models,
    enums: [
      { kind: 'enum', name: 'Priority', values: ['low', 'high'], source: at(MODELS_FILE, 2) },
    ],
    diagnostics: [],
  });
}

/**
 * A valid IR whose models form cycles: `Node` nests itself (children) and `Tree` <-> `Branch`
 * nest each other through optional fields. Not in the corpus; it exercises `z.lazy` and `#` refs.
 */
export function makeCyclicIr(): Ir {
  return IrSchema.parse({
    specs: [makeOperation('graph.tree.save', 'Tree', 'Node', 'specs/graph/tree-save.command.ts')],
    models: [
      makeModel('Branch', [field('name', scalar('ID')), field('tree', model('Tree'), '?')]),
      makeModel('Node', [field('id', scalar('ID')), field('children', model('Node'), '[]')]),
      makeModel('Tree', [
        field('root', model('Branch'), '?'),
        field('size', scalar('Int_unsecure')),
      ]),
    ],
    enums: [],
    diagnostics: [],
  });
}
