import { describe, expect, test } from 'vitest';

import { DEFAULT_MASK_LIMITS } from '../../packages/runtime/src/secrets/mask-limits.js';
import { maskSecrets } from '../../packages/runtime/src/secrets/mask-secrets.js';
import { SecretMasker } from '../../packages/runtime/src/secrets/secret-masker.js';

const { shapeChars, labelChars } = DEFAULT_MASK_LIMITS;

describe('masked runs are masked to their end however long', () => {
  test('a 1 MiB bearer token, written in 1 KiB chunks', () => {
    const text = `Authorization: Bearer ${'a'.repeat(1 << 20)}== next`;
    expect(maskSecrets(text)).toBe('Authorization: Bearer *** next');
    const masker = new SecretMasker();
    let out = '';
    for (let at = 0; at < text.length; at += 1024) out += masker.write(text.slice(at, at + 1024));
    expect(out + masker.end()).toBe('Authorization: Bearer *** next');
  });

  test('a long unquoted value, a long GitHub token and a long JWT signature', () => {
    const long = 'x'.repeat(3 * shapeChars);
    expect(maskSecrets(`token=${long} next`)).toBe('token=*** next');
    expect(maskSecrets(`ghp_${long} next`)).toBe('*** next');
    expect(maskSecrets(`eyJab.cd.${long} next`)).toBe('*** next');
  });
});

describe('past the windows', () => {
  test('a JWT whose header and payload outrun the window is masked to the end of its dotted run', () => {
    const payload = 'p'.repeat(shapeChars);
    expect(maskSecrets(`jwt eyJhbGci.${payload}.sig next`)).toBe('jwt *** next');
    expect(maskSecrets(`b64 eyJ${'a'.repeat(shapeChars)} next`)).toBe('b64 *** next');
  });

  test('a quoted value still open at the window is masked up to its closing quote or line end', () => {
    const value = 'v'.repeat(shapeChars);
    expect(maskSecrets(`password="${value}" next`)).toBe('password="***" next');
    expect(maskSecrets(`password='${value}\nnext'`)).toBe("password='***\nnext'");
    expect(maskSecrets(`password="${'v'.repeat(shapeChars - 40)}\nnext"`)).toBe(
      `password="${'v'.repeat(shapeChars - 40)}\nnext"`,
    );
  });

  test('a key name running on past the label window does not name a secret', () => {
    expect(maskSecrets(`password${'x'.repeat(labelChars)}=v`)).toBe(
      `password${'x'.repeat(labelChars)}=v`,
    );
    expect(maskSecrets(`password${'x'.repeat(labelChars - 1)}=v`)).toBe(
      `password${'x'.repeat(labelChars - 1)}=***`,
    );
    expect(maskSecrets(`${'x'.repeat(5 * labelChars)}password=v`)).toBe(
      `${'x'.repeat(5 * labelChars)}password=***`,
    );
  });

  test('a run of scheme characters longer than the label window counts as a scheme', () => {
    const longer = `_${'a'.repeat(labelChars + 1)}`;
    expect(maskSecrets(`${longer}://u:p@h`)).toBe(`${longer}://***:***@h`);
    const filling = `_${'a'.repeat(labelChars)}`;
    expect(maskSecrets(`${filling}://u:p@h`)).toBe(`${filling}://u:p@h`);
    expect(maskSecrets('_http://u:p@h')).toBe('_http://u:p@h');
  });

  test('userinfo and whitespace longer than the shape window are not followed', () => {
    expect(maskSecrets(`https://u:${'p'.repeat(shapeChars)}@h`)).toBe(
      `https://u:${'p'.repeat(shapeChars)}@h`,
    );
    expect(maskSecrets(`https://u:${'p'.repeat(shapeChars - 10)}@h`)).toBe('https://***:***@h');
    expect(maskSecrets(`Bearer${' '.repeat(shapeChars)}tok`)).toBe(
      `Bearer${' '.repeat(shapeChars)}tok`,
    );
    expect(maskSecrets(`Bearer${' '.repeat(shapeChars - 10)}tok`)).toBe(
      `Bearer${' '.repeat(shapeChars - 10)}***`,
    );
  });
});

describe('the streaming masker holds back a bounded tail', () => {
  test('after each 1 KiB write of plain text, all but holdbackChars characters are out', () => {
    const masker = new SecretMasker(['a-literal-of-forty-characters-0123456789']);
    expect(masker.holdbackChars).toBeLessThan(20 * 1024);
    const line = 'INFO request handled in 12 ms, user=bob path=/a/b?c=d\n';
    let written = 0;
    let emitted = 0;
    const behind: number[] = [];
    for (let index = 0; index < 2_000; index += 1) {
      written += line.length;
      emitted += masker.write(line).length;
      if (written - emitted > masker.holdbackChars) behind.push(index);
    }
    expect(behind).toStrictEqual([]);
    expect(emitted + masker.end().length).toBe(written);
  });
});
