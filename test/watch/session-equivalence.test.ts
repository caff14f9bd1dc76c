import { readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateWithCache } from '../../packages/codegen/src/generator/cache/cached-generation.js';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { withoutEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import { GenerationSession } from '../../packages/codegen/src/generator/session/generation-session.js';
import { syntheticProject } from '../support/synthetic-project.js';

/*
 * The watch session (what `contracts generate --watch` rebuilds with) against a cold one-shot
 * generation of the same files, after every step of random edit sequences: the same files with the
 * same bytes, the same diagnostics, and the same files read.
 */

let project = '';

beforeEach(() => {
  project = syntheticProject('contracts-session-', 4);
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
});

/** A deterministic generator of numbers in [0, 1) (an LCG), so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const spec = (path: string) => join(project, 'specs/bench', path);
const read = (path: string) => readFileSync(spec(path), 'utf8');
const replaceIn = (path: string, from: string | RegExp, to: string) =>
  writeFileSync(spec(path), read(path).replace(from, to));
const anOp = (pick: () => number) => `ops/op-000${Math.floor(pick() * 4)}.ts`;

/** `pick` chooses what to edit; `n`, the step, keeps every edit's text new. */
type Edit = (pick: () => number, n: number) => void;

const EDITS: readonly Edit[] = [
  // A spec's own text.
  (pick, n) =>
    replaceIn(
      anOp(pick),
      /description: 'Synthetic operation[^']*'/,
      `description: 'Synthetic operation ${n}.'`,
    ),
  // A spec's title: the sidebars, the navigation and every page that links the spec by name.
  (pick, n) => replaceIn(anOp(pick), /title: 'Op [^']*'/, `title: 'Op retitled ${n}'`),
  // An imported constants file, which every spec reads.
  (_pick, n) =>
    replaceIn('constants.ts', /BENCH_OWNERS = \[[^\]]*\]/, `BENCH_OWNERS = ['platform.owner${n}']`),
  // A model of an operation.
  (pick, n) =>
    replaceIn(
      anOp(pick),
      'fields: {\n    name:',
      `fields: {\n    extra${n}: { type: ScalarTypeEnum.Boolean(), isOptional: true },\n    name:`,
    ),
  // A field removed and a model renamed (the types, zod and client fragments of one operation).
  (pick, n) => {
    const path = anOp(pick);
    writeFileSync(
      spec(path),
      read(path)
        .replace(/^ {4}count: .*\n/m, '')
        .replace(/name: '(Op\d{4})Output[^']*'/, `name: '$1Output${n}'`),
    );
  },
  // A new spec file, and deleting it again.
  (_pick, n) => {
    const extra = spec('ops/op-0900.ts');
    if (readdirSync(spec('ops')).includes('op-0900.ts')) {
      unlinkSync(extra);
      return;
    }
    const op = read('ops/op-0002.ts');
    writeFileSync(
      extra,
      op
        .replaceAll('0002', '0900')
        .replace(/^.*capability: \{ key: 'bench\.core'.*\n/m, '')
        .replace(/description: '[^']*'/, `description: 'Added at ${n}.'`),
    );
  },
  // A comment line: every location below it moves.
  (pick, n) => replaceIn(anOp(pick), /^/, `// note ${n}\n`),
];

/** Edits that make the step fail; the next step puts the file back. */
const FAULTS: readonly ((pick: () => number) => string)[] = [
  // A syntax error in a spec.
  (pick) => {
    const path = anOp(pick);
    replaceIn(path, /\n$/, '\nbroken(\n');
    return path;
  },
  // A constant every spec imports is no longer exported (UNRESOLVED_REFERENCE in each).
  () => {
    replaceIn('constants.ts', 'export const BENCH_STABILITY', 'const BENCH_STABILITY');
    return 'constants.ts';
  },
];

/** A one-shot generation: no cache, and the emitters on their memo-free paths. */
async function cold() {
  const settings = await resolveGenerateSettings(project, {});
  return withoutEmitMemos(() => generateWithCache(settings, undefined));
}

describe('the watch session', () => {
  it('gives the files of a cold generation after every step of random edit sequences', async () => {
    const pick = random(20260102);
    const session = new GenerationSession();
    let failed = 0;
    let undo: { path: string; text: string } | undefined;
    for (let step = 0; step < 40; step += 1) {
      if (undo) {
        writeFileSync(spec(undo.path), undo.text);
        undo = undefined;
      } else if (step > 0 && pick() < 0.25) {
        const texts = new Map(
          ['constants.ts', ...readdirSync(spec('ops')).map((n) => `ops/${n}`)].map((p) => [
            p,
            read(p),
          ]),
        );
        const path = FAULTS[Math.floor(pick() * FAULTS.length)]!(pick);
        undo = { path, text: texts.get(path)! };
      } else if (step > 0) {
        EDITS[Math.floor(pick() * EDITS.length)]!(pick, step);
      }
      const settings = await resolveGenerateSettings(project, {});
      const watched = await session.generate(settings);
      const reference = await cold();
      expect(watched.diagnostics).toStrictEqual(reference.diagnostics);
      expect(watched.specs).toBe(reference.specs);
      expect(watched.models).toBe(reference.models);
      expect(watched.inputs).toStrictEqual(reference.inputs);
      if (reference.files === undefined) {
        failed += 1;
        expect(watched.files).toBeUndefined();
        continue;
      }
      expect(watched.files!.map((file) => file.path)).toStrictEqual(
        reference.files.map((file) => file.path),
      );
      for (const [index, file] of reference.files.entries()) {
        expect(watched.files![index]!.contents, file.path).toBe(file.contents);
      }
    }
    // The sequence went through failing steps and back, so both kinds were compared.
    expect(failed).toBeGreaterThan(0);
    expect(failed).toBeLessThan(40);
  }, 240_000);

  it('reads again only the files it is told changed, when told', async () => {
    const session = new GenerationSession();
    const settings = await resolveGenerateSettings(project, {});
    await session.generate(settings);
    const irText = (generation: { files?: readonly { path: string; contents: string }[] }) =>
      generation.files!.find((file) => file.path === 'ir.json')!.contents;
    replaceIn('ops/op-0000.ts', /description: '[^']*'/, `description: 'Edited zero.'`);
    replaceIn('ops/op-0001.ts', /description: '[^']*'/, `description: 'Edited one.'`);

    const told = irText(await session.generate(settings, [spec('ops/op-0000.ts')]));
    expect(told).toContain('Edited zero.');
    expect(told).not.toContain('Edited one.');

    const both = await session.generate(settings, [spec('ops/op-0001.ts')]);
    expect(irText(both)).toContain('Edited one.');
    expect(irText(both)).toBe(irText((await cold()) as typeof both));
  }, 60_000);
});
