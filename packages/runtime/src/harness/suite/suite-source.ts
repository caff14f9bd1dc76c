import { readFile } from 'node:fs/promises';

import { jsonErrorLocation } from '../../store/json-error-offset.js';
import { confinePath, type ConfinedPath } from '../planning/path-confinement.js';

/** A suite key: a `suites/<key>.json` file under the working directory. */
export const SUITE_KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]+)*$/;

/** The folder, under the working directory, that holds suites addressable by key. */
export const SUITES_DIR = 'suites';

/** Why a suite reference could not be read; `message` never holds an absolute path. */
export class SuiteSourceError extends Error {
  constructor(
    message: string,
    /** `not-found` when no file is there, `refused` for an escape, `invalid` for bad JSON. */
    readonly reason: 'not-found' | 'refused' | 'invalid',
  ) {
    super(message);
    this.name = 'SuiteSourceError';
  }
}

/**
 * Where `suiteRef` points: a ref without `/` or `\` that does not end in `.json` and matches
 * {@link SUITE_KEY_PATTERN} is a key, read from `suites/<key>.json`; anything else is a path
 * relative to `cwd`. Either must stay inside `cwd`.
 * @throws SuiteSourceError (`refused`) when the file would leave `cwd`.
 */
export function locateSuite(cwd: string, suiteRef: string): ConfinedPath {
  const isKey =
    !/[\\/]/.test(suiteRef) && !suiteRef.endsWith('.json') && SUITE_KEY_PATTERN.test(suiteRef);
  const target = isKey ? `${SUITES_DIR}/${suiteRef}.json` : suiteRef;
  const confined = confinePath(cwd, target);
  if (!confined.ok)
    throw new SuiteSourceError(`${JSON.stringify(suiteRef)} ${confined.reason}`, 'refused');
  return confined.path;
}

/**
 * Reads and parses the suite document at `location` (not validated: see `verifySuite`).
 * @throws SuiteSourceError: `not-found` when the file is missing or unreadable, `invalid` when it is
 *   not JSON (with the line and column). Messages name the file relative to the working directory.
 */
export async function readSuiteDocument(location: ConfinedPath): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(location.absolute, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const what = code === 'ENOENT' ? 'no suite file' : `cannot read suite file (${code})`;
    throw new SuiteSourceError(`${what} ${location.relative}`, 'not-found');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const reason = message
      .replace(/, ".*" is not valid JSON$/s, '')
      .replace(/ in JSON at position \d+.*$/s, '');
    const { line, column } = jsonErrorLocation(text);
    throw new SuiteSourceError(
      `${location.relative} is not valid JSON at line ${line}, column ${column}: ${reason}`,
      'invalid',
    );
  }
}
