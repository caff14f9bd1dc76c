import { ts, type Project, type SourceFile } from 'ts-morph';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { FailedSpec, Ir, Spec } from '../ir/ir-schema.js';
import { buildSpec } from './build-spec.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { ModelRegistry } from './model-registry.js';
import { ModuleGraph } from './module-graph.js';
import { declared, definesInsideFunctions } from './spec-declarations.js';
import { StaticEvaluator } from './static-evaluator.js';
import type { StaticValue } from './static-value.js';

function isConst(statement: ts.VariableStatement): boolean {
  return (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
}

function isExported(statement: ts.VariableStatement): boolean {
  return (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The `meta.key` and `meta.version` of a spec value that failed to build, when both are strings. */
function metaIdentity(value: StaticValue): { key: string; version: string } | undefined {
  if (value.kind !== 'object') return undefined;
  const meta = value.entries.get('meta');
  if (meta?.kind !== 'object') return undefined;
  const key = meta.entries.get('key');
  const version = meta.entries.get('version');
  return key?.kind === 'string' && version?.kind === 'string'
    ? { key: key.value, version: version.value }
    : undefined;
}

/** Inline-emitted events already met, by `key@version`, with their payload: one event per id. */
function isRepeatedInlineEvent(spec: Spec, seen: Map<string, string>): boolean {
  if (spec.kind !== 'event' || !spec.exportName.includes('.sideEffects.emits[')) return false;
  const id = `${spec.key}@${spec.version}`;
  const payload = seen.get(id);
  if (payload === spec.payload) return true;
  if (payload === undefined) seen.set(id, spec.payload);
  return false;
}

/**
 * Turns the spec files of `project` into an unsorted IR with the parser's diagnostics. `specFiles`
 * are scanned in the given (sorted) order. A spec is every top-level `const X = define*(...)` of the
 * eight kinds and every object literal typed with a published spec type (`const X: FormSpec =
 * {...}`); a top-level `new SchemaModel(...)` / `defineSchemaModel(...)` / `defineEnum(...)` const
 * is a model or enum; other declarations are evaluated only when a spec needs them. What the
 * generator does not read is never dropped silently: another published `define*` kind or a helper
 * factory call in an exported const, and a `define*` call inside a function, are one NOT_READ
 * `info` each at their location. A file with a TypeScript syntax error reports SYNTAX_ERROR and is
 * not scanned. No spec declaration at all is NO_SPECS at `specsDir` (POSIX, relative to `rootDir`).
 */
export function extractIr(
  project: Project,
  specFiles: readonly SourceFile[],
  rootDir: string,
  specsDir: string,
): Ir {
  const sink = new DiagnosticSink();
  const graph = new ModuleGraph(project, rootDir);
  const registry = new ModelRegistry(sink);
  const evaluator = new StaticEvaluator(graph, sink, registry);
  const program = project.getProgram().compilerObject;
  const specs: Spec[] = [];
  const failedSpecs: FailedSpec[] = [];
  const inlineEvents = new Map<string, string>();
  let specDeclarations = 0;
  for (const wrapped of specFiles) {
    const file = wrapped.compilerNode;
    const syntaxErrors = program.getSyntacticDiagnostics(file);
    for (const error of syntaxErrors) {
      const { line, character } = file.getLineAndCharacterOfPosition(error.start ?? 0);
      const message = ts.flattenDiagnosticMessageText(error.messageText, '\n');
      sink.error(DiagnosticCode.SyntaxError, message, {
        file: graph.relativePath(file),
        line: line + 1,
        column: character + 1,
      });
    }
    if (syntaxErrors.length > 0) continue;
    let imports: string | undefined;
    for (const statement of file.statements) {
      if (!ts.isImportDeclaration(statement)) {
        for (const call of definesInsideFunctions(statement)) {
          const callee = (call.expression as ts.Identifier).text;
          sink.info(
            DiagnosticCode.NotRead,
            `not read: \`${callee}(...)\` inside a function, which is not evaluated`,
            graph.locate(call, file),
          );
        }
      }
      if (!ts.isVariableStatement(statement) || !isConst(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const what = declared(declaration);
        if (what.kind === 'none') continue;
        if (what.kind === 'unread') {
          if (isExported(statement))
            sink.info(
              DiagnosticCode.NotRead,
              `not read: \`${declaration.name.text}\` = ${what.what}`,
              graph.locate(declaration.name, file),
            );
          continue;
        }
        const value = evaluator.evaluateDeclaration(declaration, file);
        if (what.kind !== 'spec') continue;
        specDeclarations += 1;
        imports ??= file.statements
          .filter(ts.isImportDeclaration)
          .map((node) => node.getText(file))
          .join('\n');
        const header = {
          exportName: declaration.name.text,
          source: graph.locate(declaration.name, file),
          sourceText: { imports, definition: statement.getText(file) },
        };
        const built = buildSpec(sink, what.callee, value, header);
        if (built.length === 0) {
          const identity = metaIdentity(value);
          if (identity) failedSpecs.push({ kind: what.callee.kind, ...identity, source: header.source });
        }
        for (const spec of built) if (!isRepeatedInlineEvent(spec, inlineEvents)) specs.push(spec);
      }
    }
  }
  if (
    specDeclarations === 0 &&
    !sink.diagnostics.some((d) => d.code === DiagnosticCode.SyntaxError)
  ) {
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
