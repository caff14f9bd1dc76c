import type { ScalarName } from '../ir/ir-schema.js';

/** A JSON Schema fragment: plain JSON, keys in the order they are printed. */
export type JsonSchema = { readonly [key: string]: unknown };

/** A check exported by runtime/wire-formats.ts that a generated schemas.ts may import. */
export type WireFormatCheck = 'isDate' | 'isDateTime' | 'isEmail' | 'isUri';

/** Every {@link WireFormatCheck}, sorted. */
export const WIRE_FORMAT_CHECKS: readonly WireFormatCheck[] = [
  'isDate',
  'isDateTime',
  'isEmail',
  'isUri',
];

/** How one scalar looks on the three data surfaces. */
export interface ScalarWireType {
  /** TypeScript type text, e.g. `string`, `Record<string, unknown>`. */
  readonly ts: string;
  /** zod 4 expression text; it may call the runtime checks listed in `wireFormats`. */
  readonly zod: string;
  /** runtime/wire-formats.ts checks that `zod` calls; schemas.ts imports them when a field needs them. */
  readonly wireFormats: readonly WireFormatCheck[];
  /** JSON Schema (draft 2020-12) fragment that accepts exactly the values the zod expression accepts. */
  readonly jsonSchema: JsonSchema;
}

/**
 * A string scalar with a JSON Schema `format`: zod refines the string with the runtime check that
 * ajv-formats runs for that format, and reports `message` when it fails.
 */
function formatted(format: string, check: WireFormatCheck, message: string): ScalarWireType {
  return {
    ts: 'string',
    zod: `z.string().refine(${check}, { error: ${JSON.stringify(message)} })`,
    wireFormats: [check],
    jsonSchema: { type: 'string', format },
  };
}

/** A string scalar constrained by a pattern of the catalog, identical in zod and JSON Schema. */
function patterned(pattern: string): ScalarWireType {
  // ajv compiles `pattern` with the `u` flag; zod gets the same flag so both read it alike.
  return {
    ts: 'string',
    zod: `z.string().regex(${String(new RegExp(pattern, 'u'))})`,
    wireFormats: [],
    jsonSchema: { type: 'string', pattern },
  };
}

function plain(ts: string, zod: string, jsonSchema: JsonSchema): ScalarWireType {
  return { ts, zod, wireFormats: [], jsonSchema };
}

/**
 * The one table of the twenty scalars, read by the types, zod and JSON Schema emitters. Wire types
 * and constraints follow shared/contracts-catalog.md ("Scalars (all twenty)"); every zod expression
 * accepts exactly the JSON values its JSON Schema accepts under ajv 8 + ajv-formats 3 full mode
 *. Formatted scalars are plain
 * `format`s; their zod
 * side calls runtime/wire-formats.ts, which runs ajv-formats' own validators, so both agree by
 * construction. Int_unsecure is bounded to the safe integers on both sides (zod 4's `z.int()`
 * rejects larger ones).
 */
export const SCALAR_WIRE_TYPES: Readonly<Record<ScalarName, ScalarWireType>> = {
  String_unsecure: plain('string', 'z.string()', { type: 'string' }),
  NonEmptyString: plain('string', 'z.string().min(1)', { type: 'string', minLength: 1 }),
  ID: plain('string', 'z.string()', { type: 'string' }),
  Int_unsecure: plain('number', 'z.int()', {
    type: 'integer',
    minimum: Number.MIN_SAFE_INTEGER,
    maximum: Number.MAX_SAFE_INTEGER,
  }),
  Float_unsecure: plain('number', 'z.number()', { type: 'number' }),
  Boolean: plain('boolean', 'z.boolean()', { type: 'boolean' }),
  JSON: plain('unknown', 'z.unknown()', {}),
  JSONObject: plain('Record<string, unknown>', 'z.record(z.string(), z.unknown())', {
    type: 'object',
  }),
  Date: formatted('date', 'isDate', 'Invalid date: expected RFC 3339 full-date, e.g. 2026-01-31'),
  DateTime: formatted(
    'date-time',
    'isDateTime',
    'Invalid date-time: expected RFC 3339, e.g. 2026-01-31T12:00:00Z',
  ),
  Time: patterned('^\\d{2}:\\d{2}(:\\d{2})?$'),
  EmailAddress: formatted(
    'email',
    'isEmail',
    'Invalid email address: expected e.g. ada@example.com',
  ),
  URL: formatted(
    'uri',
    'isUri',
    'Invalid URI: expected RFC 3986 with a scheme, e.g. https://example.com/',
  ),
  PhoneNumber: patterned('^[+]?\\d[\\d\\s().-]{3,}$'),
  Locale: patterned('^[A-Za-z]{2}(?:-[A-Za-z0-9]{2,8})*$'),
  TimeZone: patterned('^(?:UTC|[A-Za-z_]+\\/[A-Za-z_]+)$'),
  Latitude: plain('number', 'z.number().min(-90).max(90)', {
    type: 'number',
    minimum: -90,
    maximum: 90,
  }),
  Longitude: plain('number', 'z.number().min(-180).max(180)', {
    type: 'number',
    minimum: -180,
    maximum: 180,
  }),
  Currency: patterned('^[A-Z]{3}$'),
  CountryCode: patterned('^[A-Z]{2}$'),
};
