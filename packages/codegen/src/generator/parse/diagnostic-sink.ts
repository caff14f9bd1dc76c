import type { DiagnosticCodeValue } from '../ir/diagnostic-codes.js';
import type { Diagnostic, SourceLocation } from '../ir/ir-schema.js';

/**
 * Collects the parser's diagnostics in the order they are found (buildIr sorts them later).
 * Every diagnostic carries the exact location of the node it is about.
 */
export class DiagnosticSink {
  readonly diagnostics: Diagnostic[] = [];

  /** Records an error at `at`. */
  error(code: DiagnosticCodeValue, message: string, at: SourceLocation): void {
    this.diagnostics.push({ severity: 'error', code, message, ...at });
  }

  /** Records an `info` at `at`: something read but not emitted; it never fails a run. */
  info(code: DiagnosticCodeValue, message: string, at: SourceLocation): void {
    this.diagnostics.push({ severity: 'info', code, message, ...at });
  }
}
