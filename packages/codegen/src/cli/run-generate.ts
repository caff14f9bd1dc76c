import { resolve } from 'node:path';
import { emitAll } from '../generator/emit-all.js';
import { formatDiagnostic, summarizeDiagnostics } from '../generator/format-diagnostics.js';
import { startFormatPool } from '../generator/format-pool.js';
import { buildIr, hasErrors } from '../generator/ir/build-ir.js';
import { diffTree, isClean, writeTreeAtomically, type TreeDrift } from '../generator/write-tree.js';
import { ExitCode } from './exit-codes.js';
import { resolveSpecsDir } from './specs-dir.js';

/** The flags of `contracts generate`. */
export interface GenerateOptions {
  specs: string;
  out: string;
  check?: boolean;
  format: 'text' | 'json';
}

function elapsed(since: number): string {
  return `${Math.round(performance.now() - since)} ms`;
}

function printDrift(drift: TreeDrift, out: string): void {
  for (const [label, paths] of [
    ['stale', drift.stale],
    ['missing', drift.missing],
    ['extra', drift.extra],
  ] as const) {
    for (const path of paths) process.stderr.write(`  ${label}: ${out}/${path}\n`);
  }
}

/**
 * Runs `contracts generate` (issue #2, part 8) and returns its exit code: 0 ok, 1 error
 * diagnostics or drift under `--check`. Kept apart from the command's definition so that other
 * commands never load ts-morph and prettier.
 */
export async function runGenerate(options: GenerateOptions): Promise<number> {
  const pool = startFormatPool();
  try {
    return await generate(options, pool);
  } finally {
    await pool?.close();
  }
}

async function generate(
  options: GenerateOptions,
  pool: ReturnType<typeof startFormatPool>,
): Promise<number> {
  const rootDir = process.cwd();
  const json = options.format === 'json';
  const progress = (line: string) => {
    if (!json) process.stderr.write(`contracts: ${line}\n`);
  };
  const started = performance.now();
  const ir = buildIr({ specsDir: resolveSpecsDir(rootDir, options.specs), rootDir });
  progress(`parsed ${ir.specs.length} specs and ${ir.models.length} models in ${elapsed(started)}`);
  const color = !json && process.stderr.isTTY === true;
  if (!json) {
    for (const diagnostic of ir.diagnostics) {
      process.stderr.write(formatDiagnostic(diagnostic, rootDir, color));
    }
  }
  if (hasErrors(ir)) {
    if (json) {
      process.stdout.write(
        JSON.stringify({ ok: false, diagnostics: ir.diagnostics }, null, 2) + '\n',
      );
    } else {
      progress(`${summarizeDiagnostics(ir.diagnostics)}; ${options.out}/ left untouched`);
    }
    return ExitCode.Failure;
  }
  const emitStarted = performance.now();
  const files = await emitAll(ir, undefined, pool);
  progress(`emitted ${files.length} files in ${elapsed(emitStarted)}`);
  const outDir = resolve(rootDir, options.out);
  if (options.check) {
    const drift = await diffTree(outDir, files);
    const clean = isClean(drift);
    if (json) {
      process.stdout.write(
        JSON.stringify({ ok: clean, diagnostics: ir.diagnostics, drift }, null, 2) + '\n',
      );
    } else if (clean) {
      progress(`${options.out}/ is up to date (${files.length} files)`);
    } else {
      printDrift(drift, options.out);
      progress(
        `${options.out}/ is out of date: ${drift.stale.length} stale, ${drift.missing.length} missing, ${drift.extra.length} extra; run \`npm run codegen\``,
      );
    }
    return clean ? ExitCode.Ok : ExitCode.Failure;
  }
  const drift = await diffTree(outDir, files);
  // An unchanged tree is left alone, so its files keep their timestamps (and watchers stay quiet).
  if (!isClean(drift)) await writeTreeAtomically(outDir, files);
  const changed = drift.stale.length + drift.missing.length + drift.extra.length;
  if (json) {
    process.stdout.write(
      JSON.stringify(
        { ok: true, diagnostics: ir.diagnostics, files: files.length, drift },
        null,
        2,
      ) + '\n',
    );
  } else {
    const what =
      changed === 0
        ? `${options.out}/ already up to date (${files.length} files)`
        : `wrote ${files.length} files to ${options.out}/ (${changed} changed)`;
    progress(`${what} in ${elapsed(started)}; ${summarizeDiagnostics(ir.diagnostics)}`);
  }
  return ExitCode.Ok;
}
