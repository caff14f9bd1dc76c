import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../packages/codegen/src/generator/emit-all.js';
import { finishIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { parseSources } from '../../packages/codegen/src/generator/parse/parse-specs.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import {
  copyRepoForGenerate,
  GENERATED_DIR,
  GENERATED_PATH,
  repoTree,
} from '../support/repo-generation.js';
import { hashTree } from '../support/tree.js';

function readSpecSources(): Record<string, string> {
  const sources: Record<string, string> = {};
  for (const entry of readdirSync(join(PROJECT_ROOT, 'specs'), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    sources[relative(PROJECT_ROOT, path).split(sep).join('/')] = readFileSync(path, 'utf8');
  }
  return sources;
}

/** A deterministic permutation (seeded LCG), so a failure can be reproduced. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed;
  for (let i = out.length - 1; i > 0; i -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('generation is deterministic', () => {
  it('two generations give byte-identical files', async () => {
    const first = await repoTree();
    const second = await repoTree();
    expect(second).toStrictEqual(first);
    expect(first.length).toBeGreaterThan(50);
  });

  it('shuffled input order gives the same IR and files', async () => {
    const sources = readSpecSources();
    const entries = Object.entries(sources);
    const reference = finishIr(parseSources(sources, { specsDir: 'specs' }));
    const referenceFiles = await emitAll(reference);
    for (const seed of [1, 7, 42]) {
      const permuted = Object.fromEntries(shuffled(entries, seed));
      expect(Object.keys(permuted)).not.toStrictEqual(Object.keys(sources));
      const ir = finishIr(parseSources(permuted, { specsDir: 'specs' }));
      expect(ir).toStrictEqual(reference);
      expect(await emitAll(ir)).toStrictEqual(referenceFiles);
    }
  });

  it('a checkout at another absolute path generates the committed tree byte for byte', () => {
    const elsewhere = copyRepoForGenerate('contracts-elsewhere-', false);
    try {
      const result = runCli(['generate'], elsewhere);
      expect(result.status).toBe(0);
      expect(hashTree(join(elsewhere, GENERATED_PATH))).toStrictEqual(hashTree(GENERATED_DIR));
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
