import { describe, expect, test } from 'vitest';

import { StreamCapture } from '../../packages/runtime/src/process/stream-capture.js';
import { StreamingMatcher } from '../../packages/runtime/src/process/streaming-matcher.js';

function feed(needles: string[], chunks: string[]): string[] {
  const matcher = new StreamingMatcher(needles);
  for (const chunk of chunks) matcher.push(Buffer.from(chunk, 'utf8'));
  return needles.filter((needle) => matcher.has(needle));
}

describe('StreamingMatcher', () => {
  test('finds a needle inside one chunk', () => {
    expect(feed(['hello', 'absent'], ['say hello there'])).toStrictEqual(['hello']);
  });

  test('finds a needle split across two chunks', () => {
    expect(feed(['hello'], ['xxhel', 'loyy'])).toStrictEqual(['hello']);
  });

  test('finds a needle spread over many one-byte chunks', () => {
    expect(feed(['needle'], [...'..needle..'])).toStrictEqual(['needle']);
  });

  test('finds a needle split over three chunks with a long one tracked too', () => {
    expect(feed(['abc', 'a much longer needle'], ['xa', 'b', 'cx'])).toStrictEqual(['abc']);
  });

  test('does not invent matches across chunk boundaries', () => {
    expect(feed(['hello'], ['hel', 'xlo', 'hell', ' o'])).toStrictEqual([]);
  });

  test('is case-sensitive', () => {
    expect(feed(['Hello'], ['hello HELLO'])).toStrictEqual([]);
  });

  test('matches multi-byte UTF-8 needles split inside a character', () => {
    const bytes = Buffer.from('prix: 5 €, grüße', 'utf8');
    const matcher = new StreamingMatcher(['€', 'grüße']);
    const euro = bytes.indexOf(Buffer.from('€'));
    matcher.push(bytes.subarray(0, euro + 1));
    matcher.push(bytes.subarray(euro + 1, bytes.length - 3));
    matcher.push(bytes.subarray(bytes.length - 3));
    expect([matcher.has('€'), matcher.has('grüße')]).toStrictEqual([true, true]);
  });

  test('an untracked needle is a programming error', () => {
    expect(() => new StreamingMatcher(['a']).has('b')).toThrow(
      'StreamingMatcher: needle "b" was never tracked',
    );
  });
});

describe('StreamCapture', () => {
  test('keeps the head up to the limit, hashes and matches the whole stream', () => {
    const capture = new StreamCapture(5, ['tail']);
    capture.push(Buffer.from('abc'));
    capture.push(Buffer.from('defgh'));
    capture.push(Buffer.from('ta'));
    capture.push(Buffer.from('il'));
    const result = capture.finish();
    expect({
      captured: result.captured.toString(),
      truncated: result.truncated,
      totalBytes: result.totalBytes,
      sha256: result.sha256,
      found: [...result.found],
    }).toStrictEqual({
      captured: 'abcde',
      truncated: true,
      totalBytes: 12,
      // sha256("abcdefghtail")
      sha256: 'a524e54b9f4b7178030f9b914576128f977339d4ec5d28a61334b850b7ec670e',
      found: ['tail'],
    });
  });

  test('a stream within the limit is not truncated', () => {
    const capture = new StreamCapture(5, []);
    capture.push(Buffer.from('abcde'));
    const result = capture.finish();
    expect([result.captured.toString(), result.truncated]).toStrictEqual(['abcde', false]);
  });
});
