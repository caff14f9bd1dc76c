import { describe, expect, it } from 'vitest';
import { createEmitters } from '../../packages/codegen/src/generator/emit/all-emitters.js';
import { EmitMemo, keepsEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { DEMO_IR, EDGE_IR } from './fixtures/demo-ir.js';

/*
 * The per-domain TypeScript emitters print the same files with their watch-mode memos (segmented
 * templates, per-spec and per-model views: active once an EmitMemo exists) as without them. This
 * file's module state is its own (vitest isolates test files), so the first emit runs memo-free.
 */

const CODE_SURFACES = ['types', 'zod', 'client', 'handlers', 'events', 'registry', 'index'];

function emitCode(ir: Ir): OutputFile[] {
  return createEmitters()
    .filter((emitter) => CODE_SURFACES.includes(emitter.name))
    .flatMap((emitter) => emitter.emit(ir));
}

/** `ir` with every spec and model a new object, as a watch rebuild's edited parts are. */
function copied(ir: Ir): Ir {
  return {
    ...ir,
    specs: ir.specs.map((spec) => structuredClone(spec)),
    models: ir.models.map((model) => structuredClone(model)),
  };
}

/** DEMO_IR with its first spec's description edited (a new spec object, the others the same). */
function editedDemo(description = 'Edited in watch mode.'): Ir {
  const [first, ...rest] = DEMO_IR.specs;
  return { ...DEMO_IR, specs: [{ ...first!, meta: { ...first!.meta, description } }, ...rest] };
}

describe('the per-domain emitters in watch mode', () => {
  it('print the files they print without memos, before and after the IR parts change', () => {
    const edited = editedDemo();
    // A NUL character in the text: the segmented templates render such a view whole.
    const irs = [DEMO_IR, EDGE_IR, edited, editedDemo('Edited\0 with a NUL.')];
    const cold = irs.map(emitCode);
    expect(keepsEmitMemos()).toBe(false);
    expect(cold[2]).not.toStrictEqual(cold[0]);
    expect(cold[2]!.some((file) => file.contents.includes('Edited in watch mode.'))).toBe(true);
    expect(cold[3]!.some((file) => file.contents.includes('Edited\0 with a NUL.'))).toBe(true);
    new EmitMemo();
    expect(keepsEmitMemos()).toBe(true);
    // First builds, the same parts again (every fragment memoized), then new part objects.
    for (const [index, ir] of irs.entries()) {
      const reference = cold[index]!;
      expect(reference.length).toBeGreaterThanOrEqual(CODE_SURFACES.length);
      expect(emitCode(ir)).toStrictEqual(reference);
      expect(emitCode({ ...ir })).toStrictEqual(reference);
      expect(emitCode(copied(ir))).toStrictEqual(reference);
    }
    // A one-spec edit and back, as a watch session sees them.
    expect(emitCode(DEMO_IR)).toStrictEqual(cold[0]);
    expect(emitCode(edited)).toStrictEqual(cold[2]);
    expect(emitCode(DEMO_IR)).toStrictEqual(cold[0]);
  });
});
