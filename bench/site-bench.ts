import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { writeSyntheticCorpus } from './synthetic-corpus.js';
import { median, timeNodeCommand, type TimedRun } from './timing.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = join(ROOT, 'packages/codegen/dist/generator');
const RUNS = 5;
const CLI = join(ROOT, 'packages/codegen/bin/contracts.mjs');

interface OutputFile {
  readonly path: string;
  readonly contents: string;
}

interface Emitter {
  readonly name: string;
  emit(ir: unknown): OutputFile[];
}

interface Spec {
  readonly key: string;
  readonly meta: { readonly description?: string };
}

interface Ir {
  readonly specs: readonly Spec[];
}

/** The built generator's modules, from packages/codegen/dist (templates resolve as in the CLI). */
async function load() {
  const module = async <T>(path: string) =>
    (await import(pathToFileURL(join(DIST, path)).href)) as T;
  const ir = await module<{ buildIr: (input: { specsDir: string; rootDir: string }) => Ir }>(
    'ir/build-ir.js',
  );
  const site = await module<{ createSiteEmitter: () => Emitter; resetSiteMemos: () => void }>(
    'emit/site/site-emitter.js',
  );
  const api = await module<{ siteApi: (ir: Ir) => { text(): string } }>(
    'emit/site/site-openapi.js',
  );
  const all = await module<{ ALL_EMITTERS: readonly Emitter[] }>('emit/all-emitters.js');
  const memo = await module<{ EmitMemo: new () => unknown }>('emit/emit-memo.js');
  return {
    buildIr: ir.buildIr,
    ...site,
    siteApi: api.siteApi,
    emitters: all.ALL_EMITTERS,
    EmitMemo: memo.EmitMemo,
  };
}

/** What one corpus gives, in ms unless named otherwise (see {@link runSiteBench}). */
interface SiteFigures {
  readonly cold: number;
  readonly aloneCold: number;
  readonly warm: number;
  readonly unmemoized: number;
  readonly reEmit: number;
  readonly reEmitWithoutDocument: number;
  readonly document: number;
  readonly reEmitRebuiltIr: number;
  readonly files: number;
  readonly bytes: number;
  readonly largest: { readonly path: string; readonly bytes: number };
  readonly rssAfterFirst: number;
  readonly rssAfterReEmits: number;
}

const elapsed = (started: number) => performance.now() - started;

/** The heap in use after a full collection, in MB (the child runs with `--expose-gc`). */
function retainedMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 1e6;
}

function timed<T>(run: () => T): [number, T] {
  const started = performance.now();
  const result = run();
  return [elapsed(started), result];
}

/** `ir` with the description of `key` replaced, every other spec the same object (as in watch mode). */
function withDescription(ir: Ir, key: string, description: string): Ir {
  return {
    ...ir,
    specs: ir.specs.map((spec) =>
      spec.key === key ? { ...spec, meta: { ...spec.meta, description } } : spec,
    ),
  };
}

/**
 * The child process of one corpus (a first emit needs a process of its own): builds the IR, runs
 * every other surface as `contracts generate` does, then times the site emitter.
 */
async function child(
  specsDir: string,
  rootDir: string,
  changedRoot: string,
  changedKey: string,
  alone: boolean,
): Promise<void> {
  const { buildIr, createSiteEmitter, resetSiteMemos, siteApi, emitters, EmitMemo } = await load();
  const ir = buildIr({ specsDir, rootDir });
  if (alone) {
    const [cold] = timed(() => createSiteEmitter().emit(ir));
    process.stdout.write(JSON.stringify({ aloneCold: cold }));
    return;
  }
  for (const emitter of emitters) if (emitter.name !== 'site') emitter.emit(ir);
  const [cold, files] = timed(() => createSiteEmitter().emit(ir));
  // From here on the emits are a watch session's: one emit first fills the memos.
  new EmitMemo();
  createSiteEmitter().emit(ir);
  const rssAfterFirst = retainedMb();
  const warm = median(
    Array.from({ length: RUNS }, () => timed(() => createSiteEmitter().emit(ir))[0]),
  );
  const original = ir.specs.find((spec) => spec.key === changedKey)!.meta.description ?? '';
  const reEmits: number[] = [];
  const withoutDocument: number[] = [];
  const documents: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const changed = withDescription(ir, changedKey, `${original} Edit ${run}.`);
    reEmits.push(timed(() => createSiteEmitter().emit(changed))[0]);
    const again = withDescription(ir, changedKey, `${original} Edit ${run} again.`);
    documents.push(timed(() => siteApi(again).text())[0]);
    withoutDocument.push(timed(() => createSiteEmitter().emit(again))[0]);
  }
  const rssAfterReEmits = retainedMb();
  createSiteEmitter().emit(ir);
  const rebuilt = buildIr({ specsDir: join(changedRoot, 'specs'), rootDir: changedRoot });
  const [reEmitRebuiltIr] = timed(() => createSiteEmitter().emit(rebuilt));
  const unmemoized = median(
    Array.from({ length: 3 }, () => {
      resetSiteMemos();
      return timed(() => createSiteEmitter().emit(ir))[0];
    }),
  );
  const largest = files.reduce((a, b) => (b.contents.length > a.contents.length ? b : a));
  process.stdout.write(
    JSON.stringify({
      cold,
      warm,
      unmemoized,
      reEmit: median(reEmits),
      reEmitWithoutDocument: median(withoutDocument),
      document: median(documents),
      reEmitRebuiltIr,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + Buffer.byteLength(file.contents), 0),
      largest: { path: largest.path, bytes: Buffer.byteLength(largest.contents) },
      rssAfterFirst,
      rssAfterReEmits,
    }),
  );
}

