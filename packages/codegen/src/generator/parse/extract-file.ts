import { ts } from './typescript.js';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Diagnostic, FailedSpec, Spec } from '../ir/ir-schema.js';
import { buildSpec } from './build-spec.js';
import { DiagnosticSink } from './diagnostic-sink.js';
import { ModelLog, type MetDefinition } from './model-log.js';
import { ModuleGraph, type ModuleIndexCache } from './module-graph.js';
import type { SourceHost } from './source-store.js';
import { declared, definesInsideFunctions } from './spec-declarations.js';
import { StaticEvaluator } from './static-evaluator.js';
import type { StaticValue } from './static-value.js';

/**
 * What one spec file gives the IR, read on its own (its own evaluator; the modules it imports are
 * evaluated again for it): merge-extractions.ts combines the files' parts in file order into what
 * one pass over all files gives. A watch session keeps it while neither the file nor any module it
 * looked up changes (`dependencies`).
 */
export interface FileExtraction {
  /** The file's specs in declaration order, inline-emitted events not yet deduplicated. */
  readonly specs: readonly Spec[];
  /** The schema models and enums the evaluation met, in order, not yet judged. */
  readonly definitions: readonly MetDefinition[];
  readonly diagnostics: readonly Diagnostic[];
  readonly failedSpecs: readonly FailedSpec[];
  /** How many spec declarations the file holds (built or not). */
  readonly specDeclarations: number;
  readonly syntaxError: boolean;
  /**
   * Absolute POSIX path -> the host's version of it when read: the file itself and every module
   * path resolution looked up (found or not).
   */
  readonly dependencies: ReadonlyMap<string, number>;
}

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

/**
 * Extracts the spec file at `path` (absolute, POSIX, as `host` knows it; IR paths are relative to
 * `rootDir`). A spec is every top-level `const X = define*(...)` of the eight kinds and every
 * object literal typed with a published spec type; a top-level `new SchemaModel(...)` /
 * `defineSchemaModel(...)` / `defineEnum(...)` const is a model or enum; other declarations are
 * evaluated only when a spec needs them. Another published `define*` kind or a helper factory call
 * in an exported const, and a `define*` call inside a function, are one NOT_READ `info` each. A
 * file with a TypeScript syntax error reports SYNTAX_ERROR and is not scanned.
 * @throws Error when the file does not exist.
 */
export function extractFile(
  host: SourceHost,
  path: string,
  rootDir: string,
  indexes: ModuleIndexCache,
): FileExtraction {
  const file = host.sourceFile(path);
  if (!file) throw new Error(`spec file not found: ${path}`);
  const sink = new DiagnosticSink();
  const graph = new ModuleGraph(host, rootDir, indexes);
  const log = new ModelLog();
  const evaluator = new StaticEvaluator(graph, sink, log);
  const specs: Spec[] = [];
  const failedSpecs: FailedSpec[] = [];
  let specDeclarations = 0;
  const syntaxErrors = (file as unknown as { parseDiagnostics: readonly ts.Diagnostic[] })
    .parseDiagnostics;
  for (const error of ts.sortAndDeduplicateDiagnostics(syntaxErrors)) {
    const { line, character } = file.getLineAndCharacterOfPosition(error.start ?? 0);
    const message = ts.flattenDiagnosticMessageText(error.messageText, '\n');
    sink.error(DiagnosticCode.SyntaxError, message, {
      file: graph.relativePath(file),
      line: line + 1,
      column: character + 1,
    });
  }
  if (syntaxErrors.length === 0) {
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
          if (identity)
            failedSpecs.push({ kind: what.callee.kind, ...identity, source: header.source });
        }
        specs.push(...built);
      }
    }
  }
  const dependencies = new Map<string, number>([[path, host.version(path)]]);
  for (const looked of graph.looked) dependencies.set(looked, host.version(looked));
  return {
    specs,
    definitions: log.met,
    diagnostics: sink.diagnostics,
    failedSpecs,
    specDeclarations,
    syntaxError: syntaxErrors.length > 0,
    dependencies,
  };
}
