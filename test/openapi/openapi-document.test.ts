import { compileErrors, validate } from '@readme/openapi-parser';
import { describe, expect, it } from 'vitest';
import {
  openApiDocument,
  openApiEmitter,
} from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { routeOverridesFromOpenApi } from '../../packages/runtime/src/http/routes.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { shopIr } from './shop-ir.js';

type Doc = {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, unknown> };
};

/** The third-party validator's verdict: `valid` or its compiled error text. */
async function verdict(document: unknown): Promise<string> {
  const result = await validate(structuredClone(document) as never, {
    resolve: { external: false },
  });
  return result.valid ? `valid, ${result.warnings.length} warnings` : compileErrors(result);
}

const problemOf = (codes: string[]) => ({
  'application/problem+json': {
    schema: {
      allOf: [
        { $ref: '#/components/schemas/HttpProblem' },
        { type: 'object', properties: { code: { type: 'string', enum: codes } } },
      ],
    },
  },
});

describe('OpenAPI document of a small IR', () => {
  const doc = openApiDocument(shopIr()) as unknown as Doc;

  it('has one path per operation version, the custom rest path, and /events', () => {
    expect(
      Object.fromEntries(
        Object.entries(doc.paths).map(([path, item]) => [path, Object.keys(item)]),
      ),
    ).toStrictEqual({
      '/events': ['get'],
      '/orders': ['post'],
      '/shop/order/get/v1.0.0': ['get', 'post'],
    });
  });

  it('describes a command: id, texts, tag, bearer security, body, declared and standard errors', () => {
    expect(doc.paths['/orders']!.post).toStrictEqual({
      operationId: 'shopOrderPlace_1_0_0',
      summary: 'Title of shop.order.place',
      description:
        'Does shop.order.place.\n\nGoal: A goal.\n\n`shop.order.place@1.0.0` (command, auth admin)',
      tags: ['shop'],
      security: [{ bearerAuth: [] }],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: { $ref: '#/components/schemas/OrderPlaceInput' },
            examples: { schema: { summary: 'Built from the schema', value: { sku: 'text' } } },
          },
        },
      },
      responses: {
        '200': {
          description: 'The output of `shop.order.place@1.0.0`.',
          content: {
            'application/json': {
              schema: { $ref: '#/components/schemas/OrderOutput' },
              examples: {
                schema: {
                  summary: 'Built from the schema',
                  value: {
                    order: { lines: [{ sku: 'text' }], orderId: 'id-0001', status: 'open' },
                  },
                },
              },
            },
          },
        },
        '400': {
          description: '`VALIDATION_FAILED`: The input does not match the contract.',
          content: problemOf(['VALIDATION_FAILED']),
        },
        '401': {
          description: '`UNAUTHORIZED`: The operation needs an authenticated actor.',
          content: problemOf(['UNAUTHORIZED']),
        },
        '403': {
          description: '`FORBIDDEN`: The actor may not call this operation.',
          content: problemOf(['FORBIDDEN']),
        },
        '404': {
          description: '`NOT_FOUND`: No such operation.',
          content: problemOf(['NOT_FOUND']),
        },
        '409': {
          description: '`OUT_OF_STOCK`: The sku is sold out.',
          content: problemOf(['OUT_OF_STOCK']),
        },
        '413': {
          description: '`PAYLOAD_TOO_LARGE`: The request body is over the size limit.',
          content: problemOf(['PAYLOAD_TOO_LARGE']),
        },
        '415': {
          description: '`UNSUPPORTED_MEDIA_TYPE`: The request body must be application/json.',
          content: problemOf(['UNSUPPORTED_MEDIA_TYPE']),
        },
        '500': {
          description:
            '`INTERNAL`: Internal error.\n`OUTPUT_INVALID`: The handler produced data that breaks the contract.\n`UNDECLARED_EVENT`: The handler emitted an undeclared event.',
          content: problemOf(['INTERNAL', 'OUTPUT_INVALID', 'UNDECLARED_EVENT']),
        },
      },
      'x-contracts-operation': {
        key: 'shop.order.place',
        version: '1.0.0',
        kind: 'command',
        auth: 'admin',
      },
    });
  });

  it('gives a GET query one parameter per input field, JSON values as content', () => {
    const get = doc.paths['/shop/order/get/v1.0.0']!.get as {
      operationId: string;
      parameters: unknown;
    };
    const post = doc.paths['/shop/order/get/v1.0.0']!.post as { operationId: string };
    expect([get.operationId, post.operationId, get.parameters]).toStrictEqual([
      'shopOrderGet_1_0_0',
      'shopOrderGet_1_0_0_post',
      [
        { name: 'orderId', in: 'query', required: true, schema: { type: 'string' } },
        {
          name: 'limit',
          in: 'query',
          required: false,
          schema: { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 },
        },
        {
          name: 'skus',
          in: 'query',
          required: false,
          schema: { type: 'array', items: { type: 'string' } },
        },
        {
          name: 'status',
          in: 'query',
          required: false,
          schema: { type: 'string', enum: ['open', 'shipped'] },
        },
        {
          name: 'filter',
          in: 'query',
          required: false,
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      ],
    ]);
  });

  it('puts the io models under components by name, with component references', () => {
    expect([Object.keys(doc.components.schemas), doc.components.schemas.Order]).toStrictEqual([
      [
        'HttpProblem',
        'HttpProblemIssue',
        'Order',
        'OrderGetInput',
        'OrderLine',
        'OrderOutput',
        'OrderPlaceInput',
      ],
      {
        title: 'Order',
        description: 'An order.',
        type: 'object',
        properties: {
          orderId: { type: 'string' },
          status: { type: 'string', enum: ['open', 'shipped'] },
          lines: { type: 'array', items: { $ref: '#/components/schemas/OrderLine' } },
        },
        required: ['orderId', 'status', 'lines'],
      },
    ]);
  });

  it('passes the third-party OpenAPI 3.1 validator, and the validator catches a broken copy', async () => {
    const broken = structuredClone(doc);
    delete (broken.paths['/orders']!.post as { responses: Record<string, unknown> }).responses[
      '200'
    ];
    (broken.paths['/orders']!.post as { responses: Record<string, unknown> }).responses['200'] = {
      content: {},
    };
    expect([await verdict(doc), (await verdict(broken)).split('\n')[2]]).toStrictEqual([
      'valid, 0 warnings',
      "REQUIRED must have required property 'description'",
    ]);
  });

  it('hands the custom route back to the server through x-contracts-operation', () => {
    expect([...routeOverridesFromOpenApi(doc)]).toStrictEqual([
      ['shop.order.place@1.0.0', { path: '/orders' }],
    ]);
  });

  it('is deterministic and refuses a model named like the problem schema', () => {
    const clash = shopIr();
    clash.models.push({
      kind: 'model',
      name: 'HttpProblem',
      fields: [],
      source: clash.models[0]!.source,
    });
    clash.specs[0] = {
      ...clash.specs[0]!,
      io: { input: null, output: 'HttpProblem', errors: [] },
    } as never;
    const [first] = openApiEmitter.emit(shopIr());
    const [second] = openApiEmitter.emit(shopIr());
    expect([
      first!.path,
      first!.contents === second!.contents,
      first!.contents.endsWith('}\n'),
    ]).toStrictEqual(['openapi.json', true, true]);
    expect(() => openApiDocument(clash)).toThrow(
      'schema model HttpProblem clashes with the OpenAPI problem schema of that name',
    );
  });
});

describe('OpenAPI document of the shipped specs', () => {
  it('passes the third-party OpenAPI 3.1 validator', async () => {
    const ir = buildIr({ specsDir: `${PROJECT_ROOT}specs`, rootDir: PROJECT_ROOT });
    const doc = openApiDocument(ir) as unknown as Doc;
    expect([await verdict(doc), Object.keys(doc.paths).length]).toStrictEqual([
      'valid, 0 warnings',
      14,
    ]);
  });
});
