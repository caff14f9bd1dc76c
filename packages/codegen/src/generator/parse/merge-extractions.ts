import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Diagnostic, FailedSpec, Ir, Spec } from '../ir/ir-schema.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import type { FileExtraction } from './extract-file.js';
import { replayDefinitions } from './model-log.js';
import { ModelRegistry } from './model-registry.js';

/** Inline-emitted events already met, by `key@version`, with their payload: one event per id. */
function isRepeatedInlineEvent(spec: Spec, seen: Map<string, string>): boolean {
  if (spec.kind !== 'event' || !spec.exportName.includes('.sideEffects.emits[')) return false;
  const id = `${spec.key}@${spec.version}`;
  const payload = seen.get(id);
  if (payload === spec.payload) return true;
  if (payload === undefined) seen.set(id, spec.payload);
  return false;
}

function diagnosticKey(d: Diagnostic): string {
  return `${d.severity}\0${d.code}\0${d.file}\0${d.line}\0${d.column}\0${d.message}`;
}

/**
 * The unsorted IR of spec files extracted one by one (`files` in the order the files are
 * scanned), as one pass over them gives it: an inline-emitted event repeated with the same payload
 * is kept once; models and enums are judged in the order met (the first definition of a name is
 * kept, a different one is DUPLICATE_MODEL at the later); a diagnostic an earlier file reported
 * already (a module both import, evaluated for each) is not repeated. No spec declaration at all
 * (and no syntax error) is NO_SPECS at `specsDir` (POSIX, relative to the root folder).
 */
export function mergeExtractions(files: readonly FileExtraction[], specsDir: string): Ir {
  const sink = new DiagnosticSink();
  const registry = new ModelRegistry(sink);
  const specs: Spec[] = [];
  const failedSpecs: FailedSpec[] = [];
  const inlineEvents = new Map<string, string>();
  const reported = new Set<string>();
  let specDeclarations = 0;
  let syntaxError = false;
  for (const file of files) {
    const own = new Set<string>();
    for (const diagnostic of file.diagnostics) {
      const key = diagnosticKey(diagnostic);
      if (reported.has(key)) continue;
      own.add(key);
      sink.diagnostics.push(diagnostic);
    }
    for (const key of own) reported.add(key);
    replayDefinitions(file.definitions, registry);
    for (const spec of file.specs) if (!isRepeatedInlineEvent(spec, inlineEvents)) specs.push(spec);
    failedSpecs.push(...file.failedSpecs);
    specDeclarations += file.specDeclarations;
    syntaxError ||= file.syntaxError;
  }
  if (specDeclarations === 0 && !syntaxError) {
    sink.error(
      DiagnosticCode.NoSpecs,
      `no spec (\`const X = define*(...)\`) found in ${specsDir}`,
      { file: specsDir, line: 1, column: 1 },
    );
  }
  return {
    specs,
    models: [...registry.models.values()],
    enums: [...registry.enums.values()],
    diagnostics: sink.diagnostics,
    ...(failedSpecs.length === 0 ? {} : { failedSpecs }),
  };
}
