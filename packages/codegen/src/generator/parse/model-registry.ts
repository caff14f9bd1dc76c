import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import type { EnumDef, Model, SourceLocation } from '../ir/ir-schema.js';
import { oncePerObject } from '../ir/once-per-object.js';
import type { DiagnosticSink } from './diagnostic-sink.js';

function where(at: SourceLocation): string {
  return `${at.file}:${at.line}:${at.column}`;
}

/**
 * What makes two definitions of one name the same, as JSON, once per definition object: a model
 * that many spec files import is met once per file, and a watch session keeps the extractions of
 * unchanged files, so a rebuild compares texts made before.
 */
const definitionText = oncePerObject((definition: Model | EnumDef): string =>
  JSON.stringify(
    definition.kind === 'model' ? [definition.description, definition.fields] : definition.values,
  ),
);

function sameDefinition<T extends Model | EnumDef>(a: T, b: T): boolean {
  return a === b || definitionText(a) === definitionText(b);
}

/** Where the evaluator puts each schema model and enum definition it meets, in the order met. */
export interface ModelSink {
  addModel(model: Model): void;
  addEnum(enumDef: EnumDef): void;
}

/**
 * The schema models and enums met while evaluating, by name. The same name with the same definition is one model (the first one met is
 * kept); the same name with a different definition, or a model and an enum sharing a name, is
 * DUPLICATE_MODEL at the later one, naming the first's location.
 */
export class ModelRegistry implements ModelSink {
  readonly models = new Map<string, Model>();
  readonly enums = new Map<string, EnumDef>();

  constructor(private readonly sink: DiagnosticSink) {}

  addModel(model: Model): void {
    const existing = this.models.get(model.name);
    if (existing && sameDefinition(existing, model)) return;
    const first = existing ?? this.enums.get(model.name);
    if (first) {
      this.reportDuplicate('schema model', model.name, first, model.source);
      return;
    }
    this.models.set(model.name, model);
  }

  addEnum(enumDef: EnumDef): void {
    const existing = this.enums.get(enumDef.name);
    if (existing && sameDefinition(existing, enumDef)) return;
    const first = existing ?? this.models.get(enumDef.name);
    if (first) {
      this.reportDuplicate('enum', enumDef.name, first, enumDef.source);
      return;
    }
    this.enums.set(enumDef.name, enumDef);
  }

  private reportDuplicate(
    what: string,
    name: string,
    first: Model | EnumDef,
    at: SourceLocation,
  ): void {
    const firstKind = first.kind === 'model' ? 'a schema model' : 'an enum';
    this.sink.error(
      DiagnosticCode.DuplicateModel,
      `${what} \`${name}\` conflicts with ${firstKind} of the same name and a different definition at ${where(first.source)}`,
      at,
    );
  }
}
