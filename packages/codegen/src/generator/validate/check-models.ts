import { DiagnosticCode } from '../ir/diagnostic-codes.js';
import { SCALARS, type Diagnostic, type Ir, type Spec } from '../ir/ir-schema.js';
import { sameList } from '../ir/same-list.js';
import { located, specId } from './located.js';

function modelRoots(spec: Spec): { role: string; name: string }[] {
  switch (spec.kind) {
    case 'operation':
      return [
        ...(spec.io.input === null ? [] : [{ role: 'io.input', name: spec.io.input }]),
        { role: 'io.output', name: spec.io.output },
      ];
    case 'event':
      return [{ role: 'payload', name: spec.payload }];
    case 'form':
      return [{ role: 'model', name: spec.model }];
    default:
      return [];
  }
}

/**
 * Model names: operation io, event payloads and form models must name a
 * schema model; a field's model or enum type must exist (UNKNOWN_MODEL); a scalar field must be one
 * of the twenty scalars (UNKNOWN_SCALAR). Spec problems are reported at the spec, field problems at
 * the model.
 */
export function checkModels(ir: Ir): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { models, diagnostics } = modelFacts(ir);
  for (const spec of ir.specs) {
    for (const { role, name } of modelRoots(spec)) {
      if (!models.has(name)) {
        out.push(
          located(
            'error',
            DiagnosticCode.UnknownModel,
            `${specId(spec)}: ${role} names the unknown schema model \`${name}\``,
            spec.source,
          ),
        );
      }
    }
  }
  out.push(...diagnostics);
  return out;
}

/** What {@link checkModels} reads of the IR's models and enums alone. */
interface ModelFacts {
  readonly modelList: Ir['models'];
  readonly enumList: Ir['enums'];
  readonly models: ReadonlySet<string>;
  readonly diagnostics: readonly Diagnostic[];
}

let lastFacts: ModelFacts | undefined;

/**
 * The model names and the field diagnostics of `ir`'s models and enums, the last ones again when
 * the lists hold the same objects (a watch rebuild after an edit that touched no model).
 */
function modelFacts(ir: Ir): ModelFacts {
  if (
    lastFacts &&
    sameList(lastFacts.modelList, ir.models) &&
    sameList(lastFacts.enumList, ir.enums)
  ) {
    return lastFacts;
  }
  const models = new Set(ir.models.map((model) => model.name));
  const enums = new Set(ir.enums.map((enumDef) => enumDef.name));
  const scalars = new Set<string>(SCALARS);
  const diagnostics: Diagnostic[] = [];
  for (const model of ir.models) {
    for (const field of model.fields) {
      const { type, name } = field.type;
      const known =
        type === 'scalar'
          ? scalars.has(name)
          : type === 'model'
            ? models.has(name)
            : enums.has(name);
      if (known) continue;
      const code = type === 'scalar' ? DiagnosticCode.UnknownScalar : DiagnosticCode.UnknownModel;
      const noun = type === 'scalar' ? 'scalar' : type === 'model' ? 'schema model' : 'enum';
      diagnostics.push(
        located(
          'error',
          code,
          `${model.name}.${field.name}: unknown ${noun} \`${name}\``,
          model.source,
        ),
      );
    }
  }
  lastFacts = { modelList: ir.models, enumList: ir.enums, models, diagnostics };
  return lastFacts;
}
