import { describe, expect, it } from 'vitest';
import { createDocsContext } from '../../packages/codegen/src/generator/emit/docs-context.js';
import {
  createLabeler,
  loadLabelCatalog,
} from '../../packages/codegen/src/generator/emit/docs-labels.js';
import { DocsPageMemo } from '../../packages/codegen/src/generator/emit/docs-page-memo.js';
import { EmitMemo, withoutEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import type { Ir, Spec } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { shippedIr } from '../site/site-fixture.js';

describe('DocsPageMemo.begin: what every page of a watch-mode emit shares', () => {
  const ir = shippedIr();
  // A watch session in this process: the memo keeps pages.
  new EmitMemo();

  it('gives nothing in a one-shot run, which keeps no page', async () => {
    expect(await withoutEmitMemos(async () => new DocsPageMemo().begin(ir))).toBeUndefined();
  });

  it('keeps one object while the layout, models and enums are equal, so pages compare it by identity', () => {
    const memo = new DocsPageMemo();
    const first = memo.begin(ir)!;
    expect(memo.begin({ ...ir, models: [...ir.models], enums: [...ir.enums] })).toBe(first);
    expect(first.models).toBe(ir.models);
  });

  it('makes a new object when a model, an enum or the page layout changes', () => {
    const memo = new DocsPageMemo();
    const first = memo.begin(ir)!;
    const model = { ...ir.models[0]!, description: 'Changed.' };
    const changedModel = memo.begin({ ...ir, models: [model, ...ir.models.slice(1)] })!;
    expect(changedModel).not.toBe(first);
    expect(changedModel.models[0]).toBe(model);
    const extra = {
      kind: 'enum' as const,
      name: 'ExtraStatus',
      values: ['on', 'off'],
      source: { file: 'specs/extra.ts', line: 1, column: 1 },
    };
    const changedEnum = memo.begin({
      ...ir,
      models: changedModel.models,
      enums: [...ir.enums, extra],
    })!;
    expect(changedEnum).not.toBe(changedModel);
    const renamed = { ...ir.specs[0]!, key: `${ir.specs[0]!.key}.renamed` };
    const relaid = memo.begin({ ...ir, specs: [renamed, ...ir.specs.slice(1)] })!;
    expect(relaid).not.toBe(changedEnum);
    expect(relaid.layout).toContain('.renamed');
  });
});

describe('DocsPageMemo.page: a page that looks up another spec', () => {
  const ir = shippedIr();
  new EmitMemo();
  const [own, other] = ir.specs;
  const label = createLabeler(loadLabelCatalog('en'), 'en');
  /** Prints `own`'s page as one that shows `other`'s title, counting the prints. */
  const printer = () => {
    const memo = new DocsPageMemo();
    let prints = 0;
    const pageOf = (next: typeof ir) => {
      const ctx = createDocsContext(next, label);
      const spec = next.specs.find((one) => one.key === own!.key && one.version === own!.version)!;
      return memo.page(ctx, spec, 'docs/own.md', 1, memo.begin(next), (pageCtx) => {
        prints += 1;
        return pageCtx.pages.find(other!.key, other!.version)?.meta.title ?? '(none)';
      });
    };
    return { pageOf, prints: () => prints };
  };
  const withOther = (meta: { title?: string; description?: string }): Ir => ({
    ...ir,
    specs: ir.specs.map((spec) =>
      spec === other ? ({ ...spec, meta: { ...spec.meta, ...meta } } as Spec) : spec,
    ),
  });

  it('is reused when the spec it found changes anything but its title', () => {
    const { pageOf, prints } = printer();
    const first = pageOf(ir);
    expect(pageOf(withOther({ description: 'Another description.' }))).toBe(first);
    expect(prints()).toBe(1);
  });

  it('is printed again when the title of the spec it found changes', () => {
    const { pageOf, prints } = printer();
    pageOf(ir);
    expect(pageOf(withOther({ title: 'A new title' }))).toBe('A new title');
    expect(prints()).toBe(2);
  });
});
