import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticCorpus } from '../../bench/synthetic-corpus.js';

/**
 * A temporary project (its path returned) holding the benchmark's synthetic corpus of `operations`
 * operations under `specs/bench/` and a `contracts.config.json` that generates it into
 * `generated/`.
 */
export function syntheticProject(prefix: string, operations: number): string {
  const project = mkdtempSync(join(tmpdir(), prefix));
  writeSyntheticCorpus(join(project, 'specs', 'bench'), operations);
  writeFileSync(
    join(project, 'contracts.config.json'),
    JSON.stringify({ specs: ['specs/**/*.ts'], out: 'generated' }),
  );
  return project;
}
