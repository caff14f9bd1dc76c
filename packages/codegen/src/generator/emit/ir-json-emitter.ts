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
import { partedFile, type OutputFile } from './output-file.js';
import { PartedTextBuilder, type PartedText } from './parted-text.js';

type PartSchema = { parse(value: unknown): unknown };

/** The JSON text of an IR part at list depth (4 spaces), as `IrSchema.parse` would print it. */
function partText(part: object, schema: PartSchema): string {
  const checked = isCheckedPart(part) ? part : schema.parse(part);
  return '    ' + indented(JSON.stringify(checked, null, 2), '    ');
}

/** UTF-8 bytes of checked IR parts at list depth, by object: kept while the part lives. */
const PART_BYTES = new WeakMap<object, Buffer>();

/** Where the text of ir.json goes: plain pieces, and the text of one IR part. */
interface IrJsonSink {
  text(piece: string): void;
  part(part: object, schema: PartSchema): void;
}

/** Writes `"name": [ … ]` at depth 1, each part's text at list depth, to `out`. */
function writeList(out: IrJsonSink, name: string, parts: readonly object[], schema: PartSchema) {
  if (parts.length === 0) {
    out.text(`  "${name}": []`);
    return;
  }
  out.text(`  "${name}": [\n`);
  for (const [index, part] of parts.entries()) {
    if (index > 0) out.text(',\n');
    out.part(part, schema);
  }
  out.text('\n  ]');
}

/**
 * `JSON.stringify(IrSchema.parse(ir), null, 2) + '\n'` written to `out`, part by part. The same
 * bytes: JSON.stringify indents a list item at depth 2 by four spaces.
 */
function writeIrJson(ir: Ir, out: IrJsonSink): void {
  out.text('{\n');
  writeList(out, 'specs', ir.specs, SpecSchema);
  out.text(',\n');
  writeList(out, 'models', ir.models, ModelSchema);
  out.text(',\n');
  writeList(out, 'enums', ir.enums, EnumSchema);
  out.text(',\n');
  writeList(out, 'diagnostics', ir.diagnostics, DiagnosticSchema);
  if (ir.failedSpecs !== undefined) {
    out.text(',\n');
    writeList(out, 'failedSpecs', ir.failedSpecs, FailedSpecSchema);
  }
  out.text('\n}\n');
}

/** The text of ir.json in one join (a one-shot run). */
function irJsonText(ir: Ir): string {
  const pieces: string[] = [];
  writeIrJson(ir, {
    text: (piece) => pieces.push(piece),
    part: (part, schema) => pieces.push(partText(part, schema)),
  });
  return pieces.join('');
}

/**
 * ir.json as UTF-8 parts (a watch session): each checked spec's, model's and enum's bytes are
 * printed once per object and shared by later rebuilds, so a rebuild prints and encodes again
 * only the parts that changed (parted-text.ts).
 */
function irJsonParts(ir: Ir): PartedText {
  const out = new PartedTextBuilder();
  writeIrJson(ir, {
    text: (piece) => out.text(piece),
    part: (part, schema) => {
      let bytes = PART_BYTES.get(part);
      if (bytes === undefined) {
        bytes = Buffer.from(partText(part, schema), 'utf8');
        if (isCheckedPart(part)) PART_BYTES.set(part, bytes);
      }
      out.bytes(bytes);
    },
  });
  return out.build();
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
    if (keepsEmitMemos()) return [partedFile('ir.json', irJsonParts(ir))];
    return [{ path: 'ir.json', contents: irJsonText(ir) }];
  },
};
