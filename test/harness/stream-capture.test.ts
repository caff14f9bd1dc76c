import { createHash } from 'node:crypto';

import { describe, expect, test } from 'vitest';

import { EMPTY_SHA256, StreamCapture } from '../../packages/runtime/src/process/stream-capture.js';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('StreamCapture', () => {
  test('an empty stream has the digest of zero bytes; a fed one the digest of all it got', () => {
    const empty = new StreamCapture(4, []).finish();
    const fed = new StreamCapture(4, ['lo w']);
    fed.push(Buffer.from('hello '));
    fed.push(Buffer.from('world'));
    const full = fed.finish();
    expect([EMPTY_SHA256, empty.sha256, empty.totalBytes, empty.captured.length]).toStrictEqual([
      sha256(Buffer.alloc(0)),
      sha256(Buffer.alloc(0)),
      0,
      0,
    ]);
    expect([
      full.sha256,
      full.totalBytes,
      full.captured.toString(),
      full.truncated,
      [...full.found],
    ]).toStrictEqual([sha256(Buffer.from('hello world')), 11, 'hell', true, ['lo w']]);
  });
});
