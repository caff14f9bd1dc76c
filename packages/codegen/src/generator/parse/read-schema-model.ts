import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { EnumDef, Field, Model, SourceLocation, TypeRef } from '../ir/ir-schema.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { readItems, readString, ShapeReader } from './shape-reader.js';
import { describeValue, type StaticValue } from './static-value.js';

interface FieldType {
  readonly type: TypeRef;
  readonly array?: boolean;
  readonly constraints?: Field['constraints'];
}

function readFieldType(sink: DiagnosticSink, reader: ShapeReader): FieldType | undefined {
  const value = reader.field('type');
  if (value === undefined) {
    reader.missing('type');
    return undefined;
  }
  if (value.kind === 'scalar' || value.kind === 'model' || value.kind === 'enum') {
    return { type: { type: value.kind, name: value.name } as TypeRef };
  }
  if (value.kind === 'zodType') {
    const { type, array, constraints } = value.mapped;
    return { type, array, ...(constraints ? { constraints } : {}) };
  }
  sink.error(
    DiagnosticCode.InvalidSpecShape,
    `\`${reader.pathOf('type')}\` must be a scalar, a schema model or an enum, found ${describeValue(value)}`,
    value.at,
  );
  return undefined;
}

function readField(
  sink: DiagnosticSink,
  name: string,
  value: StaticValue,
  path: string,
): Field | undefined {
  const reader = ShapeReader.open(sink, value, path);
  if (!reader) return undefined;
  const fieldType = readFieldType(sink, reader);
  const optional = reader.boolean('isOptional', true);
  const array = (reader.boolean('isArray') ?? false) || fieldType?.array === true;
  reader.rejectUnknown();
  if (fieldType === undefined || optional === undefined) return undefined;
  return {
    name,
    type: fieldType.type,
    optional,
    array,
    ...(fieldType.constraints ? { constraints: fieldType.constraints } : {}),
  };
}

/**
 * The IR model of `new SchemaModel(config)` written at `at` (specs/language/schema-model.ts):
 * `{ name, description?, fields: { [name]: { type, isOptional, isArray? } } }` ->
 * `{ kind: 'model', name, description?, fields: [{ name, type, optional, array }], source }`, fields
 * in declaration order. A field that cannot be read is left out after its diagnostic; without a
 * name the model cannot be built and undefined is returned.
 */
export function readSchemaModel(
  sink: DiagnosticSink,
  config: StaticValue,
  at: SourceLocation,
): Model | undefined {
  const reader = ShapeReader.open(sink, config, 'SchemaModel');
  if (!reader) return undefined;
  const name = reader.string('name', true);
  // Published `SchemaModelConfig.description` is `string | null`; null is no description.
  const description =
    reader.field('description')?.kind === 'null' ? undefined : reader.string('description');
  const fieldsReader = reader.object('fields', true);
  reader.rejectUnknown();
  if (name === undefined) return undefined;
  const fields: Field[] = [];
  for (const [fieldName, value] of fieldsReader?.value.entries ?? []) {
    const field = readField(sink, fieldName, value, `${name}.fields.${fieldName}`);
    if (field) fields.push(field);
  }
  return {
    kind: 'model',
    name,
    ...(description === undefined ? {} : { description }),
    fields,
    source: at,
  };
}

/** The IR enum of `defineEnum(name, values)` written at `at` (specs/language/enums.ts). */
export function readEnum(
  sink: DiagnosticSink,
  name: StaticValue | undefined,
  values: StaticValue | undefined,
  at: SourceLocation,
): EnumDef | undefined {
  if (name === undefined || values === undefined) {
    sink.error(
      DiagnosticCode.InvalidSpecShape,
      '`defineEnum` takes a name and an array of values',
      at,
    );
    return undefined;
  }
  const enumName = readString(sink, name, 'defineEnum name');
  let items: string[] | undefined;
  if (values.kind === 'array') {
    items = readItems(values.items, 'defineEnum values', (item, path) =>
      readString(sink, item, path),
    );
  } else if (values.kind !== 'invalid') {
    sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`defineEnum values\` must be an array, found ${describeValue(values)}`,
      values.at,
    );
  }
  if (enumName === undefined || items === undefined) return undefined;
  return { kind: 'enum', name: enumName, values: items, source: at };
}
