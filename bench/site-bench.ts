import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/codegen/dist/generator');
const RUNS = 3;

interface SiteEmitter {
  emit(ir: unknown): { path: string; contents: string }[];
}

/** The built generator's modules, loaded from packages/codegen/dist (so templates resolve as in the CLI). */
async function load(): Promise<{
  buildIr: (input: { specsDir: string; rootDir: string }) => unknown;
  createSiteEmitter: () => SiteEmitter;
}> {
  const ir = (await import(pathToFileURL(join(DIST, 'ir/build-ir.js')).href)) as {
    buildIr: (input: { specsDir: string; rootDir: string }) => unknown;
  };
  const site = (await import(pathToFileURL(join(DIST, 'emit/site/site-emitter.js')).href)) as {
    createSiteEmitter: () => SiteEmitter;
  };
  return { buildIr: ir.buildIr, createSiteEmitter: site.createSiteEmitter };
}

/** Median wall time in ms of `RUNS` site emits (after one warm-up), with the files and bytes. */
function measure(
  emitter: () => SiteEmitter,
  ir: unknown,
): { ms: number; files: number; bytes: number } {
  const first = emitter().emit(ir);
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    emitter().emit(ir);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const bytes = first.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0);
  return { ms: times[Math.floor(RUNS / 2)]!, files: first.length, bytes };
}

/**
 * The site surface's build time (the site emitter alone, in one warm process: median of 3 after a
 * warm-up; both locales, en and fr) on the shipped specs and on the 1,000-operation synthetic
 * corpus, with the files and bytes it writes. Target: the 1,000-operation site adds under 1 s.
 */
export async function runSiteBench(): Promise<void> {
  const { buildIr, createSiteEmitter } = await load();
  const work = mkdtempSync(join(tmpdir(), 'contracts-site-bench-'));
  try {
    console.log('site benchmark (site emitter only, en + fr, median of 3 warm runs)');
    const shipped = buildIr({ specsDir: join(ROOT, 'specs'), rootDir: ROOT });
    const rows: [string, unknown][] = [['shipped specs', shipped]];
    const specs = join(work, 'specs');
    writeSyntheticCorpus(join(specs, 'bench'), 1000);
    rows.push(['synthetic 1000 operations', buildIr({ specsDir: specs, rootDir: work })]);
    for (const [name, ir] of rows) {
      const row = measure(createSiteEmitter, ir);
      console.log(
        `  ${name.padEnd(28)} site ${row.ms.toFixed(0).padStart(6)} ms   ${String(row.files).padStart(5)} files   ${(row.bytes / 1e6).toFixed(1)} MB`,
      );
    }
    console.log('  target: the 1,000-operation site adds < 1000 ms');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
