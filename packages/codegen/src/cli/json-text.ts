import { CliError, ExitCode } from './exit-codes.js';

/**
 * Where JSON.parse stops on `text`: the first offset after which no continuation can make the
 * prefix valid JSON (ECMA-404 is checked left to right, so that offset only grows with the
 * prefix), found by bisecting on prefixes. 1-based `line` and `column` (in code units).
 */
export function jsonErrorLocation(text: string): { line: number; column: number } {
  const failsBefore = (length: number): boolean => {
    const prefix = text.slice(0, length);
    try {
      JSON.parse(prefix);
      return false;
    } catch (error) {
      const message = (error as Error).message;
      if (/end of JSON input/.test(message)) return false;
      const position = /at position (\d+)/.exec(message);
      return position === null || Number(position[1]) < prefix.length;
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (failsBefore(middle + 1)) high = middle;
    else low = middle + 1;
  }
  const before = text.slice(0, low);
  const line = before.split('\n').length;
  return { line, column: low - before.lastIndexOf('\n') };
}

/** JSON.parse's reason without the position or the echoed text (`Unexpected token '}'`). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .replace(/, ".*" is not valid JSON$/s, '')
    .replace(/ in JSON at position \d+.*$/s, '');
}

/**
 * Parses `text`, read from `source` (`stdin`, a file path, `the inline value`), for a flag.
 * @throws CliError (exit 2): `<flag>: stdin was empty` for empty stdin, else
 *   `<flag>: <source> is not valid JSON at line L, column C: <reason>`.
 */
export function parseJsonText(text: string, source: string, flag: string): unknown {
  if (text.trim() === '') {
    const what = source === 'stdin' ? 'stdin was empty' : `${source} is empty`;
    throw new CliError(`${flag}: ${what}; expected a JSON document`, ExitCode.Usage);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const { line, column } = jsonErrorLocation(text);
    throw new CliError(
      `${flag}: ${source} is not valid JSON at line ${line}, column ${column}: ${reasonOf(error)}`,
      ExitCode.Usage,
    );
  }
}
