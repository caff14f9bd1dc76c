import type { SourceLocation } from '../../packages/codegen/src/generator/ir/ir-schema.js';

/**
 * Where the `nth` occurrence of `needle` starts in `sources[file]`, as an IR location (1-based line
 * and column). Tests use it to state expected locations by the text they point at.
 */
export function loc(
  sources: Readonly<Record<string, string>>,
  file: string,
  needle: string,
  nth = 0,
): SourceLocation {
  const text = sources[file];
  if (text === undefined) throw new Error(`no source ${file}`);
  let index = -1;
  for (let i = 0; i <= nth; i += 1) {
    index = text.indexOf(needle, index + 1);
    if (index < 0)
      throw new Error(`${JSON.stringify(needle)} occurs fewer than ${nth + 1} times in ${file}`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { file, line, column: index - before.lastIndexOf('\n') };
}

/** A diagnostic as the IR holds it: severity, code, message and the location of `needle`. */
export function diag(
  severity: 'error' | 'warning',
  code: string,
  message: string,
  at: SourceLocation,
): {
  severity: 'error' | 'warning';
  code: string;
  message: string;
  file: string;
  line: number;
  column: number;
} {
  return { severity, code, message, ...at };
}
