import { describe, expect, it } from 'vitest';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { shippedIr } from './site-fixture.js';

describe('models pages', () => {
  const files = createSiteEmitter().emit(shippedIr());

  it.each([
    ['en', 'Used by'],
    ['fr', 'Utilisé par'],
  ])('in %s, name "%s" only in the header of each Used by table', (locale, usedBy) => {
    const pages = files.filter((file) =>
      new RegExp(`^site/${locale}/models-[^/]+\\.html$`).test(file.path),
    );
    expect(pages.length).toBe(2);
    for (const page of pages) {
      const tables = page.contents.split(`<table>\n<thead>\n<tr>\n<th>${usedBy}</th>\n`).length - 1;
      expect(tables, page.path).toBeGreaterThan(0);
      expect(page.contents.split(usedBy).length - 1, page.path).toBe(tables);
    }
  });
});
