import { describe, expect, it } from 'vitest';
import { openApiDocument } from '../../packages/codegen/src/generator/emit/openapi-emitter.js';
import { specRecord } from '../../packages/codegen/src/generator/emit/registry-emitter.js';
import { emitDocs, page, section } from '../emit-docs/helpers.js';
import { irOf, SURFACE_SOURCE } from './support.js';

const { ir } = irOf(SURFACE_SOURCE);

describe('the published fields on the surfaces', () => {
  it('shows policy extras, side effects, transport, acceptance and examples on the docs page', async () => {
    const markdown = page(await emitDocs(ir), 'docs/surf/surf.run.md');
    expect(section(markdown, '## Side Effects')).toBe(
      [
        '## Side Effects',
        '',
        '| Field     | Value      |',
        '| --------- | ---------- |',
        '| Audit     | surf.audit |',
        '| Analytics | surf_run   |',
      ].join('\n'),
    );
    expect(section(markdown, '## Acceptance')).toBe(
      [
        '## Acceptance',
        '',
        '| Scenario | Given  | When    | Then |',
        '| -------- | ------ | ------- | ---- |',
        '| ok       | a user | it runs | done |',
      ].join('\n'),
    );
    expect(section(markdown, '## Examples')).toBe(
      [
        '## Examples',
        '',
        '| Key | Input        | Output       |',
        '| --- | ------------ | ------------ |',
        '| one | `{"id":"a"}` | `{"id":"b"}` |',
      ].join('\n'),
    );
    expect(section(markdown, '## Policy')).toContain('| Rate limit | 30/min per org |');
    expect(section(markdown, '## Policy')).toContain('| Escalation | human_review   |');
    expect(section(markdown, '## Policy')).toMatch(/\| Policies +\| .*surf\.rules/);
    const transport = section(markdown, '## Transport')
      .split('\n')
      .map((line) => line.replace(/ +/g, ' '));
    expect(transport.slice(4)).toStrictEqual([
      '| REST | POST /surf/run |',
      '| GraphQL | `surfRun` |',
      '| MCP tool | `surf_run` |',
      '| GraphQL error codes | DENIED → `FORBIDDEN` |',
    ]);
  });

  it('puts examples, the gql and mcp bindings and gqlCode into OpenAPI', () => {
    const document = openApiDocument(ir) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const post = Object.values(document.paths).find((path) => path['post'])!['post']!;
    expect(post['x-contracts-gql']).toStrictEqual({ field: 'surfRun' });
    expect(post['x-contracts-mcp']).toStrictEqual({ toolName: 'surf_run' });
    expect(post['x-contracts-gql-codes']).toStrictEqual({ DENIED: 'FORBIDDEN' });
    expect(post['requestBody']).toStrictEqual({
      required: true,
      content: {
        'application/json': {
          schema: { $ref: '#/components/schemas/SurfM' },
          examples: { one: { value: { id: 'a' } } },
        },
      },
    });
  });

  it('puts gqlCode and the gql and mcp bindings into the registry record', () => {
    const record = specRecord(ir.specs.find((spec) => spec.key === 'surf.run')!);
    expect([record.errors, record.transport]).toStrictEqual([
      [{ code: 'DENIED', http: 403, description: 'No.', when: '', gqlCode: 'FORBIDDEN' }],
      { gql: { field: 'surfRun', returns: null }, mcp: { toolName: 'surf_run' } },
    ]);
  });
});
