import { ts } from './typescript.js';
import { DiagnosticCode, type DiagnosticCodeValue } from '../ir/diagnostic-codes.js';
import type { SourceLocation } from '../ir/ir-schema.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import type { ModelSink } from './model-registry.js';
import type { ModuleGraph } from './module-graph.js';
import { quote, type EvaluationContext, type Site } from './evaluation-context.js';
import { resolveExport, resolveIdentifier } from './identifier-resolver.js';
import { evaluateCall, evaluateNew } from './language-calls.js';
import { describeValue, relocate, type StaticValue } from './static-value.js';

/**
 * Evaluates spec expressions from their syntax tree, never executing them (shared/design.md,
 * "Static evaluation, not execution"): literals, template literals, `as const`, `satisfies`,
 * parentheses, arrays and objects with spreads, identifiers bound to consts of the same module or
 * imported through relative imports and barrels, member access, and the contract language's calls
 * (recognised by name). Each const declaration is evaluated once, lazily; a declaration that needs
 * itself is CIRCULAR_REFERENCE. Whatever cannot be evaluated is reported at its node and yields an
 * `invalid` value, never a guess.
 */
export class StaticEvaluator implements EvaluationContext {
  private readonly memo = new Map<ts.Node, StaticValue>();
  private readonly inProgress: { node: ts.Node; name: string }[] = [];

  constructor(
    readonly graph: ModuleGraph,
    readonly sink: DiagnosticSink,
    readonly registry: ModelSink,
  ) {}

  /**
   * The value of a top-level `const` declaration, located at its initializer. `usedAt` is the
   * reference that needs it, where a circular reference is reported.
   */
  evaluateDeclaration(
    declaration: ts.VariableDeclaration,
    file: ts.SourceFile,
    usedAt?: Site,
  ): StaticValue {
    const reportAt = usedAt ?? { node: declaration.name, file };
    return this.memoised(declaration, declaration.name.getText(file), reportAt, () => {
      if (!declaration.initializer) {
        return this.fail(
          DiagnosticCode.UnsupportedExpression,
          `const \`${declaration.name.getText(file)}\` has no initializer`,
          { node: declaration, file },
        );
      }
      return this.evaluate(declaration.initializer, file);
    });
  }

