import type { ScalarName } from '../../packages/codegen/src/generator/ir/ir-schema.js';

/** JSON values a scalar must accept (`valid[0]` is the canonical one) and must reject. */
export interface ScalarSamples {
  readonly valid: readonly unknown[];
  readonly invalid: readonly unknown[];
}

const NOT_A_STRING = [42, true, null, [], {}];
const NOT_A_NUMBER = ['1', true, null, [], {}];
const MAX_SAFE = Number.MAX_SAFE_INTEGER;

/**
 * Per scalar, values on both sides of every edge where zod and ajv-formats (full mode) could
 * disagree, with the verdict ajv-formats gives: for DateTime lower-case `t`/`z`, a whitespace
 * separator, `+hhmm`/`+hh` offsets, leap seconds (only at 23:59:60 UTC) and impossible dates
 * (Feb 30); leap days for Date; single-letter TLDs for EmailAddress; WHATWG-only URLs; the
 * safe-integer bound, the latitude/longitude bounds, the catalog's patterns. Every value is plain
 * JSON.
 */
export const SCALAR_SAMPLES: Readonly<Record<ScalarName, ScalarSamples>> = {
  String_unsecure: { valid: ['any text', '', ' '], invalid: NOT_A_STRING },
  NonEmptyString: { valid: ['x', ' ', 'héllo'], invalid: ['', ...NOT_A_STRING] },
  ID: { valid: ['id_1', ''], invalid: NOT_A_STRING },
  Int_unsecure: {
    valid: [7, 0, -42, MAX_SAFE, -MAX_SAFE, 1.0],
    invalid: [1.5, -0.25, MAX_SAFE + 1, -MAX_SAFE - 1, 1e300, ...NOT_A_NUMBER],
  },
  Float_unsecure: { valid: [1.25, 0, -3, 1e300, -1e-300], invalid: NOT_A_NUMBER },
  Boolean: { valid: [true, false], invalid: ['true', 0, 1, null, [], {}] },
  JSON: { valid: [{ any: ['json', 1, null] }, null, 0, 'x', false, [], {}], invalid: [] },
  JSONObject: {
    valid: [{ a: 1 }, {}, { nested: { list: [null, 'x'] } }],
    invalid: [[], null, 'x', 1, true],
  },
  Date: {
    valid: ['2024-05-01', '2024-02-29', '2000-02-29', '1999-12-31', '0000-01-01'],
    invalid: [
      '1900-02-29',
      '2023-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-05-00',
      '2024-5-01',
      '24-05-01',
      '2024-05-01T00:00:00Z',
      '2024-05-01 ',
      '',
      20240501,
      null,
    ],
  },
  DateTime: {
    valid: [
      '2024-05-01T10:20:30Z',
      '2024-05-01T10:20:30.123456+02:00',
      '2024-02-29T23:59:59-05:30',
      '2024-12-31T00:00:00+23:59',
      '2024-05-01T10:20:30.5Z',
      '2024-05-01t10:20:30z',
      '2024-05-01T10:20:30z',
      '2024-05-01 10:20:30Z',
      '2024-05-01\t10:20:30Z',
      '2024-05-01T10:20:30+0200',
      '2024-05-01T10:20:30+02',
      '2024-05-01T10:20:30-00:00',
      '2024-12-31T23:59:60Z',
      '2024-05-01T23:59:60.999Z',
      '2024-05-02T01:59:60+02:00',
      '2024-05-01T22:59:60-01:00',
      // ajv-formats' leap-second branch only checks the UTC hour and minute, so hour 24 passes here.
      '2024-05-01T24:59:30+01:00',
      '0000-01-01T00:00:00Z',
    ],
    invalid: [
      'not a date',
      '2024-05-01',
      '2024-05-01T10:20:30',
      '2024-05-01T10:20Z',
      '2024-05-01  10:20:30Z',
      '2024-05-01TT10:20:30Z',
      '2024-05-01T10:20:60Z',
      '2024-05-01T23:59:61Z',
      '2024-05-01T23:59:60+01:00',
      '2024-05-01T24:58:30+01:00',
      '2024-05-01T24:00:00Z',
      '2024-05-01T10:60:00Z',
      '2024-05-01T10:20:30+24:00',
      '2024-05-01T10:20:30+02:60',
      '2024-05-01T10:20:30+2:00',
      '2024-05-01T10:20:30+02:00:00',
      '2024-02-30T10:00:00Z',
      '2023-02-29T10:20:30Z',
      '2024-05-01T10:20:30.Z',
      1714558830,
      null,
    ],
  },
  Time: {
    valid: ['09:30', '23:59:59', '99:99'],
    invalid: ['9:30', '09:30:5', '09-30', '09:30:00Z', '', 930, null],
  },
  EmailAddress: {
    valid: ['ada@example.com', "o'brien+tag@mail.example.co", 'a@b.c', 'UPPER@EXAMPLE.ORG'],
    invalid: [
      'ada',
      'ada@',
      '@example.com',
      'ada@example',
      'a b@example.com',
      'ada@exa_mple.com',
      'ada@-x.com',
      '',
      1,
      null,
    ],
  },
  URL: {
    valid: [
      'https://example.com/path?q=1#frag',
      'urn:isbn:0451450523',
      'mailto:ada@example.com',
      'http://[::1]:8080/',
      'HTTP://EXAMPLE.COM',
    ],
    invalid: [
      'example.com',
      '/relative/path',
      'http://exa mple.com',
      'https://example.com/<a>',
      'http://ex%zz.com',
      '',
      1,
      null,
    ],
  },
  PhoneNumber: {
    valid: ['+1 (555) 010-9999', '0123', '+33.1.23.45.67'],
    invalid: ['++1234', '123', 'phone', '+', '', 1234, null],
  },
  Locale: {
    valid: ['en', 'en-US', 'zh-Hant-TW', 'EN'],
    invalid: ['e', 'en_US', 'english', 'en-', 'en-a', '', null],
  },
  TimeZone: {
    valid: ['UTC', 'Europe/Paris', 'America/New_York'],
    invalid: ['utc', 'Europe/Paris/Extra', 'GMT+1', 'America/', '', null],
  },
  Latitude: { valid: [48.85, -90, 90, 0], invalid: [90.0001, -90.5, 91, '45', null] },
  Longitude: { valid: [2.35, -180, 180], invalid: [180.5, -181, '2', null] },
  Currency: { valid: ['EUR', 'XYZ'], invalid: ['eur', 'EURO', 'EU', '', 978, null] },
  CountryCode: { valid: ['FR', 'ZZ'], invalid: ['fr', 'FRA', 'F', '', null] },
};
