import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DATE_TIME_PATTERN,
  SCALAR_WIRE_TYPES,
  ZOD_PATTERN_CONSTANTS,
} from '../../generator/emit/scalar-wire-types.js';
import { SCALARS } from '../../generator/ir/ir-schema.js';
import { SCALAR_SAMPLES } from './scalar-samples.js';
import { strictAjv } from './load-emitted.js';

const evaluate = (expression: string): z.ZodType => {
  const constants = Object.entries(ZOD_PATTERN_CONSTANTS).map(
    ([name, c]) => `const ${name} = ${c.literal};`,
  );
  return new Function('z', `${constants.join('\n')}\nreturn ${expression};`)(z) as z.ZodType;
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
      DateTime: ['string', { type: 'string', format: 'date-time', pattern: DATE_TIME_PATTERN }],
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

  it("uses zod's own RFC 3339 regex as the DateTime pattern", () => {
    expect(DATE_TIME_PATTERN).toBe(z.iso.datetime({ offset: true })._zod.def.pattern!.source);
    expect(new RegExp(DATE_TIME_PATTERN, 'u').test('2024-05-01T10:20:30+02:00')).toBe(true);
  });

  it("copies ajv-formats' email and uri regexes exactly", () => {
    const email = fullFormats.email as RegExp;
    expect(ZOD_PATTERN_CONSTANTS.EMAIL_PATTERN!.literal).toBe(String(email));
    const formatsJs = readFileSync(
      createRequire(import.meta.url).resolve('ajv-formats/dist/formats.js'),
      'utf8',
    );
    const uri = /^const URI = (\/.*\/i);$/m.exec(formatsJs);
    expect(ZOD_PATTERN_CONSTANTS.URI_PATTERN!.literal).toBe(uri?.[1]);
  });

  it.each(SCALARS)('%s: zod and JSON Schema give the samples the same verdicts', (name) => {
    const wire = SCALAR_WIRE_TYPES[name];
    const zodSchema = evaluate(wire.zod);
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
