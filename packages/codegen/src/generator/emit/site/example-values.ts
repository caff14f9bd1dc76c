import type { DataValue, Field, Ir, Model, ScalarName } from '../../ir/ir-schema.js';
import { deepFreeze } from '../deep-freeze.js';
import { enumsByName, modelsByName } from '../naming.js';
import { perIr } from '../per-ir-memo.js';

/**
 * One fixed example value per scalar, valid against the scalar's JSON Schema
 * (scalar-wire-types.ts): RFC 3339 dates and times, an RFC 5322 address, an RFC 3986 URL, BCP 47,
 * IANA time zone, ISO 4217 and ISO 3166-1 codes.
 */
export const SCALAR_EXAMPLES: Readonly<Record<ScalarName, DataValue>> = {
  String_unsecure: 'text',
  NonEmptyString: 'text',
  ID: 'id-0001',
  Int_unsecure: 1,
  Float_unsecure: 1.5,
  Boolean: true,
  JSON: { any: 'value' },
  JSONObject: { key: 'value' },
  Date: '2026-01-31',
  DateTime: '2026-01-31T12:00:00Z',
  Time: '12:00:00',
  EmailAddress: 'user@example.com',
  URL: 'https://example.com/',
  PhoneNumber: '+1 555 0100',
  Locale: 'en-US',
  TimeZone: 'Europe/Paris',
  Latitude: 48.8566,
  Longitude: 2.3522,
  Currency: 'EUR',
  CountryCode: 'FR',
};

function stringOfLength(value: string, min: number | undefined): string {
  return min !== undefined && value.length < min ? value.padEnd(min, 'x') : value;
}

/**
 * An example object for schema model `name`, built from its fields in declaration order: every
 * field, optional ones included, a scalar by {@link SCALAR_EXAMPLES} (strings padded to a `min`
 * length), an enum by its first value, a nested model recursively, an array as `max(1, min)` items
 * (none when `max` is 0). A field whose model is already being built (a cycle) is left out when
 * optional and becomes `[]` or `{}` otherwise. Deterministic: the same IR gives the same value.
 * The value is built once per IR and model (the IR is read-only once built) and returned frozen,
 * shared by every caller; an unknown `name` gives `{}`.
 */
export function exampleOfModel(ir: Ir, name: string): DataValue {
  return exampleOnce(ir, name);
}

const exampleOnce = perIr((ir: Ir, name: string): DataValue => deepFreeze(buildExample(ir, name)));

function buildExample(ir: Ir, name: string): DataValue {
  const models = modelsByName(ir);
  const enums = enumsByName(ir);
  const building = new Set<string>();

  const single = (field: Field): DataValue | undefined => {
    const { type } = field;
    if (type.type === 'scalar') {
      const value = SCALAR_EXAMPLES[type.name];
      return typeof value === 'string' && !field.array
        ? stringOfLength(value, field.constraints?.min)
        : value;
    }
    if (type.type === 'enum') return enums.get(type.name)?.values[0] ?? '';
    if (building.has(type.name)) return undefined;
    const model = models.get(type.name);
    return model ? objectOf(model) : {};
  };

  const valueOf = (field: Field): DataValue | undefined => {
    const item = single(field);
    if (!field.array) return item ?? (field.optional ? undefined : {});
    if (item === undefined) return field.optional ? undefined : [];
    const max = field.constraints?.max;
    const count = max === 0 ? 0 : Math.max(1, field.constraints?.min ?? 1);
    return Array.from({ length: count }, () => item);
  };

  function objectOf(model: Model): DataValue {
    building.add(model.name);
    const result: Record<string, DataValue> = {};
    for (const field of model.fields) {
      const value = valueOf(field);
      if (value !== undefined) result[field.name] = value;
    }
    building.delete(model.name);
    return result;
  }

  const model = models.get(name);
  return model ? objectOf(model) : {};
}
