import { codeFrameColumns } from '@babel/code-frame';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pc from 'picocolors';
import type { Diagnostic } from './ir/ir-schema.js';

/**
 * Renders one diagnostic as `path:line:column - error CODE: message`, the layout of `tsc --pretty
 * false`, followed by a code frame when the file can be read. `rootDir` is what the diagnostic's
 * relative `file` is relative to. Colors only when `color` is true.
 */
export function formatDiagnostic(diagnostic: Diagnostic, rootDir: string, color: boolean): string {
  const paint = color ? pc : pc.createColors(false);
  const severity = diagnostic.severity === 'error' ? paint.red('error') : paint.yellow('warning');
  const head = `${paint.cyan(diagnostic.file)}:${paint.yellow(String(diagnostic.line))}:${paint.yellow(
    String(diagnostic.column),
  )} - ${severity} ${paint.gray(diagnostic.code)}: ${diagnostic.message}`;
  let frame = '';
  try {
    const text = readFileSync(resolve(rootDir, diagnostic.file), 'utf8');
    frame = codeFrameColumns(
      text,
      { start: { line: diagnostic.line, column: diagnostic.column } },
      { highlightCode: color, linesAbove: 1, linesBelow: 1 },
    );
  } catch {
    // A directory (NO_SPECS) or a file gone since parsing: the location line alone says enough.
  }
  return frame ? `${head}\n${frame}\n` : `${head}\n`;
}

/** `N errors, M warnings` for the closing line of a run. */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
}
