import { describe, expect, it } from 'vitest';
import { irJsonEmitter } from '../../packages/codegen/src/generator/emit/ir-json-emitter.js';
import { formatFile } from '../../packages/codegen/src/generator/format.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { makeDataIr } from './fixture-ir.js';

/** Rebuilds every object of a JSON value with its keys in reverse order. */
function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .reverse()
      .map(([k, v]) => [k, reverseKeys(v)]),
  );
}

describe('IR JSON emitter', () => {
  it('writes the whole IR as ir.json, two-space JSON with a final newline', async () => {
    const ir = makeDataIr();
    const files = irJsonEmitter.emit(ir);
    expect(files.map((file) => file.path)).toStrictEqual(['ir.json']);
    expect(files[0]!.contents).toBe(JSON.stringify(ir, null, 2) + '\n');
    expect(JSON.parse(files[0]!.contents)).toStrictEqual(ir);
    expect(
      (await formatFile(files[0]!)).contents.startsWith(
        '{\n  "specs": [\n    {\n      "kind": "operation",\n      "operationKind": "query",\n      "key": "shop.health.get",',
      ),
    ).toBe(true);
  });

  it('prints keys in the IR schema order whatever order the objects were built in', () => {
    const ir = makeDataIr();
    const shuffled = reverseKeys(ir) as Ir;
    expect(Object.keys(shuffled)).toStrictEqual(['diagnostics', 'enums', 'models', 'specs']);
    expect(irJsonEmitter.emit(shuffled)).toStrictEqual(irJsonEmitter.emit(ir));
  });
});
