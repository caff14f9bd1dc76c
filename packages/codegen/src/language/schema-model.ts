import type { EnumType } from './enums.js';
import type { ScalarType } from './scalars.js';

/**
 * A zod-backed field type of the published language (`lib.schema` `ZodSchemaType.ts`), written
 * `fromZod(z.object({...}), { name })` or `new ZodSchemaType(schema, { name })`. The generator maps
 * the zod expression statically; it never runs it.
 */
export class ZodSchemaType {
  readonly kind = 'zod' as const;
  constructor(
    readonly schema: unknown,
    readonly options: { readonly name?: string; readonly description?: string } = {},
  ) {}
}

/** `fromZod(schema, options)`: the published way to write a {@link ZodSchemaType}. */
export function fromZod(
  schema: unknown,
  options?: { readonly name?: string; readonly description?: string },
): ZodSchemaType {
  return new ZodSchemaType(schema, options);
}

/** The type of one field: a scalar, another schema model (nested), an enum, or a zod-backed type. */
export type FieldType = ScalarType | SchemaModel | EnumType | ZodSchemaType;

/** One field of a schema model: `{ type, isOptional, isArray? }`. */
export interface FieldSpec {
  readonly type: FieldType;
  readonly isOptional: boolean;
  readonly isArray?: boolean;
}

/** The configuration of `new SchemaModel({ name, description?, fields })`. */
export interface SchemaModelConfig {
  /** Unique across all specs; becomes the type name in every generated surface. */
  readonly name: string;
  readonly description?: string | null;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** A named record type used for operation input/output, event payloads and form models. */
export class SchemaModel {
  readonly kind = 'model' as const;
  constructor(readonly config: SchemaModelConfig) {}
}

/** `defineSchemaModel(config)` is exactly `new SchemaModel(config)` (published `lib.schema` `SchemaModel.ts`). */
export function defineSchemaModel(config: SchemaModelConfig): SchemaModel {
  return new SchemaModel(config);
}
