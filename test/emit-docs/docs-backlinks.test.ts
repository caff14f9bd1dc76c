import { describe, expect, it } from 'vitest';
import {
  backlinksJson,
  createBacklinkIndex,
} from '../../packages/codegen/src/generator/emit/docs-backlinks.js';
import { EmitMemo, withoutEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import { shippedIr } from '../site/site-fixture.js';

describe('createBacklinkIndex across the indexes of one watch session', () => {
  const ir = shippedIr();
  new EmitMemo();
  const index = createBacklinkIndex(ir);
  const withBacklinks = ir.specs.filter((spec) =>
    Object.values(index.of(spec)).some((list: unknown[]) => list.length > 0),
  );

  it('finds specs with backlinks in the shipped IR', () => {
    expect(withBacklinks.length).toBeGreaterThan(3);
  });

  it('gives an unchanged spec the same backlinks object, and a changed one a new object', () => {
    const first = createBacklinkIndex(ir);
    const target = withBacklinks[0]!;
    const referrer = ir.specs.find((spec) =>
      JSON.stringify(first.of(target)).includes(`"key":"${spec.key}"`),
    )!;
    const moved = { ...referrer, source: { ...referrer.source, line: referrer.source.line + 7 } };
    const next = createBacklinkIndex({
      ...ir,
      specs: ir.specs.map((spec) => (spec === referrer ? moved : spec)),
    });
    // The referrer itself is another object in the next IR; every other spec is the same one.
    const others = withBacklinks.filter(
      (spec) =>
        spec !== referrer && !backlinksJson(first.of(spec)).includes(`"key":"${referrer.key}"`),
    );
    expect(others.length).toBeGreaterThan(0);
    for (const spec of others) expect(next.of(spec)).toBe(first.of(spec));
    expect(next.of(target)).not.toBe(first.of(target));
    expect(backlinksJson(next.of(target))).toBe(JSON.stringify(next.of(target)));
    expect(backlinksJson(next.of(target))).not.toBe(backlinksJson(first.of(target)));
  });

  it('builds new objects in a one-shot run, which keeps nothing', async () => {
    const first = createBacklinkIndex(ir);
    const again = await withoutEmitMemos(async () => createBacklinkIndex(ir));
    expect(again.of(withBacklinks[0]!)).not.toBe(first.of(withBacklinks[0]!));
    expect(JSON.stringify(again.of(withBacklinks[0]!))).toBe(
      JSON.stringify(first.of(withBacklinks[0]!)),
    );
  });
});
