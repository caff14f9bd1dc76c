import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SCALAR_WIRE_TYPES } from '../../packages/codegen/src/generator/emit/scalar-wire-types.js';
import { SCALARS } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import * as wireFormats from '../../packages/runtime/src/wire-formats.js';
import { SCALAR_SAMPLES } from './scalar-samples.js';
import { strictAjv } from './load-emitted.js';

/** Evaluates a zod expression of the table with `z` and the checks it names in scope. */
const evaluate = (expression: string, checks: readonly string[]): z.ZodType => {
  const values = checks.map((name) => wireFormats[name as keyof typeof wireFormats]);
  return new Function('z', ...checks, `return ${expression};`)(z, ...values) as z.ZodType;
};

describe('the scalar table', () => {
  it('covers the twenty scalars with the catalog wire types', () => {
    expect(Object.keys(SCALAR_WIRE_TYPES)).toStrictEqual([...SCALARS]);
    const rows = Object.fromEntries(
      SCALARS.map((name) => [
        name,
        [SCALAR_WIRE_TYPES[name].ts, SCALAR_WIRE_TYPES[name].jsonSchema],
      ]),
    );
    const safe = { type: 'integer', minimum: -9007199254740991, maximum: 9007199254740991 };
    expect(rows).toStrictEqual({
      String_unsecure: ['string', { type: 'string' }],
      NonEmptyString: ['string', { type: 'string', minLength: 1 }],
      ID: ['string', { type: 'string' }],
      Int_unsecure: ['number', safe],
      Float_unsecure: ['number', { type: 'number' }],
      Boolean: ['boolean', { type: 'boolean' }],
      JSON: ['unknown', {}],
      JSONObject: ['Record<string, unknown>', { type: 'object' }],
      Date: ['string', { type: 'string', format: 'date' }],
      DateTime: ['string', { type: 'string', format: 'date-time' }],
      Time: ['string', { type: 'string', pattern: '^\\d{2}:\\d{2}(:\\d{2})?$' }],
      EmailAddress: ['string', { type: 'string', format: 'email' }],
      URL: ['string', { type: 'string', format: 'uri' }],
      PhoneNumber: ['string', { type: 'string', pattern: '^[+]?\\d[\\d\\s().-]{3,}$' }],
      Locale: ['string', { type: 'string', pattern: '^[A-Za-z]{2}(?:-[A-Za-z0-9]{2,8})*$' }],
      TimeZone: ['string', { type: 'string', pattern: '^(?:UTC|[A-Za-z_]+\\/[A-Za-z_]+)$' }],
      Latitude: ['number', { type: 'number', minimum: -90, maximum: 90 }],
      Longitude: ['number', { type: 'number', minimum: -180, maximum: 180 }],
      Currency: ['string', { type: 'string', pattern: '^[A-Z]{3}$' }],
      CountryCode: ['string', { type: 'string', pattern: '^[A-Z]{2}$' }],
    });
  });

  it('refines formatted strings with the runtime checks, reporting exact messages', () => {
    const formatted = SCALARS.filter((name) => SCALAR_WIRE_TYPES[name].wireFormats.length > 0);
    expect(
      formatted.map((name) => {
        const wire = SCALAR_WIRE_TYPES[name];
        const result = evaluate(wire.zod, wire.wireFormats).safeParse('x');
        return [name, wire.zod, wire.wireFormats, result.error?.issues.map((i) => i.message)];
      }),
    ).toStrictEqual([
      [
        'Date',
        'z.string().refine(isDate, { error: "Invalid date: expected RFC 3339 full-date, e.g. 2026-01-31" })',
        ['isDate'],
        ['Invalid date: expected RFC 3339 full-date, e.g. 2026-01-31'],
      ],
      [
        'DateTime',
        'z.string().refine(isDateTime, { error: "Invalid date-time: expected RFC 3339, e.g. 2026-01-31T12:00:00Z" })',
        ['isDateTime'],
        ['Invalid date-time: expected RFC 3339, e.g. 2026-01-31T12:00:00Z'],
      ],
      [
        'EmailAddress',
        'z.string().refine(isEmail, { error: "Invalid email address: expected e.g. ada@example.com" })',
        ['isEmail'],
        ['Invalid email address: expected e.g. ada@example.com'],
      ],
      [
        'URL',
        'z.string().refine(isUri, { error: "Invalid URI: expected RFC 3986 with a scheme, e.g. https://example.com/" })',
        ['isUri'],
        ['Invalid URI: expected RFC 3986 with a scheme, e.g. https://example.com/'],
      ],
    ]);
    expect(
      formatted.map((name) => JSON.stringify(SCALAR_WIRE_TYPES[name].jsonSchema)),
    ).toStrictEqual([
      '{"type":"string","format":"date"}',
      '{"type":"string","format":"date-time"}',
      '{"type":"string","format":"email"}',
      '{"type":"string","format":"uri"}',
    ]);
    expect(Object.keys(wireFormats).sort()).toStrictEqual([
      'isDate',
      'isDateTime',
      'isEmail',
      'isUri',
    ]);
  });

  it.each(SCALARS)('%s: zod and JSON Schema give the samples the same verdicts', (name) => {
    const wire = SCALAR_WIRE_TYPES[name];
    const zodSchema = evaluate(wire.zod, wire.wireFormats);
    const validate = strictAjv().compile({
      type: 'object',
      properties: { v: wire.jsonSchema },
      required: ['v'],
    });
    const { valid, invalid } = SCALAR_SAMPLES[name];
    const verdicts = [...valid, ...invalid].map((value) => [
      JSON.stringify(value),
      zodSchema.safeParse(value).success,
      validate({ v: value }),
    ]);
    const expected = [...valid.map(() => true), ...invalid.map(() => false)];
    expect(verdicts).toStrictEqual(
      [...valid, ...invalid].map((value, i) => [JSON.stringify(value), expected[i], expected[i]]),
    );
  });
});
