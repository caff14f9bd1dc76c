import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heyApiCommand, HEY_API_VERSION } from './peer-bench.js';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { medianNodeRun, medianTime, ms, timeNodeCommand, type TimedRun } from './timing.js';
import { checkCost, describeCost, type CheckCost } from './typecheck-bench.js';
import type { WatchFigures } from './watch-bench.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/codegen/bin/contracts.mjs');
const FLOOR = join(ROOT, 'dist/bench/parse-floor.js');
const WATCH = join(ROOT, 'dist/bench/watch-bench.js');
const RUNS = 3;
const WATCH_EDITS = 20;

/** One corpus: where it is, and how `generate` is run on it. */
interface Corpus {
  readonly name: string;
  /** The working folder `generate` runs in. */
  readonly cwd: string;
  readonly specs: string;
  readonly out: string;
}

interface Row {
  readonly corpus: Corpus;
  /** Cold, without the cache, into an empty output folder: every file created. */
  readonly firstWrite: TimedRun;
  /** Cold, without the cache, the output folder already up to date (every file compared). */
  readonly cold: TimedRun;
  /** Cold process, warm cache (the inputs unchanged since the previous run). */
  readonly cached: TimedRun;
  readonly floorMs: number;
}

function generateArgs(corpus: Corpus, cache: string[]): string[] {
  return [
    process.execPath,
    CLI,
    'generate',
    '--specs',
    corpus.specs,
    '--out',
    corpus.out,
    ...cache,
  ];
}

function measure(corpus: Corpus, cacheDir: string): Row {
  const noCache = generateArgs(corpus, ['--no-cache']);
  const firstWrite = timeNodeCommand(noCache, corpus.cwd);
  const cold = medianNodeRun(noCache, corpus.cwd, RUNS);
  const warm = generateArgs(corpus, ['--cache-dir', cacheDir]);
  medianNodeRun(warm, corpus.cwd, 1);
  const cached = medianNodeRun(warm, corpus.cwd, RUNS);
  const floorMs = medianTime([process.execPath, FLOOR, corpus.specs], corpus.cwd, RUNS);
  return { corpus, firstWrite, cold, cached, floorMs };
}

function syntheticCorpus(work: string, operations: number): Corpus {
  const cwd = join(work, `ops-${operations}`);
  writeSyntheticCorpus(join(cwd, 'specs', 'bench'), operations);
  return { name: `synthetic ${operations} operations`, cwd, specs: 'specs', out: 'generated' };
}

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
const verdict = (met: boolean) => (met ? 'met' : 'MISSED');

function typeCheckFigures(corpus: Corpus, heyOut: string): { ours: CheckCost; hey: CheckCost } {
  const domain = `${corpus.out}/bench`;
  const ours = checkCost(corpus.cwd, [`${domain}/*.ts`], 'ours');
  const hey = checkCost(corpus.cwd, [`${heyOut}/**/*.ts`], 'hey');
  console.log(`  tsc --noEmit, generated 1,000-operation domain (ours): ${describeCost(ours)}`);
  const files = readdirSync(join(corpus.cwd, domain)).filter((name) => name.endsWith('.ts'));
  for (const file of files.sort()) {
    const cost = checkCost(corpus.cwd, [`${domain}/${file}`], file.replace(/\.ts$/, ''));
    console.log(`    ${file.padEnd(13)} (with what it imports) ${describeCost(cost)}`);
  }
  console.log(
    `  tsc --noEmit, hey-api ${HEY_API_VERSION} output for the same operations: ${describeCost(hey)}`,
  );
  return { ours, hey };
}

/**
 * The same corpus in a sibling folder whose config switches the site surface off: the watch figure
 * without the site emitter, so the rest of the pipeline (parse, IR, the other emitters, writes)
 * is seen on its own.
 */
function withoutSite(corpus: Corpus): Corpus {
  const cwd = `${corpus.cwd}-nosite`;
  cpSync(join(corpus.cwd, corpus.specs), join(cwd, corpus.specs), { recursive: true });
  writeFileSync(
    join(cwd, 'contracts.config.json'),
    JSON.stringify({ specs: [`${corpus.specs}/**/*.ts`], surfaces: { site: false } }),
  );
  return { ...corpus, name: `${corpus.name}, site off`, cwd };
}

