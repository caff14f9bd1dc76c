import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { eachUtf8Window, UTF8_WINDOW_BYTES } from './utf8-windows.js';

/**
 * Compares files on disk with texts, byte for byte (the text as UTF-8), one window of the text at a
 * time ({@link eachUtf8Window}) through two buffers of 768 KiB kept from one file to the next.
 * Comparing a generated tree of thousands of files then allocates nothing per file, and nothing in
 * proportion to the largest one: buffers grown to the largest file held tens of MB outside the heap,
 * the peak memory of an up-to-date `generate`.
 */
export class FileComparer {
  private readonly encoded = Buffer.allocUnsafe(UTF8_WINDOW_BYTES);
  private readonly read = Buffer.allocUnsafe(UTF8_WINDOW_BYTES);

  /**
   * True when the file at `path` holds exactly the UTF-8 bytes of `text`.
   * @throws Error from the file system (a missing file is ENOENT).
   */
  sameAs(path: string, text: string): boolean {
    const fd = openSync(path, 'r');
    try {
      if (fstatSync(fd).size !== Buffer.byteLength(text, 'utf8')) return false;
      let position = 0;
      return eachUtf8Window(text, this.encoded, (length) => {
        if (!this.readExactly(fd, length, position)) return false;
        position += length;
        return this.read.compare(this.encoded, 0, length, 0, length) === 0;
      });
    } finally {
      closeSync(fd);
    }
  }

  /** Reads `length` bytes at `position` into the read buffer; false when the file ends first. */
  private readExactly(fd: number, length: number, position: number): boolean {
    let filled = 0;
    while (filled < length) {
      const got = readSync(fd, this.read, filled, length - filled, position + filled);
      if (got === 0) return false;
      filled += got;
    }
    return true;
  }
}
