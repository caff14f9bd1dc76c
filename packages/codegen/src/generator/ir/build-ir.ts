import { parseSpecFiles, parseSpecs } from '../parse/parse-specs.js';
import { IrFinisher } from './ir-finisher.js';
import type { Ir } from './ir-schema.js';

/** Folders of `buildIr`: absolute or relative to the working directory. */
export interface BuildIrOptions {
  readonly specsDir: string;
  readonly rootDir: string;
}

/**
 * The spec files of `buildIrOfFiles` (a `GenerateSettings` fits): absolute paths, the root IR
 * paths are relative to, and `specsLabel`, what was searched, for a NO_SPECS diagnostic.
 */
export interface BuildIrOfFilesOptions {
  readonly specFiles: readonly string[];
  readonly rootDir: string;
  readonly specsLabel: string;
}

/** {@link buildIr} over a list of spec files (a config's globs) instead of a folder. */
export function buildIrOfFiles(options: BuildIrOfFilesOptions): Ir {
  return finishIr(parseSpecFiles(options.specFiles, options.rootDir, options.specsLabel));
}

/**
 * The `generate` path's front half: parse every spec under `specsDir`,
 * validate cross-references, sort (specs by key then version, models and enums by name,
 * diagnostics by file, line, column, code), then check the result against `IrSchema`. Bad specs
 * become diagnostics, never exceptions; a ZodError is thrown only if the parser produced an IR that
 * violates its own schema (a bug).
 */
export function buildIr(options: BuildIrOptions): Ir {
  const parsed = parseSpecs({ specsDir: options.specsDir, rootDir: options.rootDir });
  return finishIr(parsed);
}

/**
 * Validate + sort + schema self-check of a parsed IR (shared by `buildIr` and the tests): equal to
 * `IrSchema.parse(sortIr(...))` (ir-finisher.ts).
 */
export function finishIr(parsed: Ir): Ir {
  return new IrFinisher().finish(parsed);
}

/** Whether the IR carries an error diagnostic (warnings do not count): `generate` must stop. */
export function hasErrors(ir: Ir): boolean {
  return ir.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}
