import { describe, expect, test } from 'vitest';

import { maskSecrets } from '../../packages/runtime/src/secrets/mask-secrets.js';
import { SecretMasker } from '../../packages/runtime/src/secrets/secret-masker.js';

const LITERAL = 'correct-hörse-😀-battery';

/** Each secret shape in context, and how it is masked. */
const SECRETS: readonly (readonly [string, string])[] = [
  ['Authorization: Bearer abc.DEF-123_x~+/== next', 'Authorization: Bearer *** next'],
  ['jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl done', 'jwt *** done'],
  ['key AKIAIOSFODNN7EXAMPLE used', 'key *** used'],
  ['ghp_abcdefghijklmnopqrstuvwxyz0123456789 ok', '*** ok'],
  ['github_pat_11ABCDEFG0123456789_abcdefghijklmnop ok', '*** ok'],
  ['OPENAI=sk-proj-abcdefghijklmnop1234 ok', 'OPENAI=*** ok'],
  ['slack xoxb-0123456789-abcdef ok', 'slack *** ok'],
  [`google AIza${'0123456789abcdefghijklmnopqrstuvwxy'} ok`, 'google *** ok'],
  ['clone https://alice:s3cr3t@example.com/repo.git', 'clone https://***:***@example.com/repo.git'],
  ['url?api_key=abc123&x=1', 'url?api_key=***&x=1'],
  ['client_secret=hunter22 next', 'client_secret=*** next'],
  ['{"password": "pa ss", "user": "bob"}', '{"password": "***", "user": "bob"}'],
  ["password='a b' rest", "password='***' rest"],
  [`env ${LITERAL} end`, 'env *** end'],
];

/** What a masker writes for `text` cut once at `at`. */
function maskedInTwo(text: string, at: number): string {
  const masker = new SecretMasker([LITERAL]);
  return masker.write(text.slice(0, at)) + masker.write(text.slice(at)) + masker.end();
}

describe('a secret split across two chunks is masked', () => {
  test.each(SECRETS)('%s, cut at every offset', (text, masked) => {
    expect(maskSecrets(text, [LITERAL])).toBe(masked);
    const wrong: number[] = [];
    for (let at = 0; at <= text.length; at += 1)
      if (maskedInTwo(text, at) !== masked) wrong.push(at);
    expect(wrong).toStrictEqual([]);
  });

  test.each(SECRETS)(
    '%s, after 20 000 characters of output, cut at every offset',
    (text, masked) => {
      const filler = 'lorem ipsum dolor sit amet\n'.repeat(741);
      const wrong: number[] = [];
      for (let at = 0; at <= text.length; at += 1) {
        if (maskedInTwo(filler + text, filler.length + at) !== filler + masked) wrong.push(at);
      }
      expect(wrong).toStrictEqual([]);
    },
  );

  test('a literal cut inside a UTF-8 sequence of a Buffer, at every byte offset', () => {
    const bytes = Buffer.from(`env ${LITERAL} end`);
    const wrong: number[] = [];
    for (let at = 0; at <= bytes.length; at += 1) {
      const masker = new SecretMasker([LITERAL]);
      const out =
        masker.write(bytes.subarray(0, at)) + masker.write(bytes.subarray(at)) + masker.end();
      if (out !== 'env *** end') wrong.push(at);
    }
    expect(wrong).toStrictEqual([]);
  });
});
