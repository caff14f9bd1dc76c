import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { DataFields, SourceLocation, SpecRef } from '../ir/ir-schema.js';
import { toDataValue } from './data-value.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import { describeValue, type ObjectValue, type StaticValue } from './static-value.js';

/**
 * Reads an evaluated object against the shape the contract language declares
 * (specs/language/specs.ts). A value of the wrong type, a missing required field or an unknown
 * field becomes INVALID_SPEC_SHAPE at the offending value (or at the object, for a missing field),
 * naming the field path (`io.output`, `meta.tags[2]`). Values already reported (`invalid`) are
 * treated as absent without a second diagnostic.
 */
export class ShapeReader {
  private readonly seen = new Set<string>();

  private constructor(
    readonly sink: DiagnosticSink,
    readonly value: ObjectValue,
    readonly path: string,
  ) {}

  /** A reader over `value` when it is an object; `undefined` (after a diagnostic) otherwise. */
  static open(
    sink: DiagnosticSink,
    value: StaticValue | undefined,
    path: string,
  ): ShapeReader | undefined {
    if (value === undefined || value.kind === 'invalid') return undefined;
    if (value.kind !== 'object') {
      sink.error(
        DiagnosticCode.InvalidSpecShape,
        `\`${path}\` must be an object, found ${describeValue(value)}`,
        value.at,
      );
      return undefined;
    }
    return new ShapeReader(sink, value, path);
  }

  /** Where the object was written. */
  get at(): SourceLocation {
    return this.value.at;
  }

  /** `path.key`. */
  pathOf(key: string): string {
    return this.path === '' ? key : `${this.path}.${key}`;
  }

  /** Whether the object has `key` at all (even an invalid value). */
  has(key: string): boolean {
    return this.value.entries.has(key);
  }

  /** The raw value of `key`, marked as read; undefined when missing or already reported. */
  field(key: string): StaticValue | undefined {
    this.seen.add(key);
    const value = this.value.entries.get(key);
    return value === undefined || value.kind === 'invalid' ? undefined : value;
  }

  /** Reports a required field that is absent (not one that is present but invalid). */
  missing(key: string): void {
    if (!this.has(key)) {
      this.sink.error(
        DiagnosticCode.InvalidSpecShape,
        `\`${this.pathOf(key)}\` is missing`,
        this.at,
      );
    }
  }

