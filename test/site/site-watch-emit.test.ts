import { describe, expect, it } from 'vitest';
import { EmitMemo, withoutEmitMemos } from '../../packages/codegen/src/generator/emit/emit-memo.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import {
  createSiteEmitter,
  resetSiteMemos,
} from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { siteMemoEntries } from '../../packages/codegen/src/generator/emit/site/site-memo.js';
import type { Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { MUTATIONS, rebuilt } from './ir-mutations.js';
import { shippedIr } from './site-fixture.js';

/*
 * The site emitter in a watch session's process (an EmitMemo exists, so `keepsEmitMemos()` is true):
 * an emit reuses the texts whose inputs did not change, and gives the bytes of a one-shot emit,
 * which builds every text and keeps nothing.
 */

new EmitMemo();

const ir = shippedIr();

/** A first watch-mode emit: every memo of the site dropped before. */
function freshEmit(input: Ir): OutputFile[] {
  resetSiteMemos();
  return createSiteEmitter().emit(input);
}

/**
 * Each file's path and text: a watch-mode emit holds its large JSON files as UTF-8 parts
 * (parted-text.ts), so files are compared by what they hold, not by their shape.
 */
const texts = (files: readonly OutputFile[]) =>
  files.map((file) => ({ path: file.path, contents: file.contents }));

/** A one-shot emit of `input`, as `contracts generate` without a watch session makes it. */
const oneShot = async (input: Ir) =>
  texts(await withoutEmitMemos(async () => createSiteEmitter().emit(input)));

describe('site watch-mode re-emits', () => {
  it('reuses the last output for the same IR', () => {
    const first = freshEmit(ir);
    const again = createSiteEmitter().emit(ir);
    expect(texts(again)).toStrictEqual(texts(first));
    expect(again.every((file, at) => file === first[at])).toBe(true);
    expect(texts(createSiteEmitter().emit(rebuilt(ir)))).toStrictEqual(texts(first));
  });

  it('gives the bytes of a one-shot emit, which keeps no memo entry', async () => {
    const watched = freshEmit(ir);
    expect(siteMemoEntries()).toBeGreaterThan(0);
    const once = await withoutEmitMemos(async () => createSiteEmitter().emit(ir));
    expect(siteMemoEntries()).toBe(0);
    expect(texts(once)).toStrictEqual(texts(watched));
    expect(once.some((file, at) => file === watched[at])).toBe(false);
  });

  it.each(MUTATIONS)('after %s, gives the bytes of a one-shot emit', async (_name, mutate) => {
    const changed = mutate(ir);
    const expected = await oneShot(changed);
    freshEmit(ir);
    expect(texts(createSiteEmitter().emit(changed))).toStrictEqual(expected);
    freshEmit(ir);
    expect(texts(createSiteEmitter().emit(rebuilt(changed)))).toStrictEqual(expected);
    // And back: the entries of the original the changed emit did not use were dropped, not reused.
    expect(texts(createSiteEmitter().emit(ir))).toStrictEqual(await oneShot(ir));
  });

  it('changes only the pages a description edit touches', () => {
    const first = freshEmit(ir);
    const changed = createSiteEmitter().emit(MUTATIONS[0]![1](ir));
    const differing = changed
      .filter((file, at) => file.contents !== first[at]!.contents)
      .map((file) => file.path);
    expect(differing).toStrictEqual([
      'site/assets/search-index-1.js',
      'site/en/api-harness.html',
      'site/en/harness/harness.run.start.html',
      'site/en/harness/index.html',
      'site/fr/api-harness.html',
      'site/fr/harness/harness.run.start.html',
      'site/fr/harness/index.html',
      'site/openapi.json',
    ]);
  });
});
