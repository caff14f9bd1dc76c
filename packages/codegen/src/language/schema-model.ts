import type { EnumType } from './enums.js';
import type { ScalarType } from './scalars.js';

/** The type of one field: a scalar, another schema model (nested), or an enum. */
export type FieldType = ScalarType | SchemaModel | EnumType;

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
  readonly description?: string;
  readonly fields: Readonly<Record<string, FieldSpec>>;
}

/** A named record type used for operation input/output, event payloads and form models. */
export class SchemaModel {
  readonly kind = 'model' as const;
  constructor(readonly config: SchemaModelConfig) {}
}
