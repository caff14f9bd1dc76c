import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError, ExitCode } from './exit-codes.js';

/**
 * The absolute spec folder of `--specs`, resolved against `rootDir`.
 * @throws CliError (exit 2) when it does not exist or is not a folder: a usage mistake, unlike an
 *   existing but empty folder, which is a NO_SPECS diagnostic.
 */
export function resolveSpecsDir(rootDir: string, specs: string): string {
  const specsDir = resolve(rootDir, specs);
  if (!existsSync(specsDir) || !statSync(specsDir).isDirectory()) {
    throw new CliError(`spec folder not found: ${specs}`, ExitCode.Usage);
  }
  return specsDir;
}
