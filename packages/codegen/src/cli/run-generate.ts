import { relative } from 'node:path';
import type { GenerateFlags } from '../generator/config/resolve-settings.js';
import { createEmitters } from '../generator/emit/all-emitters.js';
import { emitAll } from '../generator/emit-all.js';
import { formatDiagnostic, summarizeDiagnostics } from '../generator/format-diagnostics.js';
import { startFormatPool } from '../generator/format-pool.js';
import { buildIrOfFiles, hasErrors } from '../generator/ir/build-ir.js';
import { diffTree, isClean, writeTreeAtomically, type TreeDrift } from '../generator/write-tree.js';
import { ExitCode } from './exit-codes.js';
import { generateSettingsOf } from './generate-settings.js';
import { plural } from './plural.js';

/** The flags of `contracts generate`. */
export interface GenerateOptions extends GenerateFlags {
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
 * Runs `contracts generate` and returns its exit code: 0 ok, 1 error
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
  const settings = await generateSettingsOf(options);
  const rootDir = settings.rootDir;
  const out = relative(process.cwd(), settings.outDir) || '.';
  const json = options.format === 'json';
  const progress = (line: string) => {
    if (!json) process.stderr.write(`contracts: ${line}\n`);
  };
  const started = performance.now();
  const ir = buildIrOfFiles(settings);
  progress(
    `parsed ${plural(ir.specs.length, 'spec')} and ${plural(ir.models.length, 'model')} in ${elapsed(started)}`,
  );
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
      progress(`${summarizeDiagnostics(ir.diagnostics)}; ${out}/ left untouched`);
    }
    return ExitCode.Failure;
  }
  const emitStarted = performance.now();
  const files = await emitAll(ir, createEmitters(settings.emitters), pool);
  progress(`emitted ${plural(files.length, 'file')} in ${elapsed(emitStarted)}`);
  const outDir = settings.outDir;
  if (options.check) {
    const drift = await diffTree(outDir, files);
    const clean = isClean(drift);
    if (json) {
      process.stdout.write(
        JSON.stringify({ ok: clean, diagnostics: ir.diagnostics, drift }, null, 2) + '\n',
      );
    } else if (clean) {
      progress(`${out}/ is up to date (${plural(files.length, 'file')})`);
    } else {
      printDrift(drift, out);
      progress(
        `${out}/ is out of date: ${drift.stale.length} stale, ${drift.missing.length} missing, ${drift.extra.length} extra; run \`npm run codegen\``,
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
        ? `${out}/ already up to date (${plural(files.length, 'file')})`
        : `wrote ${plural(files.length, 'file')} to ${out}/ (${changed} changed)`;
    progress(`${what} in ${elapsed(started)}; ${summarizeDiagnostics(ir.diagnostics)}`);
  }
  return ExitCode.Ok;
}
