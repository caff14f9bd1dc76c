import { fullFormats, type FormatName } from 'ajv-formats/dist/formats.js';

/**
 * String checks of the formatted scalars, used by the generated zod schemas (`schemas.ts`).
 *
 * These are the validators JSON Schema's `format` uses under ajv 8 + ajv-formats 3 in full mode,
 * taken from ajv-formats itself rather than rewritten, so the zod and JSON Schema surfaces agree by
 * construction.
 */

/**
 * The synchronous string check behind one ajv-formats full-mode format: a RegExp is tested, a
 * validator function (bare or as `{ validate }`) is called.
 * @throws Error at load time when the format is not a synchronous string check, so an ajv-formats
 * upgrade that changes its shape fails loudly instead of accepting everything.
 */
function formatCheck(name: FormatName): (value: string) => boolean {
  const format = fullFormats[name];
  const check =
    typeof format === 'object' && !(format instanceof RegExp)
      ? format.async || format.type === 'number'
        ? undefined
        : format.validate
      : format;
  if (check instanceof RegExp) return (value) => check.test(value);
  if (typeof check === 'function') return (value) => (check as (data: string) => boolean)(value);
  throw new Error(`ajv-formats full format "${name}" is not a synchronous string check`);
}

const dateTime = formatCheck('date-time');
const date = formatCheck('date');
const email = formatCheck('email');
const uri = formatCheck('uri');

/**
 * True when `value` is an RFC 3339 §5.6 `date-time` as ajv-formats full mode reads it: a full-date,
 * `T`, `t` or one whitespace character, a time with seconds (a leap second only at 23:59:60 UTC),
 * and a `Z`/`z` or `±hh`, `±hhmm`, `±hh:mm` offset; calendar dates are checked (no Feb 30).
 */
export function isDateTime(value: string): boolean {
  return dateTime(value);
}

/** True when `value` is an RFC 3339 §5.6 `full-date` (`YYYY-MM-DD`, leap years checked), as ajv-formats full mode reads it. */
export function isDate(value: string): boolean {
  return date(value);
}

/**
 * True when `value` is an email address as ajv-formats full mode reads `format: email`: an
 * RFC 5321-ish dot-atom local part, `@`, and a domain of at least two dot-separated labels.
 */
export function isEmail(value: string): boolean {
  return email(value);
}

/**
 * True when `value` is an absolute RFC 3986 URI (a scheme is required, relative references are
 * rejected) as ajv-formats full mode reads `format: uri`.
 */
export function isUri(value: string): boolean {
  return uri(value);
}
