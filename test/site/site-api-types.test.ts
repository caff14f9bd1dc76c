import { describe, expect, it } from 'vitest';
import { createDocsContext } from '../../packages/codegen/src/generator/emit/docs-context.js';
import {
  createLabeler,
  loadLabelCatalog,
} from '../../packages/codegen/src/generator/emit/docs-labels.js';
import {
  apiOperationBlocks,
  type ApiOperation,
} from '../../packages/codegen/src/generator/emit/site/site-api-page.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { shippedIr } from './site-fixture.js';

const ir = shippedIr();
const ctx = createDocsContext(ir, createLabeler(loadLabelCatalog('en'), 'en'), {
  alignTables: false,
});
const links = {
  specPath: () => undefined,
  modelHref: (name: string) => (name === 'HarnessRun' ? './models-harness.html#harnessrun' : null),
};

/** The Type cells of an operation's parameters table, as its Markdown table holds them. */
function parameterTypes(parameters: readonly Record<string, unknown>[]): string[] {
  const entry: ApiOperation = {
    tag: 'harness',
    path: '/x',
    method: 'get',
    heading: 'GET /x',
    operation: { summary: 'X', parameters, responses: {} },
  };
  const table = apiOperationBlocks(ctx, entry, links).find(
    (block) => typeof block !== 'string' && 'table' in block,
  );
  if (typeof table === 'string' || !table || !('table' in table)) throw new Error('no table');
  return table.table.rows.map((row) => row[1]!);
}

const query = (schema: unknown) => ({ name: 'p', in: 'query', required: false, schema });

describe('API reference: parameter types', () => {
  it('writes each schema as a type, not as JSON', () => {
    expect(
      parameterTypes([
        query({ type: 'string' }),
        query({ type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 }),
        query({ type: 'string', format: 'date-time' }),
        query({ type: 'string', enum: ['queued', 'done'] }),
        query({ type: 'array', items: { type: 'string' } }),
        query({ type: 'array', items: { type: 'string', enum: ['a', 'b'] } }),
        query({ type: 'array', items: { $ref: '#/components/schemas/HarnessRun' } }),
        query({ type: ['string', 'null'] }),
        query({ const: 3 }),
        { name: 'p', in: 'path', required: true, schema: { type: 'boolean' } },
        {
          name: 'p',
          in: 'query',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/HarnessRun' } } },
        },
        { name: 'p', in: 'query', content: { 'application/json': { schema: { type: 'object' } } } },
        { name: 'p', in: 'query', content: { 'application/json': { schema: {} } } },
        query({ $ref: '#/components/schemas/Missing' }),
      ]),
    ).toStrictEqual([
      'string',
      'integer',
      'string (date-time)',
      '`queued` \\| `done`',
      'string[]',
      '(`a` \\| `b`)[]',
      '[HarnessRun[]](./models-harness.html#harnessrun)',
      'string \\| null',
      '`3`',
      'boolean',
      '[HarnessRun](./models-harness.html#harnessrun)',
      'object',
      'any',
      '`Missing`',
    ]);
  });

  it('shows no schema as JSON on the shipped API pages', () => {
    const pages = createSiteEmitter({ locales: ['en'] })
      .emit(ir)
      .filter((file) => /\/api-[^/]*\.html$/.test(file.path));
    expect(pages.map((page) => page.path)).toStrictEqual([
      'site/en/api-agent.html',
      'site/en/api-events.html',
      'site/en/api-harness.html',
    ]);
    for (const page of pages) expect(page.contents, page.path).not.toContain('{&quot;');
    const agent = pages[0]!.contents;
    expect(agent).toContain('<td><code>limit</code></td>\n<td>integer</td>');
    expect(agent).toContain('<td><code>runId</code></td>\n<td>string</td>');
  });
});
