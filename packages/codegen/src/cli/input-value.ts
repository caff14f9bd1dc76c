import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CliError, ExitCode } from './exit-codes.js';
import { parseJsonText } from './json-text.js';

/**
 * Reads an `--input` value, the same way for every command: `-` reads stdin; `@file` reads that
 * file; a value starting with `{` or `[` (after spaces) is inline JSON; any other value is inline
 * JSON too, or, when `plainPath` (`harness run`), a file path. A file path is relative to the
 * shell's folder (never `--cwd`): the paths inside the document are the ones that resolve in
 * `--cwd`.
 * @throws CliError (exit 2) naming `--input`: the absolute path tried when a file cannot be read,
 *   `stdin was empty`, or the line and column where the JSON breaks.
 */
export async function readInputValue(value: string, plainPath = false): Promise<unknown> {
  if (value === '-') return parseJsonText(await readStdin(), 'stdin', '--input');
  const inline = /^\s*[[{]/.test(value);
  if (value.startsWith('@') || (plainPath && !inline)) {
    const file = value.startsWith('@') ? value.slice(1) : value;
    const absolute = path.resolve(file);
    let text: string;
    try {
      text = await readFile(absolute, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      const why = code === 'ENOENT' ? 'no such file' : code;
      throw new CliError(
        `--input: cannot read ${absolute} (${why}); an --input path is relative to the current folder, not --cwd`,
        ExitCode.Usage,
      );
    }
    return parseJsonText(text, file, '--input');
  }
  return parseJsonText(value, 'the inline value', '--input');
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
