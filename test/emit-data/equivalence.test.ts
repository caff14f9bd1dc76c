import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { strictModelNames } from '../../packages/codegen/src/generator/emit/model-graph.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { DocumentFactory } from './document-cases.js';
import { makeCyclicIr, makeDataIr } from './fixture-ir.js';
import { loadModelValidators } from './load-emitted.js';

/*
 * Issue #2: the zod schema and the JSON Schema of one model accept and reject the same documents.
 * For every model of the fixture IRs and of the real specs/ (through buildIr, the same path
 * `generate` takes), a list of documents built from the model is run through the emitted zod
 * schema and through ajv (2020-12, strict, ajv-formats); both verdicts must equal the expected one.
 */

const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

const irs: [string, Ir][] = [
  ['fixture', makeDataIr()],
  ['cyclic fixture', makeCyclicIr()],
  ['specs/', buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT })],
];

describe.each(irs)('zod and JSON Schema agree on every model of the %s IR', async (_name, ir) => {
  const factory = new DocumentFactory(ir, strictModelNames(ir));
  const validators = await loadModelValidators(ir);

  it('has no error diagnostics and declares models', () => {
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    expect(validators.length).toBeGreaterThan(0);
  });

  it.each(validators.map((v) => [`${v.domain}/${v.model}`, v] as const))(
    '%s',
    (_label, validator) => {
      const cases = factory.cases(validator.model);
      const verdicts = cases.map((c) => ({
        label: c.label,
        zod: validator.zod.safeParse(c.document).success,
        ajv: validator.ajv(c.document),
      }));
      expect(verdicts).toStrictEqual(
        cases.map((c) => ({ label: c.label, zod: c.valid, ajv: c.valid })),
      );
      expect(cases.some((c) => c.valid) && cases.some((c) => !c.valid)).toBe(true);
    },
  );
});

describe('strip mode', () => {
  it('a model reachable only from outputs parses a document with an unknown key and drops the key', async () => {
    const ir = makeDataIr();
    const validators = await loadModelValidators(ir);
    const output = validators.find((v) => v.model === 'HealthOutput')!;
    const input = validators.find((v) => v.model === 'PlaceOrderInput')!;
    const document = { ok: true, checkedAt: '2024-05-01T10:20:30Z', fromNewerServer: 1 };
    expect(output.zod.parse(document)).toStrictEqual({
      ok: true,
      checkedAt: '2024-05-01T10:20:30Z',
    });
    expect(output.ajv(document)).toBe(true);
    const request = {
      customerEmail: 'ada@example.com',
      priority: 'low',
      lines: [],
      priorty: 'high',
    };
    expect(input.zod.safeParse(request).success).toBe(false);
    expect(input.ajv(request)).toBe(false);
  });
});
