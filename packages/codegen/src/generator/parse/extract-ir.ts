import { ts, type Project, type SourceFile } from 'ts-morph';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Ir, Spec } from '../ir/ir-schema.js';
import { buildSpec } from './build-spec.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { DEFINE_CALLEES } from './language.js';
import { ModelRegistry } from './model-registry.js';
import { ModuleGraph } from './module-graph.js';
import { StaticEvaluator } from './static-evaluator.js';

/** What a top-level const declares, judged from its initializer's syntax alone. */
type Declared = { kind: 'spec'; callee: string } | { kind: 'model' } | { kind: 'none' };

function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function declared(initializer: ts.Expression | undefined): Declared {
  if (!initializer) return { kind: 'none' };
  const expression = unwrap(initializer);
  if (ts.isCallExpression(expression) && ts.isIdentifier(expression.expression)) {
    const callee = expression.expression.text;
    if (DEFINE_CALLEES.has(callee)) return { kind: 'spec', callee };
    if (callee === 'defineEnum') return { kind: 'model' };
  }
  if (
    ts.isNewExpression(expression) &&
    ts.isIdentifier(expression.expression) &&
    expression.expression.text === 'SchemaModel'
  ) {
    return { kind: 'model' };
  }
  return { kind: 'none' };
}

function isConst(statement: ts.VariableStatement): boolean {
  return (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
}

/**
 * Turns the spec files of `project` into an unsorted IR with the parser's diagnostics. `specFiles` are scanned in the given (sorted) order: every top-level
 * `const X = define*(...)` is a spec, every top-level `new SchemaModel(...)` / `defineEnum(...)`
 * const a model or enum; other declarations are evaluated only when a spec needs them. A file with
 * a TypeScript syntax error reports SYNTAX_ERROR and is not scanned. No spec declaration at all is
 * NO_SPECS at `specsDir` (POSIX, relative to `rootDir`).
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
      if (!ts.isVariableStatement(statement) || !isConst(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) continue;
        const what = declared(declaration.initializer);
        if (what.kind === 'none') continue;
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
        const spec = buildSpec(sink, DEFINE_CALLEES.get(what.callee)!, value, header);
        if (spec) specs.push(spec);
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
  };
}
