import { createHash, type Hash } from 'node:crypto';

import { StreamingMatcher } from './streaming-matcher.js';

/** The SHA-256 (FIPS 180-4) of zero bytes, hex. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Default per-stream capture limit: 8 MiB. */
export const DEFAULT_CAPTURE_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * What one stream (stdout or stderr) left behind: the first `limitBytes` bytes, whether more came,
 * the total byte count, the SHA-256 (hex) of the WHOLE stream, and which tracked needles occurred
 * anywhere in it.
 */
export interface CapturedStream {
  captured: Buffer;
  truncated: boolean;
  totalBytes: number;
  sha256: string;
  found: ReadonlySet<string>;
}

/**
 * Consumes one stream chunk by chunk: keeps a bounded head, hashes everything and feeds the
 * streaming matcher, so memory stays near `limitBytes` whatever the stream's size.
 */
export class StreamCapture {
  private readonly chunks: Buffer[] = [];
  private capturedBytes = 0;
  private totalBytes = 0;
  /** Made at the first chunk: most case streams are empty, and their digest is a constant. */
  private hash: Hash | undefined;
  private readonly matcher: StreamingMatcher;

  /** `limitBytes`: capture limit (>= 0); `needles`: substrings whose presence is tracked. */
  constructor(
    private readonly limitBytes: number,
    needles: Iterable<string>,
  ) {
    this.matcher = new StreamingMatcher(needles);
  }

  /** Feeds the next chunk. */
  push(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    (this.hash ??= createHash('sha256')).update(chunk);
    this.matcher.push(chunk);
    const room = this.limitBytes - this.capturedBytes;
    if (room <= 0) return;
    // Copy a partial chunk so the kept head never pins the rest of a large read buffer.
    const kept = chunk.length <= room ? chunk : Buffer.from(chunk.subarray(0, room));
    this.chunks.push(kept);
    this.capturedBytes += kept.length;
  }

  /** Ends the capture. Call once. */
  finish(): CapturedStream {
    return {
      captured: Buffer.concat(this.chunks, this.capturedBytes),
      truncated: this.totalBytes > this.capturedBytes,
      totalBytes: this.totalBytes,
      sha256: this.hash === undefined ? EMPTY_SHA256 : this.hash.digest('hex'),
      found: this.matcher.foundNeedles(),
    };
  }
}
