import type { Field, Ir, Model } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { SCALAR_SAMPLES } from './scalar-samples.js';

/** One JSON document and whether the model must accept it. */
export interface DocumentCase {
  readonly label: string;
  readonly document: unknown;
  readonly valid: boolean;
}

type Doc = Record<string, unknown>;
const MAX_DEPTH = 4;

/** Builds documents for the models of one IR; `strict` names the models that reject unknown keys. */
export class DocumentFactory {
  private readonly models: Map<string, Model>;
  private readonly enums: Map<string, readonly string[]>;

  constructor(
    ir: Ir,
    private readonly strict: ReadonlySet<string>,
  ) {
    this.models = new Map(ir.models.map((model) => [model.name, model]));
    this.enums = new Map(ir.enums.map((def) => [def.name, def.values]));
  }

  private model(name: string): Model {
    const model = this.models.get(name);
    if (!model) throw new Error(`unknown model ${name}`);
    return model;
  }

  /** The required fields only: scalars and enums canonical, arrays empty, nested models minimal. */
  minimal(name: string, depth = 0): Doc {
    if (depth > MAX_DEPTH) throw new Error(`${name}: no finite document (required cycle)`);
    const doc: Doc = {};
    for (const field of this.model(name).fields) {
      if (field.optional) continue;
      if (field.array) doc[field.name] = [];
      else if (field.type.type === 'model')
        doc[field.name] = this.minimal(field.type.name, depth + 1);
      else doc[field.name] = this.validValues(field, depth)[0];
    }
    return doc;
  }

  /** Every field; arrays hold every valid value; below MAX_DEPTH nesting falls back to minimal. */
  full(name: string, depth = 0): Doc {
    if (depth >= MAX_DEPTH) return this.minimal(name, depth);
    const doc: Doc = {};
    for (const field of this.model(name).fields) {
      const values = this.validValues(field, depth);
      doc[field.name] = field.array ? values : values[0];
    }
    return doc;
  }

  /** Valid values of the field's item type (ignoring `array`); the first is the canonical one. */
  private validValues(field: Field, depth: number): unknown[] {
    const type = field.type;
    if (type.type === 'scalar') return [...SCALAR_SAMPLES[type.name].valid];
    if (type.type === 'enum') return [...(this.enums.get(type.name) ?? [])];
    return [this.full(type.name, depth + 1), this.minimal(type.name, depth + 1)];
  }

  /** Labelled invalid values of the field's item type (ignoring `array`). */
  private invalidValues(field: Field, depth: number): [string, unknown][] {
    const type = field.type;
    if (type.type === 'scalar') {
      return SCALAR_SAMPLES[type.name].invalid.map((value) => [JSON.stringify(value), value]);
    }
    if (type.type === 'enum')
      return [
        ['"not-a-value"', 'not-a-value'],
        ['1', 1],
        ['null', null],
      ];
    const wrongTypes: [string, unknown][] = [
      ['"x"', 'x'],
      ['[]', []],
      ['null', null],
    ];
    if (depth + 1 > 1) return wrongTypes;
    const nested = this.cases(type.name, depth + 1).filter((c) => !c.valid);
    return [...wrongTypes, ...nested.map((c): [string, unknown] => [`{${c.label}}`, c.document])];
  }

  /**
   * Valid and invalid documents of a model: minimal and full
   * valid documents, each valid value of each field, each required field missing, each field with
   * each invalid value (wrong JSON type, bad format, out of range, bad pattern, nested invalid),
   * null for an optional field (valid only for a JSON scalar), wrong array shapes, an unknown key (valid only when the model
   * strips unknown keys), and non-object documents.
   */
  cases(name: string, depth = 0): DocumentCase[] {
    const model = this.model(name);
    const full = this.full(name, depth);
    const out: DocumentCase[] = [
      { label: 'minimal', document: this.minimal(name, depth), valid: true },
      { label: 'full', document: full, valid: true },
      {
        label: 'unknown key',
        document: { ...full, unexpectedKey: 'x' },
        valid: !this.strict.has(name),
      },
      { label: 'null document', document: null, valid: false },
      { label: 'array document', document: [full], valid: false },
      { label: 'string document', document: 'x', valid: false },
    ];
    for (const field of model.fields) {
      const at = (value: unknown): Doc => ({ ...full, [field.name]: value });
      const values = this.validValues(field, depth);
      if (field.array) {
        out.push({ label: `${field.name}: []`, document: at([]), valid: true });
        out.push({ label: `${field.name}: not an array`, document: at(values[0]), valid: false });
      } else {
        values.forEach((value, index) =>
          out.push({ label: `${field.name}: valid #${index}`, document: at(value), valid: true }),
        );
      }
      if (field.optional) {
        const { [field.name]: _omitted, ...rest } = full;
        out.push({ label: `${field.name}: omitted`, document: rest, valid: true });
        const acceptsNull =
          field.type.type === 'scalar' && field.type.name === 'JSON' && !field.array;
        out.push({ label: `${field.name}: null`, document: at(null), valid: acceptsNull });
      } else {
        const { [field.name]: _missing, ...rest } = full;
        out.push({ label: `${field.name}: missing`, document: rest, valid: false });
      }
      for (const [label, value] of this.invalidValues(field, depth)) {
        const document = field.array ? at([values[0], value]) : at(value);
        out.push({
          label: `${field.name}: ${field.array ? `[…, ${label}]` : label}`,
          document,
          valid: false,
        });
      }
    }
    return out;
  }
}
