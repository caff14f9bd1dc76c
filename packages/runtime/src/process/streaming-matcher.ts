/**
 * Finds fixed needles in a byte stream without keeping the stream. Needles are matched as UTF-8 bytes, which
 * for valid UTF-8 is the same as a case-sensitive substring test on the decoded text (UTF-8 is
 * self-synchronizing). Between chunks it keeps only the last `longest needle - 1` bytes, so a
 * needle split across chunks is found and memory stays bounded by the longest needle.
 */
export class StreamingMatcher {
  private readonly pending = new Map<string, Buffer>();
  private readonly found = new Set<string>();
  private carry: Buffer = Buffer.alloc(0);
  private carryLength = 0;

  /** `needles`: the substrings to look for; duplicates are merged, the empty needle is found at once. */
  constructor(needles: Iterable<string>) {
    for (const needle of needles) {
      if (needle.length === 0) this.found.add(needle);
      else if (!this.pending.has(needle)) this.pending.set(needle, Buffer.from(needle, 'utf8'));
    }
    this.updateCarryLength();
  }

  /** Feeds the next chunk of the stream. */
  push(chunk: Buffer): void {
    if (this.pending.size === 0 || chunk.length === 0) return;
    // A match lies inside the chunk, or starts in the carry and ends within `carryLength` bytes.
    const boundary =
      this.carry.length > 0
        ? Buffer.concat([this.carry, chunk.subarray(0, Math.min(chunk.length, this.carryLength))])
        : undefined;
    for (const [needle, bytes] of this.pending) {
      if (
        chunk.indexOf(bytes) !== -1 ||
        (boundary !== undefined && boundary.indexOf(bytes) !== -1)
      ) {
        this.pending.delete(needle);
        this.found.add(needle);
      }
    }
    this.updateCarryLength();
    this.carry =
      chunk.length >= this.carryLength
        ? tail(chunk, this.carryLength)
        : tail(Buffer.concat([this.carry, chunk]), this.carryLength);
  }

  /** Whether `needle` has been seen so far. Throws when `needle` was not given to the constructor. */
  has(needle: string): boolean {
    if (this.found.has(needle)) return true;
    if (this.pending.has(needle)) return false;
    throw new Error(`StreamingMatcher: needle ${JSON.stringify(needle)} was never tracked`);
  }

  /** The needles seen so far. */
  foundNeedles(): ReadonlySet<string> {
    return this.found;
  }

  private updateCarryLength(): void {
    let longest = 0;
    for (const bytes of this.pending.values()) longest = Math.max(longest, bytes.length);
    this.carryLength = Math.max(0, longest - 1);
  }
}

function tail(bytes: Buffer, length: number): Buffer {
  if (length === 0) return Buffer.alloc(0);
  // Copy, so the carry never pins a large chunk in memory.
  return Buffer.from(bytes.subarray(Math.max(0, bytes.length - length)));
}
