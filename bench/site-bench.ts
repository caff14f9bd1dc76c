import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/codegen/dist/generator');
const RUNS = 3;

interface Emitter {
  readonly name: string;
  emit(ir: unknown): { path: string; contents: string }[];
}

/** The built generator's modules, loaded from packages/codegen/dist (so templates resolve as in the CLI). */
async function load(): Promise<{
  buildIr: (input: { specsDir: string; rootDir: string }) => unknown;
  createSiteEmitter: () => Emitter;
  emitters: readonly Emitter[];
}> {
  const ir = (await import(pathToFileURL(join(DIST, 'ir/build-ir.js')).href)) as {
    buildIr: (input: { specsDir: string; rootDir: string }) => unknown;
  };
  const site = (await import(pathToFileURL(join(DIST, 'emit/site/site-emitter.js')).href)) as {
    createSiteEmitter: () => Emitter;
  };
  const all = (await import(pathToFileURL(join(DIST, 'emit/all-emitters.js')).href)) as {
    ALL_EMITTERS: readonly Emitter[];
  };
  return {
    buildIr: ir.buildIr,
    createSiteEmitter: site.createSiteEmitter,
    emitters: all.ALL_EMITTERS,
  };
}

const elapsed = (started: number) => performance.now() - started;

/**
 * One corpus's figures, in ms: `ir` the IR build; `cold` the first site emit of the corpus in this
 * process (highlight.js has seen none of its code yet, as in one `contracts generate`); `warm` the
 * median of `RUNS` later site emits; `others` every other surface's emit (in memory, median of
 * `RUNS`), so `ir + others + cold` is the whole generation without writing files.
 */
function measure(
  createSiteEmitter: () => Emitter,
  emitters: readonly Emitter[],
  build: () => unknown,
): { ir: number; cold: number; warm: number; others: number; files: number; bytes: number } {
  let started = performance.now();
  const ir = build();
  const irMs = elapsed(started);
  started = performance.now();
  const files = createSiteEmitter().emit(ir);
  const cold = elapsed(started);
  const median = (run: () => void) => {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const at = performance.now();
      run();
      times.push(elapsed(at));
    }
    return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  };
  const warm = median(() => createSiteEmitter().emit(ir));
  const others = median(() => {
    for (const emitter of emitters) if (emitter.name !== 'site') emitter.emit(ir);
  });
  const bytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  return { ir: irMs, cold, warm, others, files: files.length, bytes };
}

/**
 * The site surface's build time (both locales, en and fr) on the shipped specs and on the 1,000-
 * and 2,000-operation synthetic corpora (2,000 shows how it grows): the site emitter cold (first
 * emit in the process) and warm (median of 3), next to the IR build and every other surface's
 * emit, with the files and bytes the site writes. Target: the 1,000-operation site adds under 1 s.
 * Prints only; never fails on the target.
 */
export async function runSiteBench(): Promise<void> {
  const { buildIr, createSiteEmitter, emitters } = await load();
  const work = mkdtempSync(join(tmpdir(), 'contracts-site-bench-'));
  try {
    console.log('site benchmark (en + fr; ms; site cold = first emit, warm = median of 3)');
    const rows: [string, () => unknown][] = [
      ['shipped specs', () => buildIr({ specsDir: join(ROOT, 'specs'), rootDir: ROOT })],
    ];
    for (const operations of [1000, 2000]) {
      const dir = join(work, String(operations));
      writeSyntheticCorpus(join(dir, 'specs', 'bench'), operations);
      rows.push([
        `synthetic ${operations} operations`,
        () => buildIr({ specsDir: join(dir, 'specs'), rootDir: dir }),
      ]);
    }
    for (const [name, build] of rows) {
      const row = measure(createSiteEmitter, emitters, build);
      const ms = (value: number) => value.toFixed(0).padStart(6);
      console.log(
        `  ${name.padEnd(28)} site cold ${ms(row.cold)}  warm ${ms(row.warm)}   ir ${ms(row.ir)}  other surfaces ${ms(row.others)}   ${String(row.files).padStart(5)} files ${(row.bytes / 1e6).toFixed(1).padStart(6)} MB`,
      );
    }
    console.log('  target: the 1,000-operation site adds < 1000 ms');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