function watchFigures(corpus: Corpus): WatchFigures {
  const spec = 'specs/bench/ops/op-0500.ts';
  const result = spawnSync(
    process.execPath,
    [WATCH, corpus.cwd, `${corpus.out}-watch`, spec, String(WATCH_EDITS)],
    { cwd: corpus.cwd, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`watch bench failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout) as WatchFigures;
}

/**
 * The generator benchmark, every figure from one run on this machine:
 * - cold `contracts generate` (fresh process, no cache, the output folder up to date; median of 3)
 *   on the shipped specs and on synthetic corpora of 1,000 and 2,000 operations, each next to its
 *   floor (node start + loading ts-morph + `ts.createSourceFile` over the same files), with peak
 *   RSS, and once into an empty output folder (every file created) before those;
 * - the same with a warm cache (inputs unchanged);
 * - hey-api (fetch client, types, zod, SDK) generating from our `openapi.json` of the 1,000
 *   operations, cold, median of 3;
 * - `tsc --extendedDiagnostics` over our generated 1,000-operation domain (whole and per file) and
 *   over hey-api's output;
 * - watch mode: the latency of a rebuild after editing one spec of the 1,000, median of 20 edits,
 *   with every surface and with the site surface off.
 * Targets are printed as met or MISSED, never asserted.
 */
export function runGeneratorBench(): void {
  mkdirSync(join(ROOT, '.tmp'), { recursive: true });
  const work = mkdtempSync(join(ROOT, '.tmp', 'generator-bench-'));
  try {
    symlinkSync(join(ROOT, 'node_modules'), join(work, 'node_modules'));
    const nodeStart = medianTime([process.execPath, '-e', ''], work, RUNS);
    const loadTsMorph = medianTime([process.execPath, FLOOR, '--load-only'], work, RUNS);
    console.log('generator benchmark (cold runs: fresh processes, median of 3)');
    console.log(`  floor parts: node start ${ms(nodeStart)}, + load ts-morph ${ms(loadTsMorph)}`);
    const shipped: Corpus = {
      name: 'shipped specs',
      cwd: ROOT,
      specs: join(ROOT, 'specs'),
      out: join(work, 'out-shipped'),
    };
    const c1000 = syntheticCorpus(work, 1000);
    const c2000 = syntheticCorpus(work, 2000);
    const rows = [shipped, c1000, c2000].map((corpus, index) =>
      measure(corpus, join(work, `cache-${index}`)),
    );
    for (const row of rows) {
      console.log(
        `  ${row.corpus.name.padEnd(26)} generate ${ms(row.cold.ms).padStart(8)} (${ratio(row.cold.ms, row.floorMs)} floor ${ms(row.floorMs)}), peak RSS ${Math.round(row.cold.rssMiB)} MiB; warm cache ${ms(row.cached.ms)} (${ratio(row.cached.ms, row.floorMs)} floor); into an empty folder ${ms(row.firstWrite.ms)}`,
      );
    }
    const [rShipped, r1000, r2000] = rows as [Row, Row, Row];
    const heyOut = 'hey-api';
    const hey = medianNodeRun(heyApiCommand(`${c1000.out}/openapi.json`, heyOut), c1000.cwd, RUNS);
    console.log(
      `  hey-api ${HEY_API_VERSION} on our openapi.json (1,000 operations): ${ms(hey.ms)}, peak RSS ${Math.round(hey.rssMiB)} MiB; ours/hey-api ${ratio(r1000.cold.ms, hey.ms)}`,
    );
    console.log(`  growth 1,000 -> 2,000 operations: ${ratio(r2000.cold.ms, r1000.cold.ms)}`);
    const check = typeCheckFigures(c1000, heyOut);
    const watch = watchFigures(c1000);
    console.log(
      `  watch: rebuild after editing one spec of 1,000, median of ${WATCH_EDITS}: ${ms(watch.medianMs)} (save -> line; the rebuild itself ${ms(watch.printedMedianMs)})`,
    );
    const watchNoSite = watchFigures(withoutSite(c1000));
    console.log(
      `  watch, site surface off: ${ms(watchNoSite.medianMs)} (the rebuild itself ${ms(watchNoSite.printedMedianMs)})`,
    );
    console.log(
      [
        `  targets: shipped cold <= 1.5x floor: ${verdict(rShipped.cold.ms <= 1.5 * rShipped.floorMs)}`,
        `1,000 ops cold <= 3x floor: ${verdict(r1000.cold.ms <= 3 * r1000.floorMs)}`,
        `<= 0.3x hey-api: ${verdict(r1000.cold.ms <= 0.3 * hey.ms)}`,
        `growth <= 2.1x: ${verdict(r2000.cold.ms <= 2.1 * r1000.cold.ms)}`,
        `watch <= 150 ms: ${verdict(watch.medianMs <= 150)}`,
        `warm cache <= 1.2x floor: ${verdict(r1000.cached.ms <= 1.2 * r1000.floorMs && rShipped.cached.ms <= 1.2 * rShipped.floorMs)}`,
        `peak RSS 1,000 ops <= 300 MiB: ${verdict(r1000.cold.rssMiB <= 300)}`,
        `tsc <= hey-api: ${verdict(check.ours.checkMs <= check.hey.checkMs && check.ours.instantiations <= check.hey.instantiations)}`,
      ].join('; '),
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
