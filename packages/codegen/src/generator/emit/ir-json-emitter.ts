import { isCheckedPart } from '../ir/ir-finisher.js';
import {
  DiagnosticSchema,
  EnumSchema,
  FailedSpecSchema,
  ModelSchema,
  SpecSchema,
  type Ir,
} from '../ir/ir-schema.js';
import { keepsEmitMemos } from './emit-memo.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';

/** JSON text of checked IR parts at list depth (4 spaces), by object: kept while the part lives. */
const PART_TEXT = new WeakMap<object, string>();

function partText(part: object, schema: { parse(value: unknown): unknown }): string {
  let text = PART_TEXT.get(part);
  if (text === undefined) {
    const checked = isCheckedPart(part) ? part : schema.parse(part);
    text = '    ' + JSON.stringify(checked, null, 2).replaceAll('\n', '\n    ');
    if (isCheckedPart(part) && keepsEmitMemos()) PART_TEXT.set(part, text);
  }
  return text;
}

function listText(name: string, parts: readonly object[], schema: { parse(v: unknown): unknown }) {
  if (parts.length === 0) return `  "${name}": []`;
  return `  "${name}": [\n${parts.map((part) => partText(part, schema)).join(',\n')}\n  ]`;
}

/**
 * `JSON.stringify(IrSchema.parse(ir), null, 2) + '\n'`, built from each spec's, model's and
 * enum's own text (memoized per object), so a watch rebuild prints again only the parts that
 * changed. The same bytes: JSON.stringify indents a list item at depth 2 by four spaces.
 */
function irJsonText(ir: Ir): string {
  const lists = [
    listText('specs', ir.specs, SpecSchema),
    listText('models', ir.models, ModelSchema),
    listText('enums', ir.enums, EnumSchema),
    listText('diagnostics', ir.diagnostics, DiagnosticSchema),
    ...(ir.failedSpecs === undefined
      ? []
      : [listText('failedSpecs', ir.failedSpecs, FailedSpecSchema)]),
  ];
  return `{\n${lists.join(',\n')}\n}\n`;
}

/**
 * Emits `ir.json`: the whole IR as `JSON.stringify(IrSchema.parse(ir), null, 2) + '\n'`. Every
 * object is printed as `IrSchema.parse` rebuilds it, keys in schema declaration order, so the
 * bytes do not depend on how the parser happened to build the objects (shared/design.md, "JSON is
 * built as objects … keys in a fixed order").
 * @throws ZodError when the IR does not match the IR schema.
 */
export const irJsonEmitter: Emitter = {
  name: 'ir',
  emit(ir: Ir): OutputFile[] {
    return [{ path: 'ir.json', contents: irJsonText(ir) }];
  },
};
