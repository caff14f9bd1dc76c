import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDocsEmitter } from '../../packages/codegen/src/generator/emit/docs-emitter.js';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { fixtureIr } from './docs-fixture.js';

/**
 * The slug Starlight serves a page of its docs collection at, from the page's path relative to the
 * docs root: Astro's glob loader (`generateIdDefault`, astro/src/content/utils.ts) drops the
 * extension, slugs each path segment with github-slugger (lowercase; every ASCII character but
 * letters, digits, `-`, `_` and space removed; spaces as `-`) and drops a last `/index`. Written
 * here for ASCII paths only: the test first checks every path is ASCII.
 */
function starlightSlug(path: string): string {
  return path
    .replace(/\.mdx?$/, '')
    .split('/')
    .map((segment) =>
      segment
        .toLowerCase()
        .replace(/[^a-z0-9 _-]/g, '')
        .replace(/ /g, '-'),
    )
    .join('/')
    .replace(/(^|\/)index$/, '');
}

interface SidebarItem {
  readonly label: string;
  readonly link?: string;
  readonly items?: readonly SidebarItem[];
}

function links(items: readonly SidebarItem[]): string[] {
  return items.flatMap((item) => [...(item.link ? [item.link] : []), ...links(item.items ?? [])]);
}

/** The sidebar's links as slugs (the base and the slashes around them removed), in sidebar order. */
function sidebarSlugs(files: readonly OutputFile[], base: string): string[] {
  const file = files.find((entry) => entry.path === 'docs/sidebar.starlight.json')!;
  return links(JSON.parse(file.contents) as SidebarItem[]).map((link) => {
    expect(link.startsWith(base) && link.endsWith('/')).toBe(true);
    return link.slice(base.length, -1);
  });
}

/** The Markdown pages the sidebar should list: every page under `docs/` but the root index. */
function pageSlugs(files: readonly OutputFile[]): string[] {
  return files
    .filter((file) => file.path.endsWith('.md') && file.path !== 'docs/index.md')
    .map((file) => {
      const path = file.path.slice('docs/'.length);
      expect(path).toMatch(/^[\x20-\x7e]+$/);
      return starlightSlug(path);
    });
}

const shipped = () => buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });

describe('the Starlight sidebar (docs/sidebar.starlight.json)', () => {
  it.each([
    ['the shipped specs', '/', shipped],
    ['the shipped specs under a base', '/reference/', shipped],
    ['the fixture (every spec kind)', '/', fixtureIr],
  ] as const)(
    'links each Markdown page of %s once, at its Starlight slug (base %s)',
    (_name, base, ir) => {
      const files = createDocsEmitter({ base }).emit(ir());
      const sidebar = sidebarSlugs(files, base);
      const pages = pageSlugs(files);
      expect(new Set(pages).size).toBe(pages.length);
      expect([...sidebar].sort()).toStrictEqual([...pages].sort());
    },
  );

  it('gives a page with dots and a version the slug Astro gives it', () => {
    expect(starlightSlug('harness/harness.execution@1.1.0.md')).toBe('harness/harnessexecution110');
    expect(starlightSlug('harness/index.md')).toBe('harness');
    expect(starlightSlug('Agent Docs/My Page.md')).toBe('agent-docs/my-page');
  });
});
