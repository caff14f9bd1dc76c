import { closeSync, openSync, writeSync, writev, writevSync } from 'node:fs';
import type { OutputFile } from './emit/output-file.js';
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

  /**
   * Creates or truncates the file at `path` and writes `parts` (UTF-8 bytes) to it in order, with
   * vectored writes of at most {@link WRITEV_PARTS} parts: no part is copied in this process.
   * @throws Error from the file system (ENOENT when the folder is missing).
   */
  writeParts(path: string, parts: readonly Buffer[]): void {
    const fd = openSync(path, 'w');
    try {
      for (let start = 0; start < parts.length; start += WRITEV_PARTS) {
        let batch = parts.slice(start, start + WRITEV_PARTS);
        let left = byteLengthOf(batch);
        while (left > 0) {
          const written = writevSync(fd, batch);
          left -= written;
          if (left > 0) batch = rest(batch, written);
        }
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Writes `file` to `path`: its parts when it has them ({@link writeParts}), else its text. */
  writeFile(path: string, file: OutputFile): void {
    if (file.parts) this.writeParts(path, file.parts.parts);
    else this.write(path, file.contents);
  }
}

/** The most buffers one `writev` is given: IOV_MAX on Linux and macOS. */
const WRITEV_PARTS = 1024;

/** What is left of `parts` after the first `written` bytes. */
function rest(parts: readonly Buffer[], written: number): Buffer[] {
  let at = 0;
  while (written >= parts[at]!.byteLength) written -= parts[at++]!.byteLength;
  return [parts[at]!.subarray(written), ...parts.slice(at + 1)];
}

/**
 * Creates or truncates the file at `path` (at once, on this thread) and writes `file` to it from
 * the thread pool: its parts when it has them, else its text encoded at once (one copy, held until
 * written), in vectored writes of at most {@link WRITEV_PARTS} parts. The writes are handed over
 * before this returns and run while this thread goes on (what watch mode needs while it still
 * emits: a step that waited for this thread's next turn would wait for the emit); the promise
 * settles once the file is written and closed.
 * @throws Error from the file system (ENOENT when the folder is missing), at once for the open,
 *   through the promise for a write.
 */
export function writeFileInThreadPool(path: string, file: OutputFile): Promise<void> {
  const parts = file.parts ? file.parts.parts : [Buffer.from(file.contents, 'utf8')];
  const fd = openSync(path, 'w');
  return new Promise((resolve, reject) => {
    const done = (error: Error | null) => {
      try {
        closeSync(fd);
      } catch (closing) {
        error ??= closing as Error;
      }
      if (error) reject(error);
      else resolve();
    };
    const writeFrom = (start: number, batch: readonly Buffer[], left: number): void => {
      if (left === 0) {
        const next = start + WRITEV_PARTS;
        if (next >= parts.length) return done(null);
        const following = parts.slice(next, next + WRITEV_PARTS);
        return writeFrom(next, following, byteLengthOf(following));
      }
      writev(fd, batch, (error, written) => {
        if (error) return done(error);
        const remaining = left - written;
        writeFrom(start, remaining > 0 ? rest(batch, written) : batch, remaining);
      });
    };
    const first = parts.slice(0, WRITEV_PARTS);
    writeFrom(0, first, byteLengthOf(first));
  });
}

function byteLengthOf(parts: readonly Buffer[]): number {
  return parts.reduce((sum, part) => sum + part.byteLength, 0);
}
