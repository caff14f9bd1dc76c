import { isWhitespace } from '../core/whitespace.js';

/**
 * The character classes the secret shapes are made of, as bit flags over UTF-16 code units, so a
 * scanner tests a class with one table lookup instead of a regular expression.
 */

/** `[A-Za-z0-9_]`: ECMA-262 `\w`, the word characters a `\b` boundary separates from the rest. */
export const WORD = 1 << 0;
/** `[A-Za-z0-9+.-]`: the characters after a URI scheme's first letter (RFC 3986 §3.1). */
export const SCHEME = 1 << 1;
/** `[^\s/?#@:]`: the user part of URL credentials (RFC 3986 §3.2.1 userinfo, up to its `:`). */
export const USERINFO_USER = 1 << 2;
/** `[^\s/?#@]`: the password part of URL credentials (RFC 3986 §3.2.1 userinfo, after its `:`). */
export const USERINFO_PASSWORD = 1 << 3;
/** `[A-Za-z0-9-._~+/]`: the token68 characters of a bearer token before its `=` padding (RFC 6750 §2.1). */
export const TOKEN68 = 1 << 4;
/** `[A-Za-z0-9_-]`: the base64url alphabet (RFC 4648 §5) of JWT segments (RFC 7519 §3). */
export const BASE64URL = 1 << 5;
/** `[A-Za-z0-9_.-]`: the characters of a `key=value` key name. */
export const KEY_NAME = 1 << 6;
/** `[^\s"'&,;]`: the characters of an unquoted `key=value` value. */
export const PAIR_VALUE = 1 << 7;
/** `[A-Za-z0-9]`. */
export const ALNUM = 1 << 8;
/** `[A-Za-z0-9-]`. */
export const ALNUM_DASH = 1 << 9;
/** `=`: the padding after a bearer token (RFC 6750 §2.1). */
export const EQUALS = 1 << 10;
/** `.`: the JWT segment separator (RFC 7519 §3). */
export const DOT = 1 << 11;

/** The negated classes, which hold every non-ASCII code unit that is not whitespace. */
const NEGATED = USERINFO_USER | USERINFO_PASSWORD | PAIR_VALUE;

const ASCII_CLASSES = buildAsciiClasses();

function buildAsciiClasses(): Uint16Array {
  const table = new Uint16Array(0x80);
  for (let code = 0; code < 0x80; code += 1) {
    const char = String.fromCharCode(code);
    const alnum = /[A-Za-z0-9]/.test(char);
    const space = isWhitespace(code);
    let flags = 0;
    if (alnum || char === '_') flags |= WORD;
    if (alnum || '+.-'.includes(char)) flags |= SCHEME;
    if (!space && !'/?#@:'.includes(char)) flags |= USERINFO_USER;
    if (!space && !'/?#@'.includes(char)) flags |= USERINFO_PASSWORD;
    if (alnum || '-._~+/'.includes(char)) flags |= TOKEN68;
    if (alnum || '_-'.includes(char)) flags |= BASE64URL;
    if (alnum || '_.-'.includes(char)) flags |= KEY_NAME;
    if (!space && !'"\'&,;'.includes(char)) flags |= PAIR_VALUE;
    if (alnum) flags |= ALNUM;
    if (alnum || char === '-') flags |= ALNUM_DASH;
    if (char === '=') flags |= EQUALS;
    if (char === '.') flags |= DOT;
    table[code] = flags;
  }
  return table;
}

/** Whether UTF-16 code unit `code` is in any of the classes of the bit set `classes`. */
export function inClass(code: number, classes: number): boolean {
  if (code < 0x80) return (ASCII_CLASSES[code]! & classes) !== 0;
  return (classes & NEGATED) !== 0 && !isWhitespace(code);
}

/** Whether `code` is an ECMA-262 word character (`\w`). */
export function isWordChar(code: number): boolean {
  return code < 0x80 && (ASCII_CLASSES[code]! & WORD) !== 0;
}

/** Whether `code` is an ASCII letter (`[A-Za-z]`, the first character of a URI scheme, RFC 3986 §3.1). */
export function isAsciiLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

/**
 * ECMA-262 `\b` before index `at` of `text` when the character at `at` is a word character: the
 * text starts there or the character before is not a word character.
 */
export function wordStartsAt(text: string, at: number): boolean {
  return at === 0 || !isWordChar(text.charCodeAt(at - 1));
}