  /** The value of `expression`, located where it is written. */
  evaluate(expression: ts.Expression, file: ts.SourceFile): StaticValue {
    const at = this.graph.locate(expression, file);
    const site = { node: expression, file };
    if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) {
      return { kind: 'string', value: expression.text, at };
    }
    if (ts.isNumericLiteral(expression))
      return { kind: 'number', value: Number(expression.text), at };
    switch (expression.kind) {
      case ts.SyntaxKind.TrueKeyword:
        return { kind: 'boolean', value: true, at };
      case ts.SyntaxKind.FalseKeyword:
        return { kind: 'boolean', value: false, at };
      case ts.SyntaxKind.NullKeyword:
        return { kind: 'null', at };
    }
    if (
      ts.isParenthesizedExpression(expression) ||
      ts.isAsExpression(expression) ||
      ts.isSatisfiesExpression(expression) ||
      ts.isTypeAssertionExpression(expression) ||
      ts.isNonNullExpression(expression)
    ) {
      return relocate(this.evaluate(expression.expression, file), at);
    }
    if (ts.isArrowFunction(expression) || ts.isFunctionExpression(expression))
      return { kind: 'function', at };
    if (ts.isTemplateExpression(expression)) return this.template(expression, file, at);
    if (ts.isPrefixUnaryExpression(expression)) return this.signed(expression, file, at);
    if (ts.isArrayLiteralExpression(expression)) return this.array(expression, file, at);
    if (ts.isObjectLiteralExpression(expression)) return this.object(expression, file, at);
    if (ts.isIdentifier(expression))
      return relocate(resolveIdentifier(this, expression.text, site), at);
    if (ts.isPropertyAccessExpression(expression)) {
      return this.member(expression.expression, expression.name.text, site, at);
    }
    if (ts.isElementAccessExpression(expression)) return this.elementAccess(expression, file, at);
    if (ts.isCallExpression(expression)) return evaluateCall(this, expression, file, at);
    if (ts.isNewExpression(expression)) return evaluateNew(this, expression, file, at);
    return this.fail(
      DiagnosticCode.UnsupportedExpression,
      `\`${quote(expression, file)}\` (${ts.SyntaxKind[expression.kind]}) cannot be evaluated statically`,
      site,
    );
  }

  /** Evaluates `node` once; re-entering it while it is being evaluated is CIRCULAR_REFERENCE. */
  memoised(node: ts.Node, name: string, reportAt: Site, compute: () => StaticValue): StaticValue {
    const cached = this.memo.get(node);
    if (cached) return cached;
    const cycleStart = this.inProgress.findIndex((entry) => entry.node === node);
    if (cycleStart >= 0) {
      const chain = [...this.inProgress.slice(cycleStart).map((entry) => entry.name), name].join(
        ' -> ',
      );
      return this.fail(
        DiagnosticCode.CircularReference,
        `\`${name}\` depends on itself: ${chain}`,
        reportAt,
      );
    }
    this.inProgress.push({ node, name });
    const value = compute();
    this.inProgress.pop();
    this.memo.set(node, value);
    return value;
  }

  /** Reports `message` at `site` and yields an `invalid` value located there. */
  fail(code: DiagnosticCodeValue, message: string, site: Site): StaticValue {
    const at = this.graph.locate(site.node, site.file);
    this.sink.error(code, message, at);
    return { kind: 'invalid', at };
  }

  private template(
    expression: ts.TemplateExpression,
    file: ts.SourceFile,
    at: SourceLocation,
  ): StaticValue {
    let text = expression.head.text;
    for (const span of expression.templateSpans) {
      const value = this.evaluate(span.expression, file);
      if (value.kind === 'invalid') return value;
      if (value.kind !== 'string' && value.kind !== 'number' && value.kind !== 'boolean') {
        return this.fail(
          DiagnosticCode.UnsupportedExpression,
          `a template literal cannot embed ${describeValue(value)}`,
          { node: span.expression, file },
        );
      }
      text += String(value.value) + span.literal.text;
    }
    return { kind: 'string', value: text, at };
  }

  private signed(
    expression: ts.PrefixUnaryExpression,
    file: ts.SourceFile,
    at: SourceLocation,
  ): StaticValue {
    const operand = this.evaluate(expression.operand, file);
    if (operand.kind === 'invalid') return operand;
    const sign =
      expression.operator === ts.SyntaxKind.MinusToken
        ? -1
        : expression.operator === ts.SyntaxKind.PlusToken
          ? 1
          : 0;
    if (sign === 0 || operand.kind !== 'number') {
      return this.fail(
        DiagnosticCode.UnsupportedExpression,
        `\`${quote(expression, file)}\` cannot be evaluated statically`,
        { node: expression, file },
      );
    }
    return { kind: 'number', value: sign * operand.value, at };
  }

  private array(
    expression: ts.ArrayLiteralExpression,
    file: ts.SourceFile,
    at: SourceLocation,
  ): StaticValue {
    const items: StaticValue[] = [];
    for (const element of expression.elements) {
      if (ts.isSpreadElement(element)) {
        const spread = this.evaluate(element.expression, file);
        if (spread.kind === 'array') items.push(...spread.items);
        else if (spread.kind === 'invalid') items.push(spread);
        else
          items.push(
            this.fail(
              DiagnosticCode.UnsupportedExpression,
              `cannot spread ${describeValue(spread)} into an array`,
              { node: element, file },
            ),
          );
      } else if (ts.isOmittedExpression(element)) {
        items.push(
          this.fail(
            DiagnosticCode.UnsupportedExpression,
            'an array hole cannot be evaluated statically',
            { node: expression, file },
          ),
        );
      } else {
        items.push(this.evaluate(element, file));
      }
    }
    return { kind: 'array', items, at };
  }

  private object(
    expression: ts.ObjectLiteralExpression,
    file: ts.SourceFile,
    at: SourceLocation,
  ): StaticValue {
    const entries = new Map<string, StaticValue>();
    for (const property of expression.properties) {
      if (ts.isPropertyAssignment(property)) {
        const key = this.propertyName(property.name, file);
        if (key !== undefined) entries.set(key, this.evaluate(property.initializer, file));
      } else if (ts.isShorthandPropertyAssignment(property)) {
        const site = { node: property.name, file };
        entries.set(
          property.name.text,
          relocate(
            resolveIdentifier(this, property.name.text, site),
            this.graph.locate(property.name, file),
          ),
        );
      } else if (ts.isSpreadAssignment(property)) {
        const spread = this.evaluate(property.expression, file);
        if (spread.kind === 'object')
          for (const [key, value] of spread.entries) entries.set(key, value);
        else if (spread.kind !== 'invalid') {
          this.fail(
            DiagnosticCode.UnsupportedExpression,
            `cannot spread ${describeValue(spread)} into an object`,
            { node: property, file },
          );
        }
      } else if (ts.isMethodDeclaration(property) && !ts.isComputedPropertyName(property.name)) {
        // A method is a callback (published `telemetry`, hooks): recorded, never evaluated.
        const key = this.propertyName(property.name, file);
        if (key !== undefined)
          entries.set(key, { kind: 'function', at: this.graph.locate(property, file) });
      } else {
        this.fail(
          DiagnosticCode.UnsupportedExpression,
          `\`${quote(property, file)}\` (${ts.SyntaxKind[property.kind]}) cannot be evaluated statically`,
          { node: property, file },
        );
      }
    }
    return { kind: 'object', entries, at };
  }

  private propertyName(name: ts.PropertyName, file: ts.SourceFile): string | undefined {
    if (
      ts.isIdentifier(name) ||
      ts.isStringLiteral(name) ||
      ts.isNumericLiteral(name) ||
      ts.isNoSubstitutionTemplateLiteral(name)
    ) {
      return name.text;
    }
    if (ts.isComputedPropertyName(name)) {
      const key = this.evaluate(name.expression, file);
      if (key.kind === 'string' || key.kind === 'number') return String(key.value);
      if (key.kind !== 'invalid') {
        this.fail(
          DiagnosticCode.UnsupportedExpression,
          `a computed key must be a string or a number, found ${describeValue(key)}`,
          { node: name, file },
        );
      }
      return undefined;
    }
    this.fail(
      DiagnosticCode.UnsupportedExpression,
      `\`${quote(name, file)}\` cannot be a key here`,
      { node: name, file },
    );
    return undefined;
  }

  private member(
    objectNode: ts.Expression,
    key: string,
    site: Site,
    at: SourceLocation,
  ): StaticValue {
    const object = this.evaluate(objectNode, site.file);
    if (object.kind === 'invalid') return object;
    const shown = quote(site.node, site.file);
    if (object.kind === 'object') {
      const value = object.entries.get(key);
      if (value) return relocate(value, at);
      if (object.enumTable !== undefined) {
        return this.fail(
          DiagnosticCode.UnknownEnumMember,
          `\`${shown}\`: ${object.enumTable} has no member \`${key}\` (members: ${[...object.entries.keys()].join(', ')})`,
          site,
        );
      }
      return this.fail(
        DiagnosticCode.UnresolvedIdentifier,
        `\`${shown}\`: the object has no property \`${key}\``,
        site,
      );
    }
    if (object.kind === 'array' && /^(0|[1-9]\d*)$/.test(key)) {
      const item = object.items[Number(key)];
      if (item) return relocate(item, at);
      return this.fail(
        DiagnosticCode.UnresolvedIdentifier,
        `\`${shown}\`: the array has no item ${key}`,
        site,
      );
    }
    if (object.kind === 'namespace') {
      const value = resolveExport(this, object.file, key, site, new Set());
      if (value) return relocate(value, at);
      return this.fail(
        DiagnosticCode.UnresolvedIdentifier,
        `\`${shown}\`: ${this.graph.relativePath(object.file)} does not export \`${key}\``,
        site,
      );
    }
    return this.fail(
      DiagnosticCode.UnsupportedExpression,
      `\`${shown}\` reads \`${key}\` of ${describeValue(object)}`,
      site,
    );
  }

  private elementAccess(
    expression: ts.ElementAccessExpression,
    file: ts.SourceFile,
    at: SourceLocation,
  ): StaticValue {
    const key = this.evaluate(expression.argumentExpression, file);
    if (key.kind === 'invalid') return key;
    if (key.kind !== 'string' && key.kind !== 'number') {
      return this.fail(
        DiagnosticCode.UnsupportedExpression,
        `an element key must be a string or a number, found ${describeValue(key)}`,
        { node: expression.argumentExpression, file },
      );
    }
    return this.member(expression.expression, String(key.value), { node: expression, file }, at);
  }
}
