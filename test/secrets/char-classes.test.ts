import { describe, expect, test } from 'vitest';

import {
  ALNUM,
  ALNUM_DASH,
  BASE64URL,
  DOT,
  EQUALS,
  KEY_NAME,
  PAIR_VALUE,
  SCHEME,
  TOKEN68,
  USERINFO_PASSWORD,
  USERINFO_USER,
  WORD,
  inClass,
  isWordChar,
} from '../../packages/runtime/src/secrets/char-classes.js';
import { isWhitespace } from '../../packages/runtime/src/core/whitespace.js';

const CLASSES: readonly (readonly [string, number, RegExp])[] = [
  ['WORD', WORD, /\w/],
  ['SCHEME', SCHEME, /[a-z0-9+.-]/i],
  ['USERINFO_USER', USERINFO_USER, /[^\s/?#@:]/],
  ['USERINFO_PASSWORD', USERINFO_PASSWORD, /[^\s/?#@]/],
  ['TOKEN68', TOKEN68, /[A-Za-z0-9\-._~+/]/],
  ['BASE64URL', BASE64URL, /[A-Za-z0-9_-]/],
  ['KEY_NAME', KEY_NAME, /[A-Za-z0-9_.-]/i],
  ['PAIR_VALUE', PAIR_VALUE, /[^\s"'&,;]/],
  ['ALNUM', ALNUM, /[A-Za-z0-9]/],
  ['ALNUM_DASH', ALNUM_DASH, /[A-Za-z0-9-]/],
  ['EQUALS', EQUALS, /=/],
  ['DOT', DOT, /\./],
];

/** The code units where `predicate` and `pattern` disagree. */
function disagreements(predicate: (code: number) => boolean, pattern: RegExp): number[] {
  const codes: number[] = [];
  for (let code = 0; code < 0x10000; code += 1) {
    if (predicate(code) !== pattern.test(String.fromCharCode(code))) codes.push(code);
  }
  return codes;
}

describe('character classes match their regular expressions on every UTF-16 code unit', () => {
  test('isWhitespace is ECMA-262 \\s', () => {
    expect(disagreements(isWhitespace, /\s/)).toStrictEqual([]);
  });

  test('isWordChar is \\w', () => {
    expect(disagreements(isWordChar, /\w/)).toStrictEqual([]);
  });

  test.each(CLASSES)('%s', (_, flag, pattern) => {
    expect(disagreements((code) => inClass(code, flag), pattern)).toStrictEqual([]);
  });
});
