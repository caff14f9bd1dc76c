import { describe, expect, test } from 'vitest';

import { excerptOf } from '../../packages/runtime/src/harness/execution/excerpt.js';
import { maskSecrets, secretLiterals } from '../../packages/runtime/src/secrets/mask-secrets.js';

describe('maskSecrets: secret shapes', () => {
  test.each([
    ['bearer token', 'Authorization: Bearer abc.DEF-123_x~+/==', 'Authorization: Bearer ***'],
    ['lower-case bearer', 'bearer\tsometoken', 'bearer\t***'],
    ['JWT', 'jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl done', 'jwt *** done'],
    ['AWS access key id', 'key AKIAIOSFODNN7EXAMPLE used', 'key *** used'],
    ['GitHub classic token', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789 ok', '*** ok'],
    ['GitHub OAuth token', 'gho_ABCDEFGHIJKLMNOPQRSTUVWX', '***'],
    ['GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop', '***'],
    ['sk- API key', 'OPENAI=sk-proj-abcdefghijklmnop1234', 'OPENAI=***'],
    ['api_key pair', 'url?api_key=abc123&x=1', 'url?api_key=***&x=1'],
    [
      'URL credentials',
      'clone https://alice:s3cr3t@example.com/repo.git',
      'clone https://***:***@example.com/repo.git',
    ],
    ['secret pair', 'client_secret=hunter22 next', 'client_secret=*** next'],
    ['token pair with colon', 'TOKEN: abcdef', 'TOKEN: ***'],
    [
      'password in JSON',
      '{"password": "pa ss", "user": "bob"}',
      '{"password": "***", "user": "bob"}',
    ],
    ['single-quoted password', "password='a b' rest", "password='***' rest"],
    ['DB password pair', 'DB_PASSWORD=correct-horse', 'DB_PASSWORD=***'],
  ])('%s', (_, text, masked) => {
    expect(maskSecrets(text)).toBe(masked);
  });

  test('leaves ordinary text alone', () => {
    const text = 'hello world: 42 files, https://example.com/path, ghp_short, sk-short';
    expect(maskSecrets(text)).toBe(text);
  });
});

describe('maskSecrets: literal env values', () => {
  test('masks every occurrence, longest value first', () => {
    expect(maskSecrets('abcdefgh then abcd then xabcdefghx', ['abcd', 'abcdefgh'])).toBe(
      '*** then *** then x***x',
    );
  });

  test('skips values shorter than 4 characters', () => {
    expect(maskSecrets('on 1 dev prod', ['on', '1', 'dev', 'prod'])).toBe('on 1 dev ***');
  });

  test('secretLiterals sorts longest first, then by code units, without duplicates', () => {
    expect(secretLiterals(['bbbb', 'aaaa', 'ccccc', 'aaaa', 'x'])).toStrictEqual([
      'ccccc',
      'aaaa',
      'bbbb',
    ]);
  });
});

describe('excerptOf', () => {
  test('collapses whitespace, masks and cuts to 320 characters', () => {
    const text = `  first\n\n line\t token=abc  ${'word '.repeat(100)}`;
    const excerpt = excerptOf(text, []);
    expect(excerpt).toBe(`first line token=*** ${'word '.repeat(100)}`.slice(0, 320));
    expect(excerpt.length).toBe(320);
  });

  test('masks env values, even ones holding whitespace', () => {
    expect(excerptOf('key is my  secret value!', ['my  secret value'])).toBe('key is ***!');
  });

  test('never cuts inside a surrogate pair', () => {
    expect(excerptOf(`${'a'.repeat(319)}😀`)).toBe('a'.repeat(319));
  });

  test('a secret far into a long stream is masked, not cut in half', () => {
    const text = `${'x'.repeat(70_000)} Bearer abcdefghijkl`;
    expect(excerptOf(text)).toBe('x'.repeat(320));
    const spaced = `${' '.repeat(65_530)}ghp_abcdefghijklmnopqrstuvwxyz0123456789 tail`;
    expect(excerptOf(spaced)).toBe('*** tail');
  });
});
