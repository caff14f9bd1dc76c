import { describe, expect, test } from 'vitest';

import {
  maskLiterals,
  maskSecretPatterns,
  secretLiterals,
} from '../../packages/runtime/src/secrets/mask-secrets.js';
import { referenceMaskLiterals, referenceMaskPatterns } from './reference-masking.js';
import { randomText, seededRandom } from './seeded-text.js';

describe('the linear scanners mask what the backtracking patterns masked', () => {
  test('on 20 000 seeded random texts whose shapes fit the windows', () => {
    const random = seededRandom(20_240_601);
    const mismatches: string[] = [];
    let changed = 0;
    for (let index = 0; index < 20_000; index += 1) {
      const text = randomText(random, 40);
      const expected = referenceMaskPatterns(text);
      if (expected !== text) changed += 1;
      if (maskSecretPatterns(text) !== expected) mismatches.push(text);
    }
    expect(mismatches).toStrictEqual([]);
    // The texts exercise the patterns: a good share of them hold a secret shape.
    expect(changed).toBeGreaterThan(5_000);
  });

  test('on every example of each shape', () => {
    const examples = [
      'ftp://a.b+c-d://u:p@h x://:p@h y://u:@h z://u:p:q@h _http://u:p@h 9ab://u:p@h',
      'Bearer\u00a0\u2028tok== bearer  ab=c BEARERx tok bearer',
      'eyJab.cd.ef eyJa.bc.de eyJab.c.de eyJab.cd eyJab-eyJcd.ef.gh xeyJab.cd.ef',
      'AKIAABCDEFGHIJKLMNOP AKIAABCDEFGHIJKLMNOPQ A3TXABCDEFGHIJKLMNOP_ ASIAABCDEFGHIJKLMNO',
      'ghp_abcdefghijklmnopqrst ghs_abcdefghijklmnopqrs github_pat_abcdefghij_klmnopqrst_more',
      'sk-abcdefghijklmnop sk-abcdefghijklmno xoxb-0123456789-ab AIza' + 'a'.repeat(40),
      'x.secret.y = "a b" token:\'c\' password="unterminated\nnext" api-key=v&w PASSWD\t:\tq;r',
      'tokentoken=1 my_token"=2 token=  \n "3" private_key:"" access-key=\'\' secret=;',
    ];
    for (const text of examples) expect(maskSecretPatterns(text)).toBe(referenceMaskPatterns(text));
  });
});

describe('literal masking is leftmost-longest', () => {
  test('agrees with one alternation regex of the literals, longest first, on seeded texts', () => {
    const random = seededRandom(7);
    const mismatches: string[] = [];
    for (let index = 0; index < 5_000; index += 1) {
      const literals = Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        randomText(random, 3),
      );
      const text = randomText(random, 60);
      const expected = referenceMaskLiterals(text, secretLiterals(literals));
      if (maskLiterals(text, literals) !== expected)
        mismatches.push(JSON.stringify({ text, literals }));
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('a longer literal starting later does not take precedence over one starting earlier', () => {
    expect(maskLiterals('abcdef', ['bcdef', 'abcd'])).toBe('***ef');
    expect(maskLiterals('xabcdefx', ['abcdef', 'abcd'])).toBe('x***x');
    expect(maskLiterals('aaaaaaaaa', ['aaaa'])).toBe('******a');
  });

  test('literals are compared by UTF-16 code units, whitespace and surrogates included', () => {
    expect(maskLiterals('a 😀 b\tpäss wörd c', ['😀 b', 'päss wörd'])).toBe('a ***\t*** c');
    expect(maskLiterals('😀😀x', ['\ude00\ud83d\ude00x'])).toBe('\ud83d***');
  });

  test('a literal set too large for a transition table matches the same way', () => {
    const random = seededRandom(99);
    const alphabet = Array.from({ length: 120 }, (_, index) => String.fromCharCode(0x21 + index));
    const word = (length: number): string =>
      Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]!).join('');
    const literals = Array.from({ length: 400 }, () => word(100 + Math.floor(random() * 100)));
    let text = '';
    for (let index = 0; index < 300; index += 1) {
      const literal = literals[Math.floor(random() * literals.length)]!;
      text += random() < 0.5 ? literal : word(50) + literal.slice(0, 60);
    }
    expect(maskLiterals(text, literals)).toBe(
      referenceMaskLiterals(text, secretLiterals(literals)),
    );
  });
});
