import type { ScalarName, SourceLocation } from '../ir/ir-schema.js';
import type { ZodMapped } from './zod-mapper.js';
import type { ts } from './typescript.js';

/**
 * The result of statically evaluating one expression. `at` is where the expression producing the
 * value was written (for an identifier or `X.meta`, the reference, not the declaration), so a
 * reference's IR `source` and a shape diagnostic point at the spec's own text. Nested values keep
 * their own locations. `invalid` means a diagnostic was already reported; consumers skip it quietly.
 */
export type StaticValue =
  | { readonly kind: 'string'; readonly value: string; readonly at: SourceLocation }
  | { readonly kind: 'number'; readonly value: number; readonly at: SourceLocation }
  | { readonly kind: 'boolean'; readonly value: boolean; readonly at: SourceLocation }
  | { readonly kind: 'null'; readonly at: SourceLocation }
  | { readonly kind: 'array'; readonly items: readonly StaticValue[]; readonly at: SourceLocation }
  | ObjectValue
  /** `ScalarTypeEnum.<name>()`. */
  | { readonly kind: 'scalar'; readonly name: ScalarName; readonly at: SourceLocation }
  /** `new SchemaModel({ name, ... })`; the model itself is in the model registry. */
  | { readonly kind: 'model'; readonly name: string; readonly at: SourceLocation }
  /** `defineEnum(name, values)`; the enum itself is in the model registry. */
  | { readonly kind: 'enum'; readonly name: string; readonly at: SourceLocation }
  /** `import * as ns from './x.js'`: member access resolves the module's exports. */
  | { readonly kind: 'namespace'; readonly file: ts.SourceFile; readonly at: SourceLocation }
  /** A zod-backed scalar or array type (`fromZod(z.string().email())`), mapped statically. */
  | { readonly kind: 'zodType'; readonly mapped: ZodMapped; readonly at: SourceLocation }
  /** An arrow function or function expression (a callback such as `telemetry.success.properties`): never evaluated. */
  | { readonly kind: 'function'; readonly at: SourceLocation }
  | { readonly kind: 'invalid'; readonly at: SourceLocation };

/** An object literal's value; `entries` keep JavaScript's key order (a later duplicate key overrides in place). */
export interface ObjectValue {
  readonly kind: 'object';
  readonly entries: ReadonlyMap<string, StaticValue>;
  readonly at: SourceLocation;
  /** Set on a language enum table (`TagsEnum`), naming where its members come from in messages. */
  readonly enumTable?: string;
}

/** The same value, located at another place (the reference that produced it). */
export function relocate(value: StaticValue, at: SourceLocation): StaticValue {
  return value.at === at ? value : { ...value, at };
}

/** How a value's kind reads in a diagnostic: `a string`, `an object`, `a schema model`. */
export function describeValue(value: StaticValue): string {
  switch (value.kind) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'null':
      return 'null';
    case 'array':
      return 'an array';
    case 'object':
      return 'an object';
    case 'scalar':
      return `the scalar ${value.name}`;
    case 'model':
      return `the schema model ${value.name}`;
    case 'enum':
      return `the enum ${value.name}`;
    case 'namespace':
      return 'a module namespace';
    case 'function':
      return 'a function (not evaluated)';
    case 'zodType':
      return 'a zod-backed type';
    case 'invalid':
      return 'an invalid value';
    default: {
      const unreachable: never = value;
      return unreachable;
    }
  }
}
