import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { medianTime, ms } from './timing.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'packages/codegen/dist/cli/main.js');
const FLOOR = join(ROOT, 'dist/bench/parse-floor.js');
const RUNS = 3;

interface Row {
  corpus: string;
  generateMs: number;
  floorMs: number;
}

function measure(corpus: string, specsDir: string, cwd: string, outDir: string): Row {
  const generateMs = medianTime(
    [process.execPath, CLI, 'generate', '--specs', specsDir, '--out', outDir],
    cwd,
    RUNS,
  );
  const floorMs = medianTime([process.execPath, FLOOR, specsDir], cwd, RUNS);
  return { corpus, generateMs, floorMs };
}

/**
 * Issue #2's benchmark: cold wall time (median of 3 fresh processes) of `contracts generate` on the
 * shipped specs and on synthetic corpora of 250, 500 and 1,000 operations, each next to its floor
 * (node start + loading ts-morph + `ts.createSourceFile` over the same files) measured in the same
 * run. Targets: shipped < 2 s; 1,000 operations < 15 s, growing linearly.
 */
export function runGeneratorBench(): void {
  const work = mkdtempSync(join(tmpdir(), 'contracts-bench-'));
  try {
    const nodeStart = medianTime([process.execPath, '-e', ''], work, RUNS);
    const loadTsMorph = medianTime([process.execPath, FLOOR, '--load-only'], work, RUNS);
    console.log('generator benchmark (median of 3 cold runs)');
    console.log(`  floor parts: node start ${ms(nodeStart)}, + load ts-morph ${ms(loadTsMorph)}`);
    const rows: Row[] = [
      measure('shipped specs (39)', join(ROOT, 'specs'), ROOT, join(work, 'out-shipped')),
    ];
    for (const operations of [250, 500, 1000]) {
      const specs = join(work, `specs-${operations}`);
      writeSyntheticCorpus(join(specs, 'bench'), operations);
      rows.push(
        measure(`synthetic ${operations} operations`, specs, work, join(work, `out-${operations}`)),
      );
    }
    for (const row of rows) {
      console.log(
        `  ${row.corpus.padEnd(28)} generate ${ms(row.generateMs).padStart(9)}   floor ${ms(row.floorMs).padStart(8)}   ratio ${(row.generateMs / row.floorMs).toFixed(2)}x`,
      );
    }
    const [r250, r500, r1000] = rows.slice(1);
    if (r250 && r500 && r1000) {
      const perOp = (a: Row, b: Row, n: number) => (b.generateMs - a.generateMs) / n;
      console.log(
        `  growth: ${perOp(r250, r500, 250).toFixed(2)} ms/op (250->500), ${perOp(r500, r1000, 500).toFixed(2)} ms/op (500->1000)`,
      );
    }
    console.log(
      `  targets: shipped < 2000 ms: ${rows[0]!.generateMs < 2000 ? 'met' : 'MISSED'}; 1000 ops < 15000 ms: ${r1000 && r1000.generateMs < 15000 ? 'met' : 'MISSED'}`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
