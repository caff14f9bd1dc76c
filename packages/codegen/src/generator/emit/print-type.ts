import type { Field } from '../ir/ir-schema.js';
import { tsQuote } from './code-layout.js';
import { SCALAR_WIRE_TYPES, type WireFormatCheck } from './scalar-wire-types.js';

/** The const a schemas.ts declares for a model or enum: `HarnessRun` -> `HarnessRunSchema`. */
export function schemaConstName(name: string): string {
  return `${name}Schema`;
}

/**
 * The TypeScript type text of a field, without its optional marker: scalars from the scalar table,
 * nested models and enums by name, arrays as `T[]` (`Record<string, unknown>[]` stays valid).
 */
export function printTsType(field: Field): string {
  const base =
    field.type.type === 'scalar' ? SCALAR_WIRE_TYPES[field.type.name].ts : field.type.name;
  return field.array ? `${base}[]` : base;
}

/**
 * The const a schemas.ts declares once for the scalars that call a wire-format check, e.g.
 * `isDateTime` -> `dateTimeString` (see {@link printWireSchemaConst}).
 */
export function wireSchemaConstName(check: WireFormatCheck): string {
  return `${check[2]!.toLowerCase()}${check.slice(3)}String`;
}

/**
 * The declaration of {@link wireSchemaConstName}'s const for the scalar whose zod expression
 * calls `check`, in prettier's layout: `const dateTimeString = z.string().refine(isDateTime, {`,
 * the error message, `});`.
 * @throws Error when no scalar of the table calls `check` (a bug in the table).
 */
export function printWireSchemaConst(check: WireFormatCheck): string {
  const scalar = Object.values(SCALAR_WIRE_TYPES).find((entry) => entry.wireFormats[0] === check);
  const message = scalar ? /, \{ error: (".*") \}\)$/.exec(scalar.zod)?.[1] : undefined;
  if (!message) throw new Error(`no scalar of the wire type table calls ${check}`);
  return [
    `const ${wireSchemaConstName(check)} = z.string().refine(${check}, {`,
    `  error: ${tsQuote(JSON.parse(message) as string)},`,
    '});',
  ].join('\n');
}

/**
 * The zod 4 expression of a field: scalars from the scalar table (those calling a wire-format
 * check by their const, {@link wireSchemaConstName}), nested models and enums by their
 * schema const, wrapped in `z.lazy(() => …)` when `lazy(name)` says the const is declared later
 * (a cycle), then `z.array(…)` and `.optional()`.
 */
export function printZodType(field: Field, lazy: (modelName: string) => boolean): string {
  let text: string;
  if (field.type.type === 'scalar') {
    const scalar = SCALAR_WIRE_TYPES[field.type.name];
    const check = scalar.wireFormats[0];
    text = check ? wireSchemaConstName(check) : scalar.zod;
  } else {
    const constName = schemaConstName(field.type.name);
    text =
      field.type.type === 'model' && lazy(field.type.name)
        ? `z.lazy(() => ${constName})`
        : constName;
  }
  if (field.array) text = `z.array(${text})`;
  return field.optional ? `${text}.optional()` : text;
}

/** A property name as written in an interface or object literal: bare when an identifier, else quoted. */
export function printPropertyKey(name: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(name) ? name : tsQuote(name);
}

/** A string-literal union of enum values, e.g. `'low' | 'high'`; `never` when there is none. */
export function printLiteralUnion(values: readonly string[]): string {
  return values.length === 0 ? 'never' : values.map(tsQuote).join(' | ');
}

/**
 * A JSDoc block for a description (`''` when there is none). A comment terminator in the text is
 * escaped so the comment cannot end early; multi-line text becomes one ` * ` line per line.
 */
export function printDocComment(description: string | undefined): string {
  if (!description || description.trim() === '') return '';
  const lines = description.replaceAll('*/', '*\\/').trim().split(/\r?\n/);
  if (lines.length === 1) return `/** ${lines[0]} */`;
  return [
    '/**',
    ...lines.map((line) => (line.trim() === '' ? ' *' : ` * ${line.trimEnd()}`)),
    ' */',
  ].join('\n');
}
