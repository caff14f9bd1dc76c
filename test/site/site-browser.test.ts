import { existsSync, mkdirSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../packages/codegen/src/cli/docs-command.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { launchChromium, type Chromium } from './browser.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { shippedSiteFiles, wideIr, writeSite } from './site-fixture.js';

const ARTIFACTS = join(PROJECT_ROOT, 'test-results/site');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let siteDir = '';
/** A site whose `wide` domain needs several API and models parts and search shards (en only). */
let wideDir = '';
let chromium: Chromium;
let server: Server;
let httpBase = '';

beforeAll(async () => {
  siteDir = writeSite(shippedSiteFiles());
  wideDir = writeSite(createSiteEmitter({ locales: ['en'] }).emit(wideIr(250)));
  chromium = await launchChromium();
  server = await startSiteServer(siteDir, '127.0.0.1', 0);
  const address = server.address();
  httpBase = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  mkdirSync(ARTIFACTS, { recursive: true });
}, 60_000);

afterAll(async () => {
  await chromium?.close();
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  if (siteDir) rmSync(dirname(siteDir), { recursive: true, force: true });
  if (wideDir) rmSync(dirname(wideDir), { recursive: true, force: true });
});

/** What a crawl saw: problems (console errors, failed or foreign requests, broken links) and pages. */
interface Crawl {
  readonly pages: string[];
  readonly problems: string[];
  readonly rawKeyPages: string[];
}

/**
 * Visits every page reachable by links from `start` whose URL starts with `base`, recording console
 * errors, failed requests, requests to any other origin, links to missing pages and anchors that no
 * element has on the target page.
 */
async function crawl(
  base: string,
  start: string,
  allowedOrigin: (url: string) => boolean,
): Promise<Crawl> {
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  const rawKeyPages: string[] = [];
  let current = '';
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error on ${current}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${current}: ${error.message}`));
  page.on('requestfailed', (request) =>
    problems.push(`failed request ${request.url()} on ${current}`),
  );
  page.on('request', (request) => {
    if (!allowedOrigin(request.url()))
      problems.push(`foreign request ${request.url()} on ${current}`);
  });
  const ids = new Map<string, Set<string>>();
  const anchorsWanted: [string, string, string][] = [];
  const queue = [start];
  const seen = new Set(queue);
  while (queue.length > 0) {
    current = queue.shift()!;
    const response = await page.goto(current);
    if (response && !response.ok()) problems.push(`status ${response.status()} for ${current}`);
    const found = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('[id]')).map((element) => element.id),
      links: Array.from(document.querySelectorAll('a[href]')).map(
        (a) => (a as HTMLAnchorElement).href,
      ),
      text: document.body.innerText,
    }));
    ids.set(current, new Set(found.ids));
    if (found.text.includes('field.')) rawKeyPages.push(current);
    for (const link of found.links) {
      const url = new URL(link);
      const hash = decodeURIComponent(url.hash.slice(1));
      url.hash = '';
      url.search = '';
      const target = url.href;
      if (!target.startsWith(base)) continue;
      if (hash) anchorsWanted.push([current, target, hash]);
      if (!target.endsWith('.html')) {
        const file = join(siteDir, decodeURIComponent(target.slice(base.length)));
        if (!existsSync(file)) problems.push(`broken link ${target} on ${current}`);
        continue;
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  for (const [from, target, hash] of anchorsWanted) {
    if (!ids.get(target)?.has(hash)) problems.push(`broken anchor ${target}#${hash} on ${from}`);
  }
  await page.close();
  return { pages: [...seen], problems, rawKeyPages };
}

/**
 * Visits `paths` (relative to `base`), then reports links from them to missing files and anchors
 * that no element has, for targets among the visited pages; console and page errors too.
 */
async function crawlPages(base: string, paths: readonly string[]): Promise<string[]> {
  const page = await chromium.context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const ids = new Map<string, Set<string>>();
  const wanted: [string, string, string][] = [];
  for (const path of paths) {
    const url = base + path;
    await page.goto(url);
    const found = await page.evaluate(() => ({
      ids: Array.from(document.querySelectorAll('[id]')).map((element) => element.id),
      links: Array.from(document.querySelectorAll('a[href]')).map(
        (a) => (a as HTMLAnchorElement).href,
      ),
    }));
    ids.set(url, new Set(found.ids));
    for (const link of found.links) {
      const target = new URL(link);
      const hash = decodeURIComponent(target.hash.slice(1));
      target.hash = '';
      target.search = '';
      if (!target.href.startsWith(base)) continue;
      const file = join(fileURLToPath(base), decodeURIComponent(target.href.slice(base.length)));
      if (!existsSync(file)) problems.push(`broken link ${target.href} on ${url}`);
      if (hash) wanted.push([url, target.href, hash]);
    }
  }
  for (const [from, target, hash] of wanted) {
    const known = ids.get(target);
    if (known && !known.has(hash)) problems.push(`broken anchor ${target}#${hash} on ${from}`);
  }
  await page.close();
  return problems;
}

