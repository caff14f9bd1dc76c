import { jsonErrorLocation } from 'contracts-runtime/stores';
import { CliError, ExitCode } from './exit-codes.js';

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
