import type * as CodeFrame from '@babel/code-frame';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type * as Picocolors from 'picocolors';
import type { Diagnostic } from './ir/ir-schema.js';

// Its printing packages are required by the first diagnostic: a clean run never loads them.
const require = createRequire(import.meta.url);

/**
 * Renders one diagnostic as `path:line:column - error CODE: message`, the layout of `tsc --pretty
 * false`, followed by a code frame when the file can be read. `rootDir` is what the diagnostic's
 * relative `file` is relative to. Colors only when `color` is true.
 */
export function formatDiagnostic(diagnostic: Diagnostic, rootDir: string, color: boolean): string {
  const pc = require('picocolors') as typeof Picocolors;
  const codeFrame = require('@babel/code-frame') as typeof CodeFrame;
  const paint = color ? pc : pc.createColors(false);
  const severity =
    diagnostic.severity === 'error'
      ? paint.red('error')
      : diagnostic.severity === 'warning'
        ? paint.yellow('warning')
        : paint.blue('info');
  const head = `${paint.cyan(diagnostic.file)}:${paint.yellow(String(diagnostic.line))}:${paint.yellow(
    String(diagnostic.column),
  )} - ${severity} ${paint.gray(diagnostic.code)}: ${diagnostic.message}`;
  let frame = '';
  try {
    const text = readFileSync(resolve(rootDir, diagnostic.file), 'utf8');
    frame = codeFrame.codeFrameColumns(
      text,
      { start: { line: diagnostic.line, column: diagnostic.column } },
      { highlightCode: color, linesAbove: 1, linesBelow: 1 },
    );
  } catch {
    // A directory (NO_SPECS) or a file gone since parsing: the location line alone says enough.
  }
  return frame ? `${head}\n${frame}\n` : `${head}\n`;
}

/**
 * `N errors, M warnings` for the closing line of a run, `, K infos` when there are infos. Errors
 * count root causes: a reference to a spec that failed to parse is an info, not an error.
 */
export function summarizeDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const count = (severity: Diagnostic['severity']) =>
    diagnostics.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  const base = `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  return infos === 0 ? base : `${base}, ${infos} info${infos === 1 ? '' : 's'}`;
}
