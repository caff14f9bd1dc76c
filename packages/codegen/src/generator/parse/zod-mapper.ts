import { ts } from './typescript.js';
import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { Field, ScalarName, TypeRef } from '../ir/ir-schema.js';
import type { EvaluationContext } from './evaluation-context.js';
import { quote } from './evaluation-context.js';

/*
 * Static mapping of zod schemas written in spec files (published `lib.schema` `ZodSchemaType.ts`:
 * `fromZod(schema, { name })`, `new ZodSchemaType(schema, { name })`), never executed. The mapped
 * subset: z.object, z.string, z.number, z.int, z.boolean, z.array, z.enum, z.literal (a string),
 * z.email/url/uuid, z.iso.datetime, and the methods .optional, .nullable, .email, .url, .uuid,
 * .datetime, .int, .min, .max. Anything else is one UNSUPPORTED_ZOD at the expression.
 */

/** A mapped zod schema: a field type with its optionality, array-ness and bounds. */
export interface ZodMapped {
  readonly type: TypeRef;
  readonly optional: boolean;
  readonly array: boolean;
  readonly constraints?: { readonly min?: number; readonly max?: number };
}

const BASE_SCALARS: Readonly<Record<string, ScalarName>> = {
  string: 'String_unsecure',
  number: 'Float_unsecure',
  int: 'Int_unsecure',
  boolean: 'Boolean',
  email: 'EmailAddress',
  url: 'URL',
  uuid: 'ID',
  datetime: 'DateTime',
};

const REFINING_METHODS: Readonly<Record<string, ScalarName>> = {
  email: 'EmailAddress',
  url: 'URL',
  uuid: 'ID',
  datetime: 'DateTime',
  int: 'Int_unsecure',
};

function pascal(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

class Unsupported extends Error {
  constructor(readonly node: ts.Node) {
    super('unsupported zod');
  }
}

/**
 * Maps `expression` (a zod schema) to a field type; an object or enum is registered as a model or
 * enum named `name` (nested objects and enums get `name` + the PascalCase field name). Undefined
 * after one UNSUPPORTED_ZOD diagnostic.
 */
export function mapZod(
  ctx: EvaluationContext,
  expression: ts.Expression,
  file: ts.SourceFile,
  name: string | undefined,
): ZodMapped | undefined {
  try {
    return mapSchema(ctx, expression, file, name);
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error;
    ctx.fail(
      DiagnosticCode.UnsupportedZod,
      `\`${quote(error.node, file)}\` is outside the zod subset read statically (object, string, number, int, boolean, array, enum, literal, optional, nullable, email, url, uuid, datetime, min, max)`,
      { node: error.node, file },
    );
    return undefined;
  }
}

function literalNumber(
  ctx: EvaluationContext,
  call: ts.CallExpression,
  file: ts.SourceFile,
): number {
  const argument = call.arguments[0];
  const value = argument && ctx.evaluate(argument, file);
  if (value?.kind !== 'number') throw new Unsupported(call);
  return value.value;
}

function mapSchema(
  ctx: EvaluationContext,
  expression: ts.Expression,
  file: ts.SourceFile,
  name: string | undefined,
): ZodMapped {
  if (!ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression))
    throw new Unsupported(expression);
  const callee = expression.expression;
  const method = callee.name.text;
  const receiver = callee.expression;
  const isZ = ts.isIdentifier(receiver) && receiver.text === 'z';
  const isIso =
    ts.isPropertyAccessExpression(receiver) &&
    receiver.name.text === 'iso' &&
    ts.isIdentifier(receiver.expression) &&
    receiver.expression.text === 'z';
  if (isZ || isIso) return mapBase(ctx, expression, method, file, name, isIso);
  const inner = mapSchema(ctx, receiver, file, name);
  switch (method) {
    case 'optional':
    case 'nullable':
      return { ...inner, optional: true };
    case 'min':
    case 'max': {
      const bound = literalNumber(ctx, expression, file);
      const constraints = { ...inner.constraints, [method]: bound };
      const nonEmpty =
        inner.type.type === 'scalar' &&
        inner.type.name === 'String_unsecure' &&
        constraints.min === 1 &&
        constraints.max === undefined;
      return nonEmpty
        ? { ...inner, type: { type: 'scalar', name: 'NonEmptyString' }, constraints }
        : { ...inner, constraints };
    }
    default: {
      const refined = REFINING_METHODS[method];
      if (!refined || inner.type.type !== 'scalar' || expression.arguments.length > 0)
        throw new Unsupported(expression);
      return { ...inner, type: { type: 'scalar', name: refined } };
    }
  }
}

function mapBase(
  ctx: EvaluationContext,
  call: ts.CallExpression,
  method: string,
  file: ts.SourceFile,
  name: string | undefined,
  isIso: boolean,
): ZodMapped {
  const at = ctx.graph.locate(call, file);
  if (isIso && method !== 'datetime') throw new Unsupported(call);
  const scalar = BASE_SCALARS[method];
  if (scalar && (method !== 'datetime' || isIso)) {
    if (call.arguments.length > 0) throw new Unsupported(call);
    return { type: { type: 'scalar', name: scalar }, optional: false, array: false };
  }
  const argument = call.arguments[0];
  if (method === 'array' && argument && call.arguments.length === 1) {
    const item = mapSchema(ctx, argument, file, name);
    if (item.array) throw new Unsupported(call);
    return { ...item, array: true };
  }
  if ((method === 'enum' || method === 'literal') && argument && name !== undefined) {
    const value = ctx.evaluate(argument, file);
    const values =
      method === 'literal' && value.kind === 'string'
        ? [value.value]
        : value.kind === 'array' && value.items.every((item) => item.kind === 'string')
          ? value.items.map((item) => (item.kind === 'string' ? item.value : ''))
          : undefined;
    if (!values) throw new Unsupported(call);
    ctx.registry.addEnum({ kind: 'enum', name, values, source: at });
    return { type: { type: 'enum', name }, optional: false, array: false };
  }
  if (
    method === 'object' &&
    argument &&
    ts.isObjectLiteralExpression(argument) &&
    name !== undefined
  ) {
    const fields: Field[] = [];
    for (const property of argument.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name))
        throw new Unsupported(property);
      const fieldName = property.name.text;
      const mapped = mapSchema(ctx, property.initializer, file, `${name}${pascal(fieldName)}`);
      fields.push({
        name: fieldName,
        type: mapped.type,
        optional: mapped.optional,
        array: mapped.array,
        ...(mapped.constraints ? { constraints: mapped.constraints } : {}),
      });
    }
    ctx.registry.addModel({ kind: 'model', name, fields, source: at });
    return { type: { type: 'model', name }, optional: false, array: false };
  }
  throw new Unsupported(call);
}
