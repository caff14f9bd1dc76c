import { z } from 'zod';
import type { ScalarName } from '../ir/ir-schema.js';

/** A JSON Schema fragment: plain JSON, keys in the order they are printed. */
export type JsonSchema = { readonly [key: string]: unknown };

/** How one scalar looks on the three data surfaces. */
export interface ScalarWireType {
  /** TypeScript type text, e.g. `string`, `Record<string, unknown>`. */
  readonly ts: string;
  /** zod 4 expression text; it may name the constants listed in `zodConstants`. */
  readonly zod: string;
  /** Names from {@link ZOD_PATTERN_CONSTANTS} that `zod` uses; schemas.ts declares them once. */
  readonly zodConstants: readonly string[];
  /** JSON Schema (draft 2020-12) fragment that accepts exactly the values the zod expression accepts. */
  readonly jsonSchema: JsonSchema;
}

/**
 * ajv-formats 3 (full mode) `email` regex, copied so that zod checks exactly what JSON Schema's
 * `format: email` checks under ajv; zod's own email regex differs (it rejects `a@b.c`).
 */
const AJV_EMAIL =
  /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * ajv-formats 3 (full mode) `uri` regex. ajv also requires `/` or `:` in the value, which this
 * regex already implies (its scheme ends in `:`), so the regex alone is the whole `uri` check.
 * zod's `z.url()` uses the WHATWG URL parser instead, which accepts and rejects other strings.
 */
const AJV_URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;

/** Module-level constants a generated schemas.ts declares when one of its fields needs them. */
export const ZOD_PATTERN_CONSTANTS: Readonly<Record<string, { doc: string; literal: string }>> = {
  EMAIL_PATTERN: {
    doc: "ajv-formats' `email` regex, so zod agrees with JSON Schema `format: email`.",
    literal: String(AJV_EMAIL),
  },
  URI_PATTERN: {
    doc: "ajv-formats' `uri` regex, so zod agrees with JSON Schema `format: uri`.",
    literal: String(AJV_URI),
  },
};

/**
 * zod's RFC 3339 date-time regex (`z.iso.datetime({ offset: true })`: `T` and `Z` upper case,
 * seconds required, offsets `±hh:mm`). ajv-formats' `date-time` accepts more (`t`, a space,
 * `+0100`, leap seconds), so the JSON Schema carries this regex as `pattern` next to the format.
 */
export const DATE_TIME_PATTERN = z.regexes.datetime({ offset: true }).source;

/** A string scalar constrained by a pattern of the catalog, identical in zod and JSON Schema. */
function patterned(pattern: string): ScalarWireType {
  // ajv compiles `pattern` with the `u` flag; zod gets the same flag so both read it alike.
  return {
    ts: 'string',
    zod: `z.string().regex(${String(new RegExp(pattern, 'u'))})`,
    zodConstants: [],
    jsonSchema: { type: 'string', pattern },
  };
}

function plain(ts: string, zod: string, jsonSchema: JsonSchema): ScalarWireType {
  return { ts, zod, zodConstants: [], jsonSchema };
}

/**
 * The one table of the twenty scalars, read by the types, zod and JSON Schema emitters. Wire types
 * and constraints follow shared/contracts-catalog.md ("Scalars (all twenty)"); every zod expression
 * accepts exactly the JSON values its JSON Schema accepts under ajv 8 + ajv-formats 3 (issue #2,
 * the equivalence test in test/emit-data proves it). Two additions keep them equal: Int_unsecure is
 * bounded to the safe integers (zod 4's `z.int()` rejects larger ones), and DateTime adds
 * {@link DATE_TIME_PATTERN}.
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
  Date: plain('string', 'z.iso.date()', { type: 'string', format: 'date' }),
  DateTime: plain('string', 'z.iso.datetime({ offset: true })', {
    type: 'string',
    format: 'date-time',
    pattern: DATE_TIME_PATTERN,
  }),
  Time: patterned('^\\d{2}:\\d{2}(:\\d{2})?$'),
  EmailAddress: {
    ts: 'string',
    zod: 'z.email({ pattern: EMAIL_PATTERN })',
    zodConstants: ['EMAIL_PATTERN'],
    jsonSchema: { type: 'string', format: 'email' },
  },
  URL: {
    ts: 'string',
    zod: 'z.string().regex(URI_PATTERN)',
    zodConstants: ['URI_PATTERN'],
    jsonSchema: { type: 'string', format: 'uri' },
  },
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
