import { IrSchema, type Ir } from '../ir/ir-schema.js';
import type { Emitter } from './emitter.js';
import type { OutputFile } from './output-file.js';

/**
 * Emits `ir.json`: the whole IR as `JSON.stringify(ir, null, 2) + '\n'`. The IR is passed through
 * `IrSchema.parse` first, which rebuilds every object with its keys in schema declaration order,
 * so the bytes do not depend on how the parser happened to build the objects (shared/design.md,
 * "JSON is built as objects … keys in a fixed order").
 * @throws ZodError when the IR does not match the IR schema.
 */
export const irJsonEmitter: Emitter = {
  name: 'ir',
  emit(ir: Ir): OutputFile[] {
    return [{ path: 'ir.json', contents: JSON.stringify(IrSchema.parse(ir), null, 2) + '\n' }];
  },
};
