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
import { indented } from './json-text.js';
import type { OutputFile } from './output-file.js';

/** JSON text of checked IR parts at list depth (4 spaces), by object: kept while the part lives. */
const PART_TEXT = new WeakMap<object, string>();

function partText(part: object, schema: { parse(value: unknown): unknown }): string {
  let text = PART_TEXT.get(part);
  if (text === undefined) {
    const checked = isCheckedPart(part) ? part : schema.parse(part);
    text = '    ' + indented(JSON.stringify(checked, null, 2), '    ');
    if (isCheckedPart(part) && keepsEmitMemos()) PART_TEXT.set(part, text);
  }
  return text;
}

/** Appends `"name": [ … ]` at depth 1, each part's text at list depth, to `out`. */
function writeList(
  out: string[],
  name: string,
  parts: readonly object[],
  schema: { parse(v: unknown): unknown },
): void {
  if (parts.length === 0) {
    out.push(`  "${name}": []`);
    return;
  }
  out.push(`  "${name}": [\n`);
  for (const [index, part] of parts.entries()) {
    if (index > 0) out.push(',\n');
    out.push(partText(part, schema));
  }
  out.push('\n  ]');
}

/**
 * `JSON.stringify(IrSchema.parse(ir), null, 2) + '\n'`, built from each spec's, model's and
 * enum's own text (memoized per object) in one join, so a watch rebuild prints again only the
 * parts that changed and copies each text once. The same bytes: JSON.stringify indents a list
 * item at depth 2 by four spaces.
 */
function irJsonText(ir: Ir): string {
  const out = ['{\n'];
  writeList(out, 'specs', ir.specs, SpecSchema);
  out.push(',\n');
  writeList(out, 'models', ir.models, ModelSchema);
  out.push(',\n');
  writeList(out, 'enums', ir.enums, EnumSchema);
  out.push(',\n');
  writeList(out, 'diagnostics', ir.diagnostics, DiagnosticSchema);
  if (ir.failedSpecs !== undefined) {
    out.push(',\n');
    writeList(out, 'failedSpecs', ir.failedSpecs, FailedSpecSchema);
  }
  out.push('\n}\n');
  return out.join('');
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
