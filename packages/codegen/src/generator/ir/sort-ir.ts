import { compareCodeUnits } from 'contracts-runtime/core';
import type { Diagnostic, Ir, SourceLocation, Spec } from './ir-schema.js';

/** Source locations by file (code units), line, column. */
export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return compareCodeUnits(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** Specs by key, then version, then declaration place (code-unit comparison). */
export function compareSpecs(a: Spec, b: Spec): number {
  return (
    compareCodeUnits(a.key, b.key) ||
    compareCodeUnits(a.version, b.version) ||
    compareLocations(a.source, b.source)
  );
}

const SYNTAX_ERROR = 'SYNTAX_ERROR';

/**
 * Diagnostics by file, line, column, code, then message; syntax errors come before every other
 * diagnostic, since nothing after them in their file was read.
 */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    Number(b.code === SYNTAX_ERROR) - Number(a.code === SYNTAX_ERROR) ||
    compareLocations(a, b) ||
    compareCodeUnits(a.code, b.code) ||
    compareCodeUnits(a.message, b.message)
  );
}

/**
 * The IR in its canonical order: specs by key then version, models and enums by name, diagnostics
 * by place then code. Returns a new IR; the input is not changed.
 */
export function sortIr(ir: Ir): Ir {
  return {
    specs: [...ir.specs].sort(compareSpecs),
    models: [...ir.models].sort((a, b) => compareCodeUnits(a.name, b.name)),
    enums: [...ir.enums].sort((a, b) => compareCodeUnits(a.name, b.name)),
    diagnostics: [...ir.diagnostics].sort(compareDiagnostics),
    ...(ir.failedSpecs === undefined
      ? {}
      : { failedSpecs: [...ir.failedSpecs].sort((a, b) => compareLocations(a.source, b.source)) }),
  };
}
