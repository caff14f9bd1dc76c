import { describe, expect, it } from 'vitest';
import { jsonSchemaEmitter } from '../../packages/codegen/src/generator/emit/json-schema-emitter.js';
import { formatFile } from '../../packages/codegen/src/generator/format.js';
import { IrSchema } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { field, makeCyclicIr, makeDataIr, makeModel, makeOperation, scalar } from './fixture-ir.js';
import { strictAjv } from './load-emitted.js';

const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const ID = 'urn:contracts:schema';
const SAFE_INTEGER = { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 };
const DATE_TIME = { type: 'string', format: 'date-time' };
const ADDRESS = {
  title: 'Address',
  type: 'object',
  properties: {
    line1: { type: 'string', minLength: 1 },
    city: { type: 'string' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    latitude: { type: 'number', minimum: -90, maximum: 90 },
    longitude: { type: 'number', minimum: -180, maximum: 180 },
  },
  required: ['line1', 'country'],
  additionalProperties: false,
};

function emitted() {
  return Object.fromEntries(
    jsonSchemaEmitter.emit(makeDataIr()).map((file) => [file.path, file.contents]),
  );
}

describe('JSON Schema emitter', () => {
  it('writes one document per operation input (none for a null input), output and event payload, and an index', () => {
    const files = emitted();
    expect(Object.keys(files)).toStrictEqual([
      'shop/json-schema/shop.health.get.output.schema.json',
      'shop/json-schema/shop.order.place.input.schema.json',
      'shop/json-schema/shop.order.place.output.schema.json',
      'shop/json-schema/shop.order.placed.payload.schema.json',
      'shop/json-schema/index.json',
    ]);
    for (const contents of Object.values(files)) {
      expect(contents).toBe(JSON.stringify(JSON.parse(contents), null, 2) + '\n');
    }
    expect(JSON.parse(files['shop/json-schema/index.json']!)).toStrictEqual({
      domain: 'shop',
      schemas: [
        ['shop.health.get', 'output', 'HealthOutput'],
        ['shop.order.place', 'input', 'PlaceOrderInput'],
        ['shop.order.place', 'output', 'PlaceOrderOutput'],
        ['shop.order.placed', 'payload', 'OrderPlacedPayload'],
      ].map(([key, role, model]) => ({
        key,
        version: '1.0.0',
        role,
        model,
        id: `${ID}:shop:${key}:1.0.0:${role}`,
        file: `${key}.${role}.schema.json`,
      })),
    });
  });

  it('inlines the root, puts nested models under $defs, strict models get additionalProperties: false', async () => {
    const file = await formatFile({
      path: 'x.json',
      contents: emitted()['shop/json-schema/shop.order.place.input.schema.json']!,
    });
    expect(JSON.parse(file.contents)).toStrictEqual({
      $schema: DIALECT,
      $id: `${ID}:shop:shop.order.place:1.0.0:input`,
      title: 'PlaceOrderInput',
      description: 'What a customer sends to place an order.',
      type: 'object',
      properties: {
        customerEmail: { type: 'string', format: 'email' },
        priority: { type: 'string', enum: ['low', 'high'] },
        lines: { type: 'array', items: { $ref: '#/$defs/OrderLine' } },
        shipTo: { $ref: '#/$defs/Address' },
        tags: { type: 'array', items: { type: 'string' } },
        'trace-id': { type: 'string' },
      },
      required: ['customerEmail', 'priority', 'lines'],
      additionalProperties: false,
      $defs: {
        Address: ADDRESS,
        OrderLine: {
          title: 'OrderLine',
          description: 'One line of an order.',
          type: 'object',
          properties: {
            sku: { type: 'string' },
            quantity: SAFE_INTEGER,
            unitPrice: { type: 'number' },
            currency: { type: 'string', pattern: '^[A-Z]{3}$' },
          },
          required: ['sku', 'quantity', 'unitPrice', 'currency'],
          additionalProperties: false,
        },
      },
    });
    expect(
      file.contents.startsWith(
        '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "$id"',
      ),
    ).toBe(true);
  });

  it('leaves additionalProperties out for models reached only from outputs and payloads', () => {
    const payload = JSON.parse(
      emitted()['shop/json-schema/shop.order.placed.payload.schema.json']!,
    );
    expect(payload).toStrictEqual({
      $schema: DIALECT,
      $id: `${ID}:shop:shop.order.placed:1.0.0:payload`,
      title: 'OrderPlacedPayload',
      type: 'object',
      properties: {
        orderId: { type: 'string' },
        placedAt: DATE_TIME,
        shipTo: { $ref: '#/$defs/Address' },
      },
      required: ['orderId', 'placedAt'],
      $defs: { Address: ADDRESS },
    });
    const health = JSON.parse(emitted()['shop/json-schema/shop.health.get.output.schema.json']!);
    expect(health).toStrictEqual({
      $schema: DIALECT,
      $id: `${ID}:shop:shop.health.get:1.0.0:output`,
      title: 'HealthOutput',
      type: 'object',
      properties: { ok: { type: 'boolean' }, checkedAt: DATE_TIME },
      required: ['ok', 'checkedAt'],
    });
  });

  it('refers to the root as # on a cycle, and every document compiles under strict ajv', () => {
    const files = jsonSchemaEmitter.emit(makeCyclicIr());
    const output = JSON.parse(
      files.find((f) => f.path === 'graph/json-schema/graph.tree.save.output.schema.json')!
        .contents,
    );
    expect(output.properties.children).toStrictEqual({ type: 'array', items: { $ref: '#' } });
    const input = JSON.parse(
      files.find((f) => f.path === 'graph/json-schema/graph.tree.save.input.schema.json')!.contents,
    );
    expect(input.$defs.Branch.properties.tree).toStrictEqual({ $ref: '#' });
    const ajv = strictAjv();
    for (const file of [...files, ...jsonSchemaEmitter.emit(makeDataIr())]) {
      if (file.path.endsWith('.schema.json')) ajv.addSchema(JSON.parse(file.contents));
    }
    expect(
      ajv.getSchema(`${ID}:graph:graph.tree.save:1.0.0:output`)!({
        id: 'a',
        children: [{ id: 'b', children: [] }],
      }),
    ).toBe(true);
  });

  it('names the version in the file when one key has several versions', () => {
    const v1 = makeOperation('beta.ping', null, 'Pong', 'specs/beta/ping.query.ts');
    const v2 = { ...v1, version: '2.0.0', meta: { ...v1.meta, version: '2.0.0' } };
    const ir = IrSchema.parse({
      specs: [v1, v2],
      models: [makeModel('Pong', [field('at', scalar('Date'))])],
      enums: [],
      diagnostics: [],
    });
    const files = jsonSchemaEmitter.emit(ir);
    expect(files.map((file) => file.path)).toStrictEqual([
      'beta/json-schema/beta.ping@1.0.0.output.schema.json',
      'beta/json-schema/beta.ping@2.0.0.output.schema.json',
      'beta/json-schema/index.json',
    ]);
    expect(JSON.parse(files[1]!.contents).$id).toBe(`${ID}:beta:beta.ping:2.0.0:output`);
  });
});
