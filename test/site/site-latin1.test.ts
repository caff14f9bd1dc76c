import { readdirSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadLabelCatalog } from '../../packages/codegen/src/generator/emit/docs-labels.js';
import { TEMPLATES_DIR } from '../../packages/codegen/src/generator/emit/render-template.js';
import { shippedSiteFiles } from './site-fixture.js';

/**
 * Whether V8 holds `text` at two bytes per character: the tag of its structured-clone form
 * (V8's ValueSerializer: `"` one-byte, `c` two-byte, after the version header and any padding).
 */
function heldAsTwoBytes(text: string): boolean {
  const bytes = serialize(text);
  let at = 2;
  while (bytes[at] === 0) at++;
  return String.fromCharCode(bytes[at]!) === 'c';
}

const locales = readdirSync(`${TEMPLATES_DIR}labels`).map((name) => name.replace(/\.json$/, ''));

describe('the shipped label catalogs and the site pages they make', () => {
  it('hold Latin-1 text only', () => {
    expect(locales).toStrictEqual(['en', 'fr']);
    for (const locale of locales) {
      const wide = Object.entries(loadLabelCatalog(locale)).filter(([, text]) =>
        /[^\x00-\xff]/.test(text),
      );
      expect(wide, locale).toStrictEqual([]);
    }
  });

  it('are held by V8 at one byte per character, every page of both locales', () => {
    expect(heldAsTwoBytes('a…')).toBe(true);
    expect(heldAsTwoBytes("Fil d'Ariane")).toBe(false);
    const pages = shippedSiteFiles().filter((file) => file.path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(100);
    expect(
      pages.filter((page) => heldAsTwoBytes(page.contents)).map((page) => page.path),
    ).toStrictEqual([]);
  });
});
