import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEMPLATES_DIR } from '../emit/render-template.js';

const GENERATOR_DIR = dirname(dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(?:[cm]?js|ts|hbs|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

let identity: string | undefined;

/**
 * A hex SHA-256 that changes whenever the generator could print other bytes: the package version,
 * and the text of every module of the generator (`generator/**`, compiled or not) and every
 * template. Hashing the code rather than trusting the version keeps a cache honest while the
 * generator itself is being edited. Computed once per process (~300 files).
 */
export function generatorIdentity(): string {
  if (identity) return identity;
  const hash = createHash('sha256');
  const packageJson = join(TEMPLATES_DIR, '..', 'package.json');
  hash.update(readFileSync(packageJson));
  for (const dir of [GENERATOR_DIR, TEMPLATES_DIR]) {
    for (const path of sourceFiles(dir)) {
      hash.update(`\0${relative(dir, path)}\0`);
      hash.update(readFileSync(path));
    }
  }
  identity = hash.digest('hex');
  return identity;
}
