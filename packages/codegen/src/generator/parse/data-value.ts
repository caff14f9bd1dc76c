import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { DataValue } from '../ir/ir-schema.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { describeValue, type StaticValue } from './static-value.js';

/** How a function is kept in the IR: it is recorded, never evaluated, and raises no error. */
export const FUNCTION_NOT_EVALUATED: DataValue = { $function: 'not evaluated' };

/**
 * A statically evaluated value as IR data (`DataValue`): JSON as written; a schema model is
 * `{ $model }`, a scalar `{ $scalar }`, an enum `{ $enum }`, a function
 * {@link FUNCTION_NOT_EVALUATED}. Values already reported (`invalid`) are undefined (left out
 * quietly); a module namespace is INVALID_SPEC_SHAPE at `path`.
 */
export function toDataValue(
  sink: DiagnosticSink,
  value: StaticValue,
  path: string,
): DataValue | undefined {
  switch (value.kind) {
    case 'string':
    case 'number':
    case 'boolean':
      return value.value;
    case 'null':
      return null;
    case 'array': {
      const items: DataValue[] = [];
      value.items.forEach((item, index) => {
        const data = toDataValue(sink, item, `${path}[${index}]`);
        if (data !== undefined) items.push(data);
      });
      return items;
    }
    case 'object': {
      const entries: { [key: string]: DataValue } = {};
      for (const [key, item] of value.entries) {
        const data = toDataValue(sink, item, `${path}.${key}`);
        if (data !== undefined) entries[key] = data;
      }
      return entries;
    }
    case 'scalar':
      return { $scalar: value.name };
    case 'model':
      return { $model: value.name };
    case 'enum':
      return { $enum: value.name };
    case 'function':
      return FUNCTION_NOT_EVALUATED;
    case 'zodType':
      return { [`$${value.mapped.type.type}`]: value.mapped.type.name };
    case 'namespace':
      sink.error(
        DiagnosticCode.InvalidSpecShape,
        `\`${path}\` cannot hold ${describeValue(value)}`,
        value.at,
      );
      return undefined;
    case 'invalid':
      return undefined;
    default: {
      const unreachable: never = value;
      return unreachable;
    }
  }
}
