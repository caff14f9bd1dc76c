import type { Spec } from '../ir/ir-schema.js';
import { buildCapability, buildFeature } from './build-capability.js';
import { buildEvent, buildOperation } from './build-operation.js';
import { buildDataView, buildForm, buildPresentation } from './build-surface-specs.js';
import type { DiagnosticSink } from './diagnostic-sink.js';
import type { DefineCallee } from './language.js';
import { ShapeReader } from './shape-reader.js';
import type { SpecHeader } from './spec-header.js';
import type { StaticValue } from './static-value.js';

/**
 * The IR specs of one `const X = define*({...})` (or typed literal `const X: OperationSpec = {...}`):
 * the callee or type alone decides the kind (never the file name). One spec, plus for an operation
 * one event per inline emit; empty when the spec cannot be built (every reason was reported).
 */
export function buildSpec(
  sink: DiagnosticSink,
  callee: DefineCallee,
  value: StaticValue,
  header: SpecHeader,
): Spec[] {
  const spec = ShapeReader.open(sink, value, '');
  if (!spec) return [];
  if (callee.kind === 'operation') return buildOperation(spec, callee.operationKind, header);
  const built = buildOne(spec, callee, header);
  return built ? [built] : [];
}

function buildOne(spec: ShapeReader, callee: DefineCallee, header: SpecHeader): Spec | undefined {
  switch (callee.kind) {
    case 'operation':
      return undefined;
    case 'event':
      return buildEvent(spec, header);
    case 'capability':
      return buildCapability(spec, header);
    case 'feature':
      return buildFeature(spec, header);
    case 'presentation':
      return buildPresentation(spec, header);
    case 'dataView':
      return buildDataView(spec, header);
    case 'form':
      return buildForm(spec, header);
    default: {
      const unreachable: never = callee.kind;
      return unreachable;
    }
  }
}
