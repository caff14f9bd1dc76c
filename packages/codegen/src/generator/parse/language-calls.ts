import { ts } from './typescript.js';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { SourceLocation } from '../ir/ir-schema.js';
import { quote, type EvaluationContext } from './evaluation-context.js';
import { DEFINE_CALLEES, DOC_ID_CALLEES, isScalarName } from './language.js';
import { mapZod } from './zod-mapper.js';
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
  if (ts.isIdentifier(callee) && callee.text === 'defineSchemaModel') {
    return schemaModel(ctx, expression.arguments, site, at, 'defineSchemaModel');
  }
  if (ts.isIdentifier(callee) && callee.text === 'fromZod') {
    return zodType(ctx, expression.arguments, file, site, at, 'fromZod');
  }
  if (
    ts.isIdentifier(callee) &&
    (DEFINE_CALLEES.has(callee.text) ||
      DOC_ID_CALLEES.has(callee.text) ||
      callee.text === 'defineEnum')
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
    if (DOC_ID_CALLEES.has(name)) {
      const id = args[0];
      if (args.length === 1 && id && (id.kind === 'string' || id.kind === 'invalid'))
        return relocate(id, at);
      return ctx.fail(DiagnosticCode.InvalidSpecShape, `\`${name}\` takes one string`, site);
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

/**
 * `new SchemaModel({...})`, and `defineSchemaModel({...})`, which is exactly the same in the
 * published language (`lib.schema` `SchemaModel.ts`): the model goes to the registry, the value
 * names it.
 */
function schemaModel(
  ctx: EvaluationContext,
  argumentNodes: readonly ts.Expression[],
  site: { node: ts.Node; file: ts.SourceFile },
  at: SourceLocation,
  shown: string,
): StaticValue {
  const args = argumentNodes.map((argument) => ctx.evaluate(argument, site.file));
  const config = args[0];
  if (args.length !== 1 || !config)
    return ctx.fail(DiagnosticCode.InvalidSpecShape, `\`${shown}\` takes one object`, site);
  const model = readSchemaModel(ctx.sink, config, at);
  if (!model) return { kind: 'invalid', at };
  ctx.registry.addModel(model);
  return { kind: 'model', name: model.name, at };
}

/**
 * `fromZod(schema, { name? })` / `new ZodSchemaType(schema, { name? })` (published
 * `ZodSchemaType.ts`): the zod schema mapped statically (zod-mapper.ts). An object or enum becomes a
 * model or enum named `name`; a scalar or array type is a `zodType` value for a field's `type`.
 */
function zodType(
  ctx: EvaluationContext,
  argumentNodes: readonly ts.Expression[],
  file: ts.SourceFile,
  site: { node: ts.Node; file: ts.SourceFile },
  at: SourceLocation,
  shown: string,
): StaticValue {
  const [schema, optionsNode] = argumentNodes;
  if (!schema || argumentNodes.length > 2)
    return ctx.fail(
      DiagnosticCode.InvalidSpecShape,
      `\`${shown}\` takes a zod schema and options`,
      site,
    );
  const options = optionsNode && ctx.evaluate(optionsNode, file);
  const nameValue = options?.kind === 'object' ? options.entries.get('name') : undefined;
  const name = nameValue?.kind === 'string' ? nameValue.value : undefined;
  const mapped = mapZod(ctx, schema, file, name);
  if (!mapped) return { kind: 'invalid', at };
  if (!mapped.array && !mapped.optional && mapped.type.type !== 'scalar')
    return { kind: mapped.type.type, name: mapped.type.name, at };
  return { kind: 'zodType', mapped, at };
}

/** `new SchemaModel({...})` or `new ZodSchemaType(schema, options)`; any other `new` is unsupported. */
export function evaluateNew(
  ctx: EvaluationContext,
  expression: ts.NewExpression,
  file: ts.SourceFile,
  at: SourceLocation,
): StaticValue {
  const site = { node: expression, file };
  const callee = ts.isIdentifier(expression.expression) ? expression.expression.text : undefined;
  if (callee === 'SchemaModel')
    return schemaModel(ctx, expression.arguments ?? [], site, at, 'new SchemaModel');
  if (callee === 'ZodSchemaType')
    return zodType(ctx, expression.arguments ?? [], file, site, at, 'new ZodSchemaType');
  return ctx.fail(
    DiagnosticCode.UnsupportedExpression,
    `\`new ${quote(expression.expression, file)}(...)\` cannot be evaluated statically`,
    site,
  );
}
