import {
  copyFileSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  GenerationCache,
  generationKey,
} from '../../packages/codegen/src/generator/cache/generation-cache.js';
import { generatorIdentity } from '../../packages/codegen/src/generator/cache/generator-identity.js';
import { readInputClosure } from '../../packages/codegen/src/generator/cache/input-closure.js';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { runCli } from '../support/cli.js';
import { hashTree } from '../support/tree.js';
import { syntheticProject } from '../support/synthetic-project.js';

let project = '';

beforeEach(() => {
  project = syntheticProject('contracts-cache-', 4);
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

const CACHE = ['--cache-dir', '.cache'];
const HIT = 'unchanged since a cached run; parsing skipped';

function generate(args: readonly string[]) {
  const result = runCli(['generate', ...args], project);
  expect(result.stderr).not.toMatch(/ - error /);
  expect(result.status).toBe(0);
  return result.stderr;
}

/** A deterministic generator of numbers in [0, 1) (an LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** `pick` chooses what to edit; `n`, the step, keeps every edit's text new. */
type Edit = (pick: () => number, n: number) => void;

const spec = (path: string) => join(project, 'specs/bench', path);
const replaceIn = (path: string, from: string | RegExp, to: string) =>
  writeFileSync(spec(path), readFileSync(spec(path), 'utf8').replace(from, to));

/** Edits a spec, an imported constants file or the models of an operation. */
const EDITS: readonly Edit[] = [
  (pick, n) => {
    const op = `ops/op-000${Math.floor(pick() * 4)}.ts`;
    replaceIn(
      op,
      /description: 'Synthetic operation[^']*'/,
      `description: 'Synthetic operation ${n}.'`,
    );
  },
  (_pick, n) =>
    replaceIn('constants.ts', /BENCH_OWNERS = \[[^\]]*\]/, `BENCH_OWNERS = ['platform.owner${n}']`),
  (pick, n) => {
    const op = `ops/op-000${Math.floor(pick() * 4)}.ts`;
    replaceIn(
      op,
      'fields: {\n    name:',
      `fields: {\n    extra${n}: { type: ScalarTypeEnum.Boolean(), isOptional: true },\n    name:`,
    );
  },
  (_pick, n) =>
    replaceIn('constants.ts', /'bench'(, '[^']*')?\] as const/, `'bench', 'tag${n}'] as const`),
];

describe('the generation cache', () => {
  it('gives byte-identical trees with and without it over random edit sequences', () => {
    const pick = random(20260101);
    const original = new Map(
      ['constants.ts', ...readdirSync(spec('ops')).map((name) => `ops/${name}`)].map((path) => [
        path,
        readFileSync(spec(path), 'utf8'),
      ]),
    );
    for (let step = 0; step < 8; step += 1) {
      if (step === 3) {
        // Back to the start: the first run's entry is found, but the tree on disk is step 2's.
        for (const [path, text] of original) writeFileSync(spec(path), text);
      } else if (step > 0) {
        EDITS[Math.floor(pick() * EDITS.length)]!(pick, step);
      }
      expect(generate([...CACHE, '--out', 'with-cache'])).not.toContain(HIT);
      expect(generate([...CACHE, '--out', 'with-cache'])).toContain(HIT);
      generate(['--no-cache', '--out', 'without-cache']);
      expect(hashTree(join(project, 'with-cache'))).toStrictEqual(
        hashTree(join(project, 'without-cache')),
      );
    }
    expect(generate([...CACHE, '--out', 'with-cache', '--check'])).toContain(HIT);
    const stale = join(project, 'with-cache/bench/types.ts');
    writeFileSync(stale, `${readFileSync(stale, 'utf8')}// edited\n`);
    const check = runCli(['generate', ...CACHE, '--out', 'with-cache', '--check'], project);
    expect(check.stderr).toContain(HIT);
    expect(check.stderr).toContain('  stale: with-cache/bench/types.ts\n');
    expect(check.status).toBe(1);
  });

  it('ignores a corrupt entry with a warning, and replaces it', () => {
    generate(CACHE);
    const tree = hashTree(join(project, 'generated'));
    const entries = readdirSync(join(project, '.cache'));
    expect(entries).toHaveLength(1);
    const entry = join(project, '.cache', entries[0]!);
    writeFileSync(entry, '{"format": 2, "key": "trunc');
    const stderr = generate(CACHE);
    expect(stderr).toContain(`contracts: warning: ignoring corrupt cache entry ${entry}`);
    expect(stderr).not.toContain(HIT);
    expect(hashTree(join(project, 'generated'))).toStrictEqual(tree);
    expect(generate(CACHE)).toContain(HIT);
    unlinkSync(entry);
    expect(generate(CACHE)).not.toContain(HIT);
  });

  it('a cached run sees a symbolic link where a file was, and an empty folder, as drift', () => {
    generate(CACHE);
    const file = join(project, 'generated', 'ir.json');
    copyFileSync(file, join(project, 'ir-copy.json'));
    unlinkSync(file);
    symlinkSync(join(project, 'ir-copy.json'), file);
    const check = runCli(['generate', '--check', ...CACHE], project);
    expect([check.status, check.stderr]).toStrictEqual([1, expect.stringContaining('ir.json')]);
    generate(CACHE);
    expect(lstatSync(file).isSymbolicLink()).toBe(false);
    mkdirSync(join(project, 'generated', 'stray'));
    const again = runCli(['generate', '--check', ...CACHE], project);
    expect([again.status, again.stderr]).toStrictEqual([1, expect.stringContaining('stray/')]);
    generate(CACHE);
    expect(runCli(['generate', '--check', ...CACHE], project).status).toBe(0);
  });

  it('warns and still writes the tree when the cache folder is a file', () => {
    writeFileSync(join(project, 'not-a-folder'), 'x');
    const stderr = generate(['--cache-dir', 'not-a-folder']);
    expect(stderr).toContain(
      `contracts: warning: could not write the cache in ${join(project, 'not-a-folder')}:`,
    );
    expect(stderr).toMatch(/contracts: wrote \d+ files to generated\//);
    expect(runCli(['generate', '--check', '--no-cache'], project).status).toBe(0);
  });

  it('misses when the generator changes: its identity is part of the key', async () => {
    const settings = await resolveGenerateSettings(project, {});
    const closure = readInputClosure(settings.specFiles);
    expect(closure.files).toContain(spec('constants.ts'));
    expect(generatorIdentity()).toMatch(/^[0-9a-f]{64}$/);
    const current = generationKey(settings, closure);
    expect(generationKey(settings, closure, generatorIdentity())).toBe(current);
    const next = generationKey(settings, closure, 'contracts-codegen 0.2.0');
    expect(next).not.toBe(current);
    const warnings: string[] = [];
    const cache = new GenerationCache(join(project, '.cache'), (message) => warnings.push(message));
    cache.store(current, { specs: 1, models: 0, diagnostics: [], files: [] });
    expect(cache.lookup(current)).toStrictEqual({
      specs: 1,
      models: 0,
      diagnostics: [],
      files: [],
    });
    expect(cache.lookup(next)).toBeUndefined();
    expect(warnings).toStrictEqual([]);
  });
});
