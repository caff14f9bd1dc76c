import { setImmediate as nextTurn } from 'node:timers/promises';

import { SecretMasker, type SecretMaskerOptions } from './secret-masker.js';

/**
 * The slice masked between two turns of the event loop: 64 Ki UTF-16 code units of a string, or
 * 64 KiB of a Buffer. Masking one slice takes about 1-2 ms (under 20 ms on match-dense adversarial
 * text), far under the 50 ms a server may block its other requests for; the stages' holdback of a
 * few KiB is rescanned once per slice.
 */
export const MASK_SLICE_CHARS = 64 * 1024;

/**
 * `maskSecrets(text, literals)` without blocking the event loop: masks `text` (a string, or a
 * Buffer of UTF-8, decoded as `buffer.toString('utf8')` would) slice by slice, yielding to the event
 * loop (`setImmediate`) between slices. Resolves with exactly what `maskSecrets` returns.
 */
export async function maskSecretsAsync(
  text: string | Buffer,
  literals: readonly string[] = [],
  options: SecretMaskerOptions = {},
): Promise<string> {
  const masker = new SecretMasker(literals, options);
  const parts: string[] = [];
  for (const slice of slicesOf(text)) {
    parts.push(masker.write(slice));
    await nextTurn();
  }
  parts.push(masker.end());
  return parts.join('');
}

/**
 * Masks a stream of chunks (strings or UTF-8 Buffers), yielding the masked text as it settles,
 * cutting each chunk into `MASK_SLICE_CHARS` slices and yielding to the event loop between them.
 * The concatenated output equals `maskSecrets` of the concatenated input.
 */
export async function* maskChunks(
  chunks: AsyncIterable<string | Buffer> | Iterable<string | Buffer>,
  literals: readonly string[] = [],
  options: SecretMaskerOptions = {},
): AsyncGenerator<string, void, undefined> {
  const masker = new SecretMasker(literals, options);
  for await (const chunk of chunks) {
    for (const slice of slicesOf(chunk)) {
      const settled = masker.write(slice);
      if (settled.length > 0) yield settled;
      await nextTurn();
    }
  }
  const rest = masker.end();
  if (rest.length > 0) yield rest;
}

function* slicesOf(chunk: string | Buffer): Generator<string | Buffer> {
  for (let at = 0; at < chunk.length; at += MASK_SLICE_CHARS) {
    yield typeof chunk === 'string'
      ? chunk.slice(at, at + MASK_SLICE_CHARS)
      : chunk.subarray(at, at + MASK_SLICE_CHARS);
  }
}
