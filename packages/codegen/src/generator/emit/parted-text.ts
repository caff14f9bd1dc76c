/**
 * A text held as its UTF-8 bytes in parts, for the large JSON files a watch session prints again
 * on every save (openapi.json, about 8 MB at 1,000 operations, and ir.json): the parts of
 * unchanged objects are the same buffers as last time, so a rebuild neither joins the text, nor
 * encodes it for the write, nor compares it byte by byte with the last one. The text itself is
 * decoded only when something asks for {@link PartedText.text}.
 */
export class PartedText {
  private joined: string | undefined;

  /** `parts`: the UTF-8 bytes, in order; never changed afterwards. */
  constructor(readonly parts: readonly Buffer[]) {}

  /** The text the parts encode (decoded once, on first use). */
  get text(): string {
    return (this.joined ??= Buffer.concat(this.parts).toString('utf8'));
  }

  /** The length of the text in UTF-8 bytes. */
  get byteLength(): number {
    let length = 0;
    for (const part of this.parts) length += part.byteLength;
    return length;
  }

  /**
   * True when `other` holds the same bytes. Parts at the same place are compared by identity
   * first, then by bytes, so two texts that share their unchanged parts compare in time linear
   * in the number of parts plus the length of the parts that differ; texts split at other
   * places are compared whole.
   */
  sameAs(other: PartedText): boolean {
    if (other === this) return true;
    const a = this.parts;
    const b = other.parts;
    if (a.length === b.length) {
      let aligned = true;
      for (let index = 0; index < a.length && aligned; index++) {
        const left = a[index]!;
        const right = b[index]!;
        if (left === right) continue;
        if (left.byteLength !== right.byteLength) aligned = false;
        else if (!left.equals(right)) return false;
      }
      if (aligned) return true;
    }
    return this.byteLength === other.byteLength && Buffer.concat(a).equals(Buffer.concat(b));
  }
}

/**
 * Builds a {@link PartedText}: short texts given to {@link text} are gathered and encoded together,
 * bytes given to {@link bytes} become parts of their own (shared, never copied).
 */
export class PartedTextBuilder {
  private readonly parts: Buffer[] = [];
  private pending = '';

  /** Appends `text`. */
  text(text: string): void {
    this.pending += text;
  }

  /** Appends `bytes` (UTF-8), kept as one part. */
  bytes(bytes: Buffer): void {
    this.flush();
    if (bytes.byteLength > 0) this.parts.push(bytes);
  }

  /** The text built so far; the builder is not to be used afterwards. */
  build(): PartedText {
    this.flush();
    return new PartedText(this.parts);
  }

  private flush(): void {
    if (this.pending === '') return;
    this.parts.push(Buffer.from(this.pending, 'utf8'));
    this.pending = '';
  }
}
