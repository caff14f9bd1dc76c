/** Thrown inside {@link jsonErrorOffset} at the first offset that breaks the grammar. */
class Stop {
  constructor(readonly offset: number) {}
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX = /^[0-9A-Fa-f]$/;
const DIGIT = /^[0-9]$/;

/**
 * The offset (UTF-16 code units) of the first character of `text` that breaks the JSON grammar of
 * RFC 8259 §2–§7, `text.length` when the text ends before a value is complete, or -1 when `text`
 * is valid JSON. JSON.parse of Node 20 names no position for most errors (`Unexpected token '}',
 * "…" is not valid JSON`), so the corrupt-record message finds it here; only called after
 * JSON.parse failed. Iterative, so deep nesting cannot overflow the stack.
 */
export function jsonErrorOffset(text: string): number {
  let at = 0;
  const end = text.length;
  const stop = (): never => {
    throw new Stop(Math.min(at, end));
  };
  const skipWhitespace = () => {
    while (at < end && WHITESPACE.has(text[at]!)) at += 1;
  };
  const expect = (char: string) => {
    if (text[at] !== char) stop();
    at += 1;
  };
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const digits = () => {
    if (!DIGIT.test(text[at] ?? '')) stop();
    while (DIGIT.test(text[at] ?? '')) at += 1;
  };
  const number = () => {
    if (text[at] === '-') at += 1;
    if (text[at] === '0') at += 1;
    else digits();
    if (text[at] === '.') {
      at += 1;
      digits();
    }
    if (text[at] === 'e' || text[at] === 'E') {
      at += 1;
      if (text[at] === '+' || text[at] === '-') at += 1;
      digits();
    }
  };
  const string = () => {
    expect('"');
    for (;;) {
      if (at >= end) stop();
      const char = text[at]!;
      if (char === '"') {
        at += 1;
        return;
      }
      if (char.charCodeAt(0) < 0x20) stop();
      at += 1;
      if (char !== '\\') continue;
      if (at >= end) stop();
      if (text[at] === 'u') {
        at += 1;
        for (let hex = 0; hex < 4; hex += 1) {
          if (!HEX.test(text[at] ?? '')) stop();
          at += 1;
        }
      } else if (ESCAPES.has(text[at]!)) {
        at += 1;
      } else {
        stop();
      }
    }
  };
  const memberName = () => {
    skipWhitespace();
    string();
    skipWhitespace();
    expect(':');
  };

  /** Open containers, innermost last: the closing character each one expects. */
  const open: ('}' | ']')[] = [];
  try {
    skipWhitespace();
    for (;;) {
      // A value starts here.
      skipWhitespace();
      const char = text[at];
      let opened = false;
      if (char === '{' || char === '[') {
        at += 1;
        skipWhitespace();
        const close = char === '{' ? '}' : ']';
        if (text[at] === close) {
          at += 1;
        } else {
          open.push(close);
          if (close === '}') memberName();
          opened = true;
        }
      } else if (char === '"') string();
      else if (char === 't') literal('true');
      else if (char === 'f') literal('false');
      else if (char === 'n') literal('null');
      else if (char === '-' || DIGIT.test(char ?? '')) number();
      else stop();
      if (opened) continue;
      // The value is complete: close containers until one takes a next member.
      for (;;) {
        skipWhitespace();
        const close = open.at(-1);
        if (close === undefined) {
          if (at < end) stop();
          return -1;
        }
        if (text[at] === ',') {
          at += 1;
          if (close === '}') memberName();
          break;
        }
        expect(close);
        open.pop();
      }
    }
  } catch (error) {
    if (error instanceof Stop) return error.offset;
    throw error;
  }
}

/**
 * Where {@link jsonErrorOffset} stops on `text`: its `offset` (UTF-16 code units; 0 for valid
 * JSON, `text.length` when the text ends early) and, 1-based, its `line` and `column` (UTF-16 code
 * units): what the corrupt-record message, a suite file's error and the CLI's `--input` report.
 * Scans `text` once.
 */
export function jsonErrorLocation(text: string): { offset: number; line: number; column: number } {
  const offset = Math.max(0, jsonErrorOffset(text));
  const before = text.slice(0, offset);
  return { offset, line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}