describe('the generated site in headless Chromium', () => {
  it('over file://: every page loads cleanly, requests only local files, links and anchors resolve', async () => {
    const base = pathToFileURL(siteDir).href + '/';
    const result = await crawl(base, `${base}en/index.html`, (url) => url.startsWith('file://'));
    expect(result.problems).toStrictEqual([]);
    expect(result.rawKeyPages).toStrictEqual([]);
    expect(result.pages).toContain(`${base}fr/harness/harness.run.start.html`);
    expect(result.pages).toContain(`${base}en/api.html`);
    expect(result.pages).toContain(`${base}fr/api-harness.html`);
    expect(result.pages).toContain(`${base}fr/models-agent.html`);
    // Every page of both locales is reachable; the root redirect and 404.html are not linked.
    const pages = shippedSiteFiles().filter((file) => /^site\/(en|fr)\/.*\.html$/.test(file.path));
    expect(result.pages.length).toBe(pages.length);
  }, 180_000);

  it('over a local HTTP server: the same, with requests only to 127.0.0.1', async () => {
    const result = await crawl(httpBase, `${httpBase}en/index.html`, (url) =>
      url.startsWith(httpBase),
    );
    expect(result.problems).toStrictEqual([]);
    expect(result.rawKeyPages).toStrictEqual([]);
    expect(result.pages).toContain(`${httpBase}en/search.html`);
  }, 180_000);

  async function searchFor(page: Page, query: string, dir = siteDir): Promise<string[]> {
    await page.goto(pathToFileURL(join(dir, 'en/search.html')).href);
    await page.fill('#search-input', query);
    return page.$$eval('#search-results code', (codes) =>
      codes.map((code) => code.textContent ?? ''),
    );
  }

  it('search: "cancel" lists both cancel operations, an error code finds its operation, arrows move', async () => {
    const page = await chromium.context.newPage();
    const cancel = await searchFor(page, 'cancel');
    expect(cancel.slice(0, 2).sort()).toStrictEqual(['agent.cancel', 'harness.run.cancel']);
    expect(await searchFor(page, 'SCENARIO_OR_SUITE_REQUIRED')).toStrictEqual([
      'harness.run.start',
    ]);
    await page.fill('#search-input', 'cancel');
    await page.keyboard.press('ArrowDown');
    expect(
      await page.evaluate(() => document.activeElement?.querySelector('code')?.textContent),
    ).toBe(cancel[0]);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname.endsWith(`/${cancel[0]}.html`));
    expect(await page.locator('h1').textContent()).toBe(cancel[0]);
    await page.close();
  }, 60_000);

  it('search: every shard is searched, hits show their kind label', async () => {
    const page = await chromium.context.newPage();
    // Shards 1 and 3: the exact key ranks first, its near neighbours (fuzzy search) after it.
    expect((await searchFor(page, 'wide.op0042', wideDir))[0]).toBe('wide.op0042.run');
    expect((await searchFor(page, 'wide.op0242', wideDir))[0]).toBe('wide.op0242.run');
    expect(await searchFor(page, 'harness.run.cancel', wideDir)).toContain('harness.run.cancel');
    expect(await page.locator('#search-results .result-kind').first().textContent()).toBe(
      'operation',
    );
    await page.close();
  }, 60_000);

  it('a large domain: the overview links every API and models part, the parts page through', async () => {
    const base = pathToFileURL(wideDir).href + '/';
    const result = await crawlPages(base, [
      'en/api.html',
      'en/api-wide-1.html',
      'en/api-wide-2.html',
      'en/api-wide-3.html',
      'en/models.html',
      'en/models-wide-1.html',
      'en/models-wide-2.html',
    ]);
    expect(result).toStrictEqual([]);
  }, 120_000);

  it('the root index.html sends the reader to the default locale', async () => {
    const page = await chromium.context.newPage();
    await page.goto(`${httpBase}index.html`);
    await page.waitForURL(/\/en\/index\.html$/);
    expect(await page.locator('h1').textContent()).toBe('Contracts');
    await page.close();
  }, 60_000);

  it('the locale switch shows French labels on harness.run.start', async () => {
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(join(siteDir, 'en/harness/harness.run.start.html')).href);
    await page.click('.locales a[hreflang="fr"]');
    expect(page.url()).toContain('/fr/harness/harness.run.start.html');
    const headings = await page.$$eval('article h2', (nodes) =>
      nodes.map((node) => node.textContent),
    );
    expect(headings).toContain('Objectif');
    expect(headings).toContain('Définition source');
    expect(await page.locator('article th').first().textContent()).toBe('Champ');
    await page.close();
  }, 60_000);

  it('axe-core finds no serious or critical violation on the index, a spec page and the search page', async () => {
    const page = await chromium.context.newPage();
    const violations: string[] = [];
    for (const path of [
      'en/index.html',
      'en/harness/harness.run.start.html',
      'en/search.html',
      'fr/api.html',
      'fr/api-harness.html',
      'en/models-harness.html',
    ]) {
      await page.goto(pathToFileURL(join(siteDir, path)).href);
      await page.addScriptTag({ content: AXE });
      const found = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: { run(): Promise<{ violations: { id: string; impact: string }[] }> };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((violation) => `${violation.impact} ${violation.id}`);
      });
      violations.push(
        ...found
          .filter((v) => v.startsWith('serious') || v.startsWith('critical'))
          .map((v) => `${path}: ${v}`),
      );
    }
    expect(violations).toStrictEqual([]);
    await page.close();
  }, 120_000);

  it('saves screenshots of harness.run.start (light, dark) and of the API reference', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await chromium.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(pathToFileURL(join(siteDir, 'en/harness/harness.run.start.html')).href);
      await page.screenshot({ path: join(ARTIFACTS, `harness.run.start-${scheme}.png`) });
      await page.close();
    }
    const page = await chromium.context.newPage();
    await page.goto(pathToFileURL(join(siteDir, 'en/api.html')).href);
    await page.screenshot({ path: join(ARTIFACTS, 'api-reference.png') });
    await page.goto(pathToFileURL(join(siteDir, 'en/api-harness.html')).href);
    await page.screenshot({ path: join(ARTIFACTS, 'api-reference-harness.png') });
    await page.close();
  }, 60_000);
});