  string(key: string, required = false): string | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    return readString(this.sink, value, this.pathOf(key));
  }

  /** A string that must be one of `allowed` (a union type of the language). */
  oneOf<T extends string>(key: string, allowed: readonly T[], required = false): T | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    return readOneOf(this.sink, value, this.pathOf(key), allowed);
  }

  boolean(key: string, required = false): boolean | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    if (value.kind === 'boolean') return value.value;
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be a boolean, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  integer(key: string, required = false): number | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    if (value.kind === 'number' && Number.isInteger(value.value)) return value.value;
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be an integer, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  /** The items of an array field; consumers skip `invalid` items (already reported). */
  list(key: string, required = false): StaticValue[] | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    if (value.kind === 'array') return [...value.items];
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be an array, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  /** An array of strings; items of another type are reported and left out. */
  stringList(key: string): string[] | undefined {
    const items = this.list(key);
    if (items === undefined) return undefined;
    return readItems(items, this.pathOf(key), (item, path) => readString(this.sink, item, path));
  }

  /** A nested object field. */
  object(key: string, required = false): ShapeReader | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    return ShapeReader.open(this.sink, value, this.pathOf(key));
  }

  /** A reference to a spec (`{ key, version }` or `X.meta`), located where it is written. */
  specRef(key: string, required = false): SpecRef | undefined {
    const value = this.field(key);
    if (value === undefined) {
      if (required) this.missing(key);
      return undefined;
    }
    return readSpecRef(this.sink, value, this.pathOf(key));
  }

  /** A schema model field: its name, `null` when `allowNull` and the value is null. */
  model(key: string, allowNull = false): string | null | undefined {
    const value = this.field(key);
    if (value === undefined) {
      this.missing(key);
      return undefined;
    }
    if (value.kind === 'model') return value.name;
    if (allowNull && value.kind === 'null') return null;
    const expected = allowNull ? 'a schema model or null' : 'a schema model';
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be ${expected}, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  /**
   * The fields `keys` (published fields no surface reads structurally) as IR data, keyed by
   * `prefix + key`, marked as read; undefined when none is present.
   */
  data(keys: readonly string[], prefix = ''): DataFields | undefined {
    let result: DataFields | undefined;
    for (const key of keys) {
      const value = this.field(key);
      if (value === undefined) continue;
      const data = toDataValue(this.sink, value, this.pathOf(key));
      if (data === undefined) continue;
      result ??= {};
      result[`${prefix}${key}`] = data;
    }
    return result;
  }

  /** An optional number field. */
  number(key: string): number | undefined {
    const value = this.field(key);
    if (value === undefined) return undefined;
    if (value.kind === 'number') return value.value;
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be a number, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  /** An optional schema model field: its name; a wrong value is reported. */
  optionalModel(key: string): string | undefined {
    const value = this.field(key);
    if (value === undefined) return undefined;
    if (value.kind === 'model') return value.name;
    this.sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${this.pathOf(key)}\` must be a schema model, found ${describeValue(value)}`,
      value.at,
    );
    return undefined;
  }

  /** Reports every field no accessor read: the language has no such field here. */
  rejectUnknown(): void {
    for (const [key, value] of this.value.entries) {
      if (!this.seen.has(key)) {
        this.sink.error(
          DiagnosticCode.InvalidSpecShape,
          `\`${this.pathOf(key)}\` is not a field of the contract language`,
          value.at,
        );
      }
    }
  }
}

/** The string a value holds, or undefined after reporting its wrong type. */
export function readString(
  sink: DiagnosticSink,
  value: StaticValue,
  path: string,
): string | undefined {
  if (value.kind === 'string') return value.value;
  if (value.kind !== 'invalid') {
    sink.error(
      DiagnosticCode.InvalidSpecShape,
      `\`${path}\` must be a string, found ${describeValue(value)}`,
      value.at,
    );
  }
  return undefined;
}

/** The string a value holds when it is one of `allowed`, or undefined after a diagnostic. */
export function readOneOf<T extends string>(
  sink: DiagnosticSink,
  value: StaticValue,
  path: string,
  allowed: readonly T[],
): T | undefined {
  const text = readString(sink, value, path);
  if (text === undefined) return undefined;
  if ((allowed as readonly string[]).includes(text)) return text as T;
  const list = allowed.map((item) => `'${item}'`).join(', ');
  sink.error(
    DiagnosticCode.InvalidSpecShape,
    `\`${path}\` must be one of ${list}, found '${text}'`,
    value.at,
  );
  return undefined;
}

/**
 * A spec reference: an object with string `key` and `version` (other fields, as in `X.meta`, are
 * allowed). A reference without `key` may name the spec as `name` (the published form action
 * `op: { name, version }`, contracts-spec `forms/forms.ts`). `source` is where it is written.
 */
export function readSpecRef(
  sink: DiagnosticSink,
  value: StaticValue,
  path: string,
): SpecRef | undefined {
  const reader = ShapeReader.open(sink, value, path);
  if (!reader) return undefined;
  const key =
    !reader.has('key') && reader.has('name') ? reader.string('name') : reader.string('key', true);
  const version = reader.string('version', true);
  if (key === undefined || version === undefined) return undefined;
  return { key, version, source: value.at };
}

/** Reads every item of a list with `read`, keeping those that could be read, with their index path. */
export function readItems<T>(
  items: readonly StaticValue[] | undefined,
  path: string,
  read: (item: StaticValue, itemPath: string) => T | undefined,
): T[] {
  const result: T[] = [];
  (items ?? []).forEach((item, index) => {
    const value = read(item, `${path}[${index}]`);
    if (value !== undefined) result.push(value);
  });
  return result;
}
