import { ts } from 'ts-morph';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { SourceLocation } from '../ir/ir-schema.js';
import { quote, type EvaluationContext } from './evaluation-context.js';
import { DEFINE_CALLEES, isScalarName } from './language.js';
import { readEnum, readSchemaModel } from './read-schema-model.js';
import { relocate, type StaticValue } from './static-value.js';

/*
 * The contract language's calls, recognised by callee name whatever module they come from
 *. Any other call or `new` is UNSUPPORTED_EXPRESSION.
 */

/** `define*({...})`, `docId('...')`, `defineEnum(name, values)`, `ScalarTypeEnum.X()`, by callee name. */
export function evaluateCall(
  ctx: EvaluationContext,
  expression: ts.CallExpression,
  file: ts.SourceFile,
  at: SourceLocation,
): StaticValue {
  const callee = expression.expression;
  const site = { node: expression, file };
  if (
    ts.isIdentifier(callee) &&
    (DEFINE_CALLEES.has(callee.text) || callee.text === 'docId' || callee.text === 'defineEnum')
  ) {
    const name = callee.text;
    const args = expression.arguments.map((argument) => ctx.evaluate(argument, file));
    if (DEFINE_CALLEES.has(name)) {
      const spec = args[0];
      // The spec object keeps its own location: a missing field is reported at the object literal.
      if (args.length === 1 && spec && (spec.kind === 'object' || spec.kind === 'invalid'))
        return spec;
      return ctx.fail(DiagnosticCode.InvalidSpecShape, `\`${name}\` takes one object`, site);
    }
    if (name === 'docId') {
      const id = args[0];
      if (args.length === 1 && id && (id.kind === 'string' || id.kind === 'invalid'))
        return relocate(id, at);
      return ctx.fail(DiagnosticCode.InvalidSpecShape, '`docId` takes one string', site);
    }
    {
      const enumDef = readEnum(ctx.sink, args[0], args[1], at);
      if (!enumDef) return { kind: 'invalid', at };
      ctx.registry.addEnum(enumDef);
      return { kind: 'enum', name: enumDef.name, at };
    }
  }
  if (
    ts.isPropertyAccessExpression(callee) &&
    ts.isIdentifier(callee.expression) &&
    callee.expression.text === 'ScalarTypeEnum'
  ) {
    const name = callee.name.text;
    if (!isScalarName(name)) {
      return ctx.fail(
        DiagnosticCode.UnknownScalar,
        `\`ScalarTypeEnum.${name}()\`: \`${name}\` is not one of the twenty scalars`,
        site,
      );
    }
    if (expression.arguments.length > 0)
      return ctx.fail(
        DiagnosticCode.InvalidSpecShape,
        `\`ScalarTypeEnum.${name}()\` takes no arguments`,
        site,
      );
    return { kind: 'scalar', name, at };
  }
  return ctx.fail(
    DiagnosticCode.UnsupportedExpression,
    `the call \`${quote(callee, file)}(...)\` cannot be evaluated statically`,
    site,
  );
}

/** `new SchemaModel({...})`: the model goes to the registry, the value names it. */
export function evaluateNew(
  ctx: EvaluationContext,
  expression: ts.NewExpression,
  file: ts.SourceFile,
  at: SourceLocation,
): StaticValue {
  const site = { node: expression, file };
  if (!ts.isIdentifier(expression.expression) || expression.expression.text !== 'SchemaModel') {
    return ctx.fail(
      DiagnosticCode.UnsupportedExpression,
      `\`new ${quote(expression.expression, file)}(...)\` cannot be evaluated statically`,
      site,
    );
  }
  const args = (expression.arguments ?? []).map((argument) => ctx.evaluate(argument, file));
  const config = args[0];
  if (args.length !== 1 || !config)
    return ctx.fail(DiagnosticCode.InvalidSpecShape, '`new SchemaModel` takes one object', site);
  const model = readSchemaModel(ctx.sink, config, at);
  if (!model) return { kind: 'invalid', at };
  ctx.registry.addModel(model);
  return { kind: 'model', name: model.name, at };
}
