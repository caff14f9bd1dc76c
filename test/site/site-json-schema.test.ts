import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import {
  JSON_SCHEMA_DIALECT,
  jsonSchemaEmitter,
  schemaEntries,
} from '../../packages/codegen/src/generator/emit/json-schema-emitter.js';
import { domainOf } from '../../packages/codegen/src/generator/emit/naming.js';
import { specExtras } from '../../packages/codegen/src/generator/emit/site/site-spec-extras.js';
import { shippedIr } from './site-fixture.js';

// ajv-formats is CommonJS: its default import is `module.exports`, whose `default` is the plugin.
const addFormats = addFormatsModule.default;

const ir = shippedIr();
const surface = new Map(
  jsonSchemaEmitter.emit(ir).map((file) => [file.path, JSON.parse(file.contents) as object]),
);

/** The json-schema surface's document of a spec's `role`, without its `$id`. */
function surfaceDocument(key: string, version: string, role: string, domain: string): object {
  const entry = schemaEntries(ir, domain).find(
    (one) => one.key === key && one.version === version && one.role === role,
  )!;
  const { $id: _id, ...document } = surface.get(`${domain}/json-schema/${entry.file}`) as Record<
    string,
    unknown
  >;
  return document;
}

describe('spec pages: the JSON Schema section', () => {
  const operations = ir.specs.filter((spec) => spec.kind === 'operation');

  it('shows the json-schema surface document of every input and output, without $id', () => {
    expect(operations.length).toBeGreaterThan(10);
    let nested = 0;
    for (const spec of operations) {
      const shown = specExtras(ir, spec).flatMap((extra) =>
        extra.level === 3 && extra.headingKey.endsWith('Schema.label')
          ? [[extra.headingKey, JSON.parse(extra.json) as Record<string, unknown>] as const]
          : [],
      );
      const roles = [...(spec.io.input === null ? [] : ['input']), 'output'];
      expect(shown.map(([headingKey]) => headingKey)).toStrictEqual(
        roles.map((role) => `site.${role}Schema.label`),
      );
      shown.forEach(([, document], at) => {
        expect(document, spec.key).toStrictEqual(
          surfaceDocument(spec.key, spec.version, roles[at]!, domainOf(spec)),
        );
        expect(document['$schema']).toBe(JSON_SCHEMA_DIALECT);
        if (document['$defs']) nested++;
      });
    }
    expect(nested).toBeGreaterThan(0);
  });

  it('shows documents that compile on their own under JSON Schema 2020-12', () => {
    for (const spec of operations) {
      for (const extra of specExtras(ir, spec)) {
        if (extra.level !== 3 || !extra.headingKey.endsWith('Schema.label')) continue;
        expect(extra.json).not.toContain('#/components/');
        const ajv = new Ajv2020({ strict: true, allErrors: true });
        addFormats(ajv);
        expect(() => ajv.compile(JSON.parse(extra.json) as object), spec.key).not.toThrow();
      }
    }
  });
});
