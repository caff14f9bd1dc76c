import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Compares files on disk with texts, byte for byte (the text as UTF-8), through two buffers kept
 * from one file to the next and grown to the largest file. Comparing a generated tree of thousands
 * of files then allocates nothing per file: a fresh buffer per read and per encoding held tens of
 * MB of garbage outside the heap until the next collection, the peak memory of an up-to-date
 * `generate`.
 */
export class FileComparer {
  private encoded: Buffer = Buffer.allocUnsafe(64 * 1024);
  private read: Buffer = Buffer.allocUnsafe(64 * 1024);

  /**
   * True when the file at `path` holds exactly the UTF-8 bytes of `text`.
   * @throws Error from the file system (a missing file is ENOENT).
   */
  sameAs(path: string, text: string): boolean {
    const length = this.encode(text);
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size !== length) return false;
      if (this.read.length < length) this.read = grown(this.read, length);
      let filled = 0;
      while (filled < length) {
        const got = readSync(fd, this.read, filled, length - filled, filled);
        if (got === 0) return false;
        filled += got;
      }
      return this.read.compare(this.encoded, 0, length, 0, length) === 0;
    } finally {
      closeSync(fd);
    }
  }

  /** Writes `text` as UTF-8 into the encoding buffer, growing it when the text does not fit. */
  private encode(text: string): number {
    // Most texts take one byte per UTF-16 code unit, none more than three; a character that did
    // not fit (at most four bytes) would leave fewer than four bytes unwritten.
    if (this.encoded.length < text.length + 4) this.encoded = grown(this.encoded, text.length + 4);
    let length = this.encoded.write(text);
    if (length > this.encoded.length - 4) {
      this.encoded = grown(this.encoded, text.length * 3 + 4);
      length = this.encoded.write(text);
    }
    return length;
  }
}

/** A buffer of at least `size` bytes, at least twice the size of `buffer`. */
function grown(buffer: Buffer, size: number): Buffer {
  return Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
}
