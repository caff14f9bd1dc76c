/** How many UTF-16 code units of a text are encoded at a time. */
const WINDOW = 256 * 1024;

/** The most bytes one window encodes to: three UTF-8 bytes per code unit at most. */
export const UTF8_WINDOW_BYTES = WINDOW * 3;

/**
 * Encodes `text` as UTF-8 into `buffer` (at least {@link UTF8_WINDOW_BYTES} long) a window of at
 * most 256 Ki code units at a time, and calls `take(length)` with each window's byte length, in
 * order, while it returns true; the bytes are `buffer[0, length)`. A surrogate pair is never split
 * between windows, so the windows join to exactly `Buffer.from(text)` (a lone surrogate as U+FFFD,
 * as Node encodes it). Returns false when `take` stopped early. Memory stays one buffer whatever
 * the text's length: a generated tree holds texts of tens of MB (the OpenAPI document, ir.json).
 */
export function eachUtf8Window(
  text: string,
  buffer: Buffer,
  take: (length: number) => boolean,
): boolean {
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + WINDOW, text.length);
    if (end < text.length && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    const window = start === 0 && end === text.length ? text : text.slice(start, end);
    if (!take(buffer.write(window))) return false;
    start = end;
  }
  return true;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
