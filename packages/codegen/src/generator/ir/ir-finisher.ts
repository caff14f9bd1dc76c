import { validateIr } from '../validate/validate-ir.js';
import { DiagnosticCode } from './diagnostic-codes.js';
import {
  DiagnosticSchema,
  EnumSchema,
  FailedSpecSchema,
  ModelSchema,
  SpecSchema,
  type Ir,
} from './ir-schema.js';
import { sortIr } from './sort-ir.js';

/** Every spec, model and enum object some IrFinisher returned: zod's output, keys in schema order. */
const CHECKED = new WeakSet<object>();

/**
 * True when `part` (a spec, model or enum) came out of an {@link IrFinisher}: parsing it with its
 * schema again would give an equal object with the same key order.
 */
export function isCheckedPart(part: object): boolean {
  return CHECKED.has(part);
}

function checkedWith<T extends object>(parse: (value: unknown) => T, memo: WeakMap<object, T>) {
  return (value: object): T => {
    if (CHECKED.has(value)) return value as T;
    let checked = memo.get(value);
    if (checked === undefined) {
      checked = parse(value);
      memo.set(value, checked);
      CHECKED.add(checked);
    }
    return checked;
  };
}

/**
 * `finishIr` (validate, sort, check against `IrSchema`) for a sequence of IRs that share most of
 * their specs, models and enums as the same objects (a watch session): each such part is checked
 * once, and stays the same checked object in every IR finished after, so emitters can memoize by
 * identity. The result equals `IrSchema.parse(sortIr(...))` part for part (zod prints each
 * object's keys in schema order, which is why the checked objects are the ones emitted).
 * @throws ZodError when the parser produced a part that violates its schema (a bug).
 */
export class IrFinisher {
  private readonly spec = checkedWith((v) => SpecSchema.parse(v), new WeakMap());
  private readonly model = checkedWith((v) => ModelSchema.parse(v), new WeakMap());
  private readonly enumDef = checkedWith((v) => EnumSchema.parse(v), new WeakMap());

  /**
   * The finished IR. While a file has a syntax error, the validator (validate-ir.ts: the checks
   * across specs, such as references and duplicates, and the per-spec ones, such as required meta
   * fields) waits, as `tsc` reports no semantic diagnostic while there are syntactic ones; so do
   * the other diagnostics of that file. A file that does not parse yields no spec and no value, and
   * every reference to them would be one more UNRESOLVED_REFERENCE or UNSUPPORTED_EXPRESSION. The
   * other files' parser diagnostics stay.
   */
  finish(parsed: Ir): Ir {
    const broken = new Set(
      parsed.diagnostics
        .filter((diagnostic) => diagnostic.code === DiagnosticCode.SyntaxError)
        .map((diagnostic) => diagnostic.file),
    );
    const diagnostics =
      broken.size > 0
        ? parsed.diagnostics.filter(
            (diagnostic) =>
              diagnostic.code === DiagnosticCode.SyntaxError || !broken.has(diagnostic.file),
          )
        : [...parsed.diagnostics, ...validateIr(parsed)];
    const sorted = sortIr({ ...parsed, diagnostics });
    return {
      specs: sorted.specs.map(this.spec),
      models: sorted.models.map(this.model),
      enums: sorted.enums.map(this.enumDef),
      diagnostics: sorted.diagnostics.map((d) => DiagnosticSchema.parse(d)),
      ...(sorted.failedSpecs === undefined
        ? {}
        : { failedSpecs: sorted.failedSpecs.map((f) => FailedSpecSchema.parse(f)) }),
    };
  }
}
