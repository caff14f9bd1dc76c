import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';

const ROOT = join(import.meta.dirname, '../..');

// The totals are those of shared/contracts-catalog.md, "Totals to check the parser against", plus
// harness.execution@1.1.0, the minor version that adds the two step events to the capability.
describe('buildIr over the real specs/', () => {
  const ir = buildIr({ specsDir: join(ROOT, 'specs'), rootDir: ROOT });

  it('finds every spec of the catalog', () => {
    const counts: Record<string, number> = {};
    for (const spec of ir.specs) {
      const kind = spec.kind === 'operation' ? `operation/${spec.operationKind}` : spec.kind;
      counts[kind] = (counts[kind] ?? 0) + 1;
    }
    expect(ir.specs.length).toBe(40);
    expect(counts).toStrictEqual({
      'operation/command': 6,
      'operation/query': 7,
      event: 12,
      capability: 6,
      feature: 2,
      presentation: 2,
      dataView: 4,
      form: 1,
    });
  });

  it('finds 47 schema models with 206 fields', () => {
    expect(ir.models.length).toBe(47);
    expect(ir.models.reduce((total, model) => total + model.fields.length, 0)).toBe(206);
  });

  it('reports no diagnostic: harness.execution@1.1.0 provides the two step events', () => {
    expect(
      ir.diagnostics.map(({ severity, code, message, file }) => ({
        severity,
        code,
        message,
        file,
      })),
    ).toStrictEqual([]);
    expect(
      ir.specs.filter((spec) => spec.key === 'harness.execution').map((spec) => spec.version),
    ).toStrictEqual(['1.0.0', '1.1.0']);
  });

  it('resolves harness.run.start: base tags first, emits through HarnessRunStartedEvent.meta', () => {
    const spec = ir.specs.find((candidate) => candidate.key === 'harness.run.start');
    expect(spec?.kind).toBe('operation');
    if (spec?.kind !== 'operation') return;
    expect(spec.meta.tags).toStrictEqual([
      'automation',
      'harness',
      'evidence',
      'evaluation',
      'run',
      'start',
    ]);
    expect(
      spec.emits.map(({ key, version, when, source }) => ({
        key,
        version,
        when,
        file: source.file,
      })),
    ).toStrictEqual([
      {
        key: 'harness.run.started',
        version: '1.0.0',
        when: 'A new harness run is created and execution begins.',
        file: 'specs/harness/commands/harnessRunStart.command.ts',
      },
    ]);
  });

  it('is sorted: specs by key then version, models by name', () => {
    const keys = ir.specs.map((spec) => [spec.key, spec.version]);
    expect(keys).toStrictEqual(
      [...keys].sort(([a, x], [b, y]) =>
        a! < b! ? -1 : a! > b! ? 1 : x! < y! ? -1 : x! > y! ? 1 : 0,
      ),
    );
    const names = ir.models.map((model) => model.name);
    expect(names).toStrictEqual([...names].sort());
  });
});
