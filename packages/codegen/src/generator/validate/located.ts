import type { DiagnosticCodeValue } from '../ir/diagnostic-codes.js';
import type { Diagnostic, SourceLocation, Spec } from '../ir/ir-schema.js';

/** A validator diagnostic at `at`. */
export function located(
  severity: Diagnostic['severity'],
  code: DiagnosticCodeValue,
  message: string,
  at: SourceLocation,
): Diagnostic {
  return { severity, code, message, file: at.file, line: at.line, column: at.column };
}

/** `file:line:column`, as diagnostics name another place. */
export function where(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/** `key@version`, the identity of a spec. */
export function specId(ref: { readonly key: string; readonly version: string }): string {
  return `${ref.key}@${ref.version}`;
}

/** How a spec's kind reads in messages: `a command`, `an event`, `a data view`. */
export function describeKind(spec: Spec): string {
  switch (spec.kind) {
    case 'operation':
      return `a ${spec.operationKind}`;
    case 'event':
      return 'an event';
    case 'capability':
      return 'a capability';
    case 'feature':
      return 'a feature';
    case 'presentation':
      return 'a presentation';
    case 'dataView':
      return 'a data view';
    case 'form':
      return 'a form';
    default: {
      const unreachable: never = spec;
      return unreachable;
    }
  }
}
