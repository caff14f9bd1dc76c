import { closeSync, openSync, writeSync } from 'node:fs';
import { eachUtf8Window, UTF8_WINDOW_BYTES } from './utf8-windows.js';

/**
 * Writes texts to files as UTF-8, synchronously, one window of the text at a time
 * ({@link eachUtf8Window}) through one 768 KiB buffer kept from one file to the next. For a
 * generated tree of thousands of files this is faster than queued `fs.promises.writeFile` calls
 * (open, write and close each a thread-pool round trip) and allocates nothing per file: a
 * `writeFile` of a string copies it into a fresh buffer, tens of MB outside the heap at once.
 */
export class FileWriter {
  private readonly encoded = Buffer.allocUnsafe(UTF8_WINDOW_BYTES);

  /**
   * Creates or truncates the file at `path` and writes the UTF-8 bytes of `text` to it.
   * @throws Error from the file system (ENOENT when the folder is missing).
   */
  write(path: string, text: string): void {
    const fd = openSync(path, 'w');
    try {
      eachUtf8Window(text, this.encoded, (length) => {
        for (let written = 0; written < length;) {
          written += writeSync(fd, this.encoded, written, length - written);
        }
        return true;
      });
    } finally {
      closeSync(fd);
    }
  }
}
