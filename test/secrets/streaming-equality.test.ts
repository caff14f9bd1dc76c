import { describe, expect, test } from 'vitest';

import {
  EXCERPT_MAX_CHARS,
  excerptOf,
  excerptOfAsync,
} from '../../packages/runtime/src/harness/execution/excerpt.js';
import { maskChunks, maskSecretsAsync } from '../../packages/runtime/src/secrets/mask-async.js';
import type { MaskLimits } from '../../packages/runtime/src/secrets/mask-limits.js';
import {
  maskLiterals,
  maskSecretPatterns,
  maskSecrets,
} from '../../packages/runtime/src/secrets/mask-secrets.js';
import { SecretMasker } from '../../packages/runtime/src/secrets/secret-masker.js';
import { randomChunks, randomText, seededRandom } from './seeded-text.js';

const LITERAL_SETS: readonly (readonly string[])[] = [
  [],
  ['hunter22'],
  ['token=ab', 'a.a.', '😀 x', 'Bearer abc'],
  ['tokentoken', 'secret', 'eyJhbGci.'],
];

/** What a masker writes for `chunks`, written one by one. */
function streamed(masker: SecretMasker, chunks: readonly (string | Buffer)[]): string {
  let out = '';
  for (const chunk of chunks) out += masker.write(chunk);
  return out + masker.end();
}

describe('the streaming masker writes what maskSecrets returns', () => {
  test('on seeded random texts cut at random points, default limits', () => {
    const random = seededRandom(4242);
    const mismatches: string[] = [];
    for (let index = 0; index < 3_000; index += 1) {
      const text = randomText(random, 120);
      const literals = LITERAL_SETS[index % LITERAL_SETS.length]!;
      const chunks = randomChunks(random, text, 1 + Math.floor(random() * 40));
      if (streamed(new SecretMasker(literals), chunks) !== maskSecrets(text, literals)) {
        mismatches.push(JSON.stringify({ chunks, literals }));
      }
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('on seeded random texts with tiny windows, so shapes cross them and the holdback', () => {
    const random = seededRandom(777);
    const mismatches: string[] = [];
    for (let index = 0; index < 20_000; index += 1) {
      const limits: MaskLimits = {
        shapeChars: 1 + Math.floor(random() * 16),
        labelChars: 1 + Math.floor(random() * 8),
      };
      const text = randomText(random, 40);
      const literals = LITERAL_SETS[index % LITERAL_SETS.length]!;
      const chunks = randomChunks(random, text, 1 + Math.floor(random() * 10));
      if (
        streamed(new SecretMasker(literals, { limits }), chunks) !==
        maskSecrets(text, literals, limits)
      ) {
        mismatches.push(JSON.stringify({ chunks, literals, limits }));
      }
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('on a 400 KB seeded text written in chunks of up to 20 000 characters', () => {
    const random = seededRandom(31337);
    let text = '';
    while (text.length < 400_000) text += randomText(random, 200);
    const literals = LITERAL_SETS[2]!;
    const expected = maskSecrets(text, literals);
    expect(expected).not.toBe(text);
    for (const maxChunk of [1_000, 20_000]) {
      expect(streamed(new SecretMasker(literals), randomChunks(random, text, maxChunk))).toBe(
        expected,
      );
    }
  });

  test('on UTF-8 Buffers cut at random byte offsets, inside multi-byte characters too', () => {
    const random = seededRandom(5);
    const mismatches: string[] = [];
    for (let index = 0; index < 1_000; index += 1) {
      const text = randomText(random, 80);
      const bytes = Buffer.from(text);
      const chunks: Buffer[] = [];
      for (let at = 0; at < bytes.length;) {
        const size = 1 + Math.floor(random() * 7);
        chunks.push(bytes.subarray(at, at + size));
        at += size;
      }
      if (streamed(new SecretMasker(['😀 x']), chunks) !== maskSecrets(text, ['😀 x'])) {
        mismatches.push(text);
      }
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('Buffers holding invalid UTF-8 decode as toString does', () => {
    const random = seededRandom(8);
    const mismatches: string[] = [];
    for (let index = 0; index < 2_000; index += 1) {
      const bytes = Buffer.from(
        Array.from({ length: 1 + Math.floor(random() * 40) }, () =>
          random() < 0.4 ? 0x3d + Math.floor(random() * 60) : Math.floor(random() * 256),
        ),
      );
      const chunks = [];
      for (let at = 0; at < bytes.length; at += 3) chunks.push(bytes.subarray(at, at + 3));
      if (streamed(new SecretMasker(), chunks) !== maskSecrets(bytes.toString('utf8'))) {
        mismatches.push(bytes.toString('hex'));
      }
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('maskSecretsAsync and maskChunks give maskSecrets’ result', async () => {
    const random = seededRandom(11);
    let text = '';
    while (text.length < 300_000) text += randomText(random, 200);
    const literals = LITERAL_SETS[3]!;
    const expected = maskSecrets(text, literals);
    expect(await maskSecretsAsync(text, literals)).toBe(expected);
    expect(await maskSecretsAsync(Buffer.from(text), literals)).toBe(expected);
    let out = '';
    for await (const piece of maskChunks(randomChunks(random, text, 100_000), literals))
      out += piece;
    expect(out).toBe(expected);
  });

  test('no output ends inside a surrogate pair', () => {
    const masker = new SecretMasker();
    const first = masker.write('x😀'.slice(0, 2));
    const second = masker.write('😀'.slice(1) + 'y');
    expect([first, second, masker.end()]).toStrictEqual(['', '', 'x😀y']);
  });
});

describe('excerptOf masks the whole stream as far as the excerpt reaches', () => {
  test('equals the one-shot definition on seeded random texts', async () => {
    const random = seededRandom(2718);
    const mismatches: string[] = [];
    for (let index = 0; index < 2_000; index += 1) {
      const text = randomText(random, 300);
      const literals = LITERAL_SETS[index % LITERAL_SETS.length]!;
      const whole = maskSecretPatterns(maskLiterals(text, literals).replace(/\s+/g, ' ')).trim();
      const last = whole.charCodeAt(EXCERPT_MAX_CHARS - 1);
      const expected =
        whole.length <= EXCERPT_MAX_CHARS
          ? whole
          : whole.slice(
              0,
              last >= 0xd800 && last <= 0xdbff ? EXCERPT_MAX_CHARS - 1 : EXCERPT_MAX_CHARS,
            );
      if (excerptOf(text, literals) !== expected)
        mismatches.push(JSON.stringify({ text, literals }));
      if (index % 20 === 0 && (await excerptOfAsync(Buffer.from(text), literals)) !== expected) {
        mismatches.push(JSON.stringify({ async: text, literals }));
      }
    }
    expect(mismatches).toStrictEqual([]);
  });

  test('a quoted secret where a 64 Ki-character scan head would end is masked whole', () => {
    // The head of the first 65 536 characters ends inside "pa ss"; cutting there left `"pa` unmasked.
    const text = `Bearer ${'x'.repeat(65_514)} password="pa ss" rest`;
    expect(excerptOf(text)).toBe('Bearer *** password="***" rest');
  });
});