/**
 * A project at `root` holding a copy of `specsDir` as `specs/` (and the workspace's node_modules,
 * linked, for the specs' imports) with one more sentence in the first description of `file`
 * (relative to `specs/`), for the re-emit of an IR built afresh. Returns `root`.
 * @throws Error when the file has no `description: '…'` to change.
 */
function changedCopy(specsDir: string, root: string, file: string): string {
  cpSync(specsDir, join(root, 'specs'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  const path = join(root, 'specs', file);
  const source = readFileSync(path, 'utf8');
  const edited = source.replace(/description: '([^']*)'/, "description: '$1 Changed.'");
  if (edited === source) throw new Error(`no description to change in ${path}`);
  writeFileSync(path, edited);
  return root;
}

function measure(
  specsDir: string,
  rootDir: string,
  changedRoot: string,
  changedKey: string,
): SiteFigures {
  const run = (alone: boolean) =>
    JSON.parse(
      execFileSync(
        process.execPath,
        [
          '--expose-gc',
          fileURLToPath(import.meta.url),
          '--child',
          specsDir,
          rootDir,
          changedRoot,
          changedKey,
          alone ? 'alone' : 'generate',
        ],
        { encoding: 'utf8', maxBuffer: 1 << 24 },
      ),
    ) as Partial<SiteFigures>;
  return { ...run(false), ...run(true) } as SiteFigures;
}

/** What `contracts generate` costs with and without the site surface (medians of 3, alternated). */
interface GenerateWithSite {
  readonly on: TimedRun;
  readonly off: TimedRun;
}

/**
 * Runs `contracts generate --no-cache` in a project at `root` holding a copy of `specsDir` (and
 * the workspace's node_modules, linked), alternately with the site surface on and off, 3 times
 * each: the wall time the site adds to a whole generation.
 */
function generateWithAndWithoutSite(specsDir: string, root: string): GenerateWithSite {
  cpSync(specsDir, join(root, 'specs'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'));
  const runs: { on: TimedRun[]; off: TimedRun[] } = { on: [], off: [] };
  for (let run = 0; run < 3; run++) {
    for (const site of [true, false]) {
      const out = site ? 'generated-site' : 'generated';
      const config = { specs: ['specs/**/*.ts'], out, surfaces: { site } };
      writeFileSync(join(root, 'contracts.config.json'), JSON.stringify(config));
      const timed = timeNodeCommand([process.execPath, CLI, 'generate', '--no-cache'], root);
      runs[site ? 'on' : 'off'].push(timed);
    }
  }
  const middle = (all: TimedRun[]): TimedRun => ({
    ms: median(all.map((run) => run.ms)),
    rssMiB: Math.max(...all.map((run) => run.rssMiB)),
  });
  return { on: middle(runs.on), off: middle(runs.off) };
}

/**
 * The site surface's build time (both locales, en and fr) on the shipped specs and on the 1,000-
 * and 2,000-operation synthetic corpora, each in a fresh process, in ms:
 * - `cold`: the first site emit, after every other surface has emitted the same IR (as in one
 *   `contracts generate`: what the site adds to it); `alone`: the first emit with nothing before;
 *   both one-shot emits, which keep no memo; the figures below are a watch session's (an emit
 *   memo exists), after one emit that fills the memos;
 * - `warm`: an emit of the same IR again (watch mode, nothing changed; median of 5);
 * - `re-emit`: after one spec's description changed, the other specs the same objects as a watch
 *   session hands them (median of 5), then the same without the OpenAPI document and its text,
 *   which the openapi surface builds too (`doc`: their own time); `rebuilt IR`: the same change
 *   with every IR object new;
 * - `no memo`: an emit with every memo dropped, the code warm;
 * with the files, the bytes, the largest file and the heap in use (after a full collection)
 * after the first emit and after the re-emits (bounded: entries a re-emit does not use are dropped).
 * Before those, per corpus but the 2,000-operation one: the wall time of a whole `contracts
 * generate` with the site and without it.
 * Targets: the 1,000-operation site adds < 1000 ms to generate; a re-emit after one description
 * change < 60 ms. Prints only; never fails on a target.
 */
export async function runSiteBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'contracts-site-bench-'));
  try {
    console.log('site benchmark (en + fr; ms; each corpus in a fresh process)');
    const corpora: [string, string, string, string, string][] = [
      [
        'shipped specs',
        join(ROOT, 'specs'),
        ROOT,
        changedCopy(
          join(ROOT, 'specs'),
          join(work, 'shipped-changed'),
          'harness/commands/harnessRunStart.command.ts',
        ),
        'harness.run.start',
      ],
    ];
    for (const operations of [1000, 2000]) {
      const dir = join(work, String(operations));
      writeSyntheticCorpus(join(dir, 'specs', 'bench'), operations);
      symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
      corpora.push([
        `synthetic ${operations} operations`,
        join(dir, 'specs'),
        dir,
        changedCopy(join(dir, 'specs'), `${dir}-changed`, 'bench/ops/op-0500.ts'),
        'bench.op0500.run',
      ]);
    }
    const ms = (value: number) => value.toFixed(0).padStart(6);
    let target: SiteFigures | undefined;
    let added: GenerateWithSite | undefined;
    for (const [name, specsDir, rootDir, changedRoot, changedKey] of corpora) {
      if (name !== 'synthetic 2000 operations') {
        const whole = generateWithAndWithoutSite(specsDir, join(work, `${name}-whole`));
        if (name === 'synthetic 1000 operations') added = whole;
        console.log(
          `  ${name.padEnd(28)} generate with the site ${ms(whole.on.ms)} (${whole.on.rssMiB.toFixed(0)} MiB), without ${ms(whole.off.ms)} (${whole.off.rssMiB.toFixed(0)} MiB): the site adds ${ms(whole.on.ms - whole.off.ms)}`,
        );
      }
      const row = measure(specsDir, rootDir, changedRoot, changedKey);
      if (name === 'synthetic 1000 operations') target = row;
      console.log(
        `  ${name.padEnd(28)} cold ${ms(row.cold)} (alone ${ms(row.aloneCold)})  warm ${ms(row.warm)}  re-emit ${ms(row.reEmit)} (without doc ${ms(row.reEmitWithoutDocument)}, doc ${ms(row.document)}; rebuilt IR ${ms(row.reEmitRebuiltIr)})  no memo ${ms(row.unmemoized)}`,
      );
      console.log(
        `  ${''.padEnd(28)} ${row.files} files ${(row.bytes / 1e6).toFixed(1)} MB, largest ${row.largest.path} ${(row.largest.bytes / 1e3).toFixed(0)} kB; heap ${row.rssAfterFirst.toFixed(0)} MB after the first emit, ${row.rssAfterReEmits.toFixed(0)} MB after ${2 * RUNS} re-emits`,
      );
    }
    if (target && added) {
      const adds = added.on.ms - added.off.ms;
      console.log(
        `  target: the 1,000-operation site adds < 1000 ms to generate: ${adds < 1000 ? 'met' : 'MISSED'} (${adds.toFixed(0)} ms of wall time; the site emitter alone takes ${target.cold.toFixed(0)} ms of that)`,
      );
      console.log(
        `  target: a re-emit after one description change < 60 ms: ${target.reEmit < 60 ? 'met' : 'MISSED'} (${target.reEmit.toFixed(0)} ms; ${target.reEmitWithoutDocument.toFixed(0)} ms without the OpenAPI document)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') {
  const [specsDir, rootDir, changedRoot, changedKey, mode] = process.argv.slice(3) as [
    string,
    string,
    string,
    string,
    string,
  ];
  await child(specsDir, rootDir, changedRoot, changedKey, mode === 'alone');
}
