import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** What `tsc --extendedDiagnostics` reports for one check. */
export interface CheckCost {
  readonly instantiations: number;
  readonly checkMs: number;
  /** `Memory used`, in MiB. */
  readonly memoryMiB: number;
  /** Lines of `error TS…` the check printed. */
  readonly errors: number;
  /** The first of them, or ''. */
  readonly firstError: string;
}

/**
 * The compiler options generated code is checked with (tsconfig.generated.json's: strict, exact
 * optional properties, verbatim module syntax), used for our output and the peer's alike.
 */
const COMPILER_OPTIONS = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  lib: ['ES2023', 'DOM'],
  types: ['node'],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  exactOptionalPropertyTypes: true,
  verbatimModuleSyntax: true,
};

function figure(output: string, label: string): number {
  const match = new RegExp(`^${label}:\\s+([\\d.]+)(K|s)?$`, 'm').exec(output);
  if (!match) throw new Error(`tsc printed no "${label}":\n${output.slice(-2000)}`);
  const value = Number(match[1]);
  return match[2] === 'K' ? value / 1024 : match[2] === 's' ? value * 1000 : value;
}

/**
 * Runs `tsc --extendedDiagnostics` in `dir` over `files` (globs relative to `dir`, which must
 * resolve `zod` and `contracts-runtime`) with {@link COMPILER_OPTIONS}.
 * @throws Error when tsc prints no diagnostics table (it crashed).
 */
export function checkCost(dir: string, include: readonly string[], name: string): CheckCost {
  const config = join(dir, `tsconfig.${name}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: COMPILER_OPTIONS, include }));
  const result = spawnSync(process.execPath, [TSC, '-p', config, '--extendedDiagnostics'], {
    cwd: dir,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = result.stdout + result.stderr;
  return {
    instantiations: figure(output, 'Instantiations'),
    checkMs: figure(output, 'Check time'),
    memoryMiB: figure(output, 'Memory used'),
    errors: (output.match(/error TS\d+/g) ?? []).length,
    firstError: /^.*error TS\d+.*$/m.exec(output)?.[0] ?? '',
  };
}

/** `6.95 M inst, 116.3 s, 3556 MiB`. */
export function describeCost(cost: CheckCost): string {
  const inst =
    cost.instantiations >= 1e6
      ? `${(cost.instantiations / 1e6).toFixed(2)} M`
      : `${(cost.instantiations / 1e3).toFixed(1)} k`;
  const errors =
    cost.errors > 0 ? `, ${cost.errors} errors (first: ${cost.firstError.slice(0, 160)})` : '';
  return `${inst} instantiations, check ${(cost.checkMs / 1000).toFixed(1)} s, ${Math.round(cost.memoryMiB)} MiB${errors}`;
}
