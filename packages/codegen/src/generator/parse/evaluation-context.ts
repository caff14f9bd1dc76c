import type { ts } from './typescript.js';
import type { DiagnosticCodeValue } from '../ir/diagnostic-codes.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import type { ModelSink } from './model-registry.js';
import type { ModuleGraph } from './module-graph.js';
import type { StaticValue } from './static-value.js';

/** A node, with the module it belongs to: where a diagnostic about it is reported. */
export interface Site {
  readonly node: ts.Node;
  readonly file: ts.SourceFile;
}

/**
 * What the parts of the static evaluator share: the module graph, the sinks, recursive evaluation,
 * memoisation with cycle detection, and `fail` (report at a node, yield an `invalid` value).
 */
export interface EvaluationContext {
  readonly graph: ModuleGraph;
  readonly sink: DiagnosticSink;
  readonly registry: ModelSink;
  evaluate(expression: ts.Expression, file: ts.SourceFile): StaticValue;
  evaluateDeclaration(
    declaration: ts.VariableDeclaration,
    file: ts.SourceFile,
    usedAt?: Site,
  ): StaticValue;
  memoised(node: ts.Node, name: string, reportAt: Site, compute: () => StaticValue): StaticValue;
  fail(code: DiagnosticCodeValue, message: string, site: Site): StaticValue;
}

const MAX_QUOTE = 60;

/** A node's text on one line, shortened, for messages. */
export function quote(node: ts.Node, file: ts.SourceFile): string {
  const text = node.getText(file).replace(/\s+/g, ' ');
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 3)}...` : text;
}
