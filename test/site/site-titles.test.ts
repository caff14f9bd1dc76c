import { describe, expect, it } from 'vitest';
import type { OutputFile } from '../../packages/codegen/src/generator/emit/output-file.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { shippedIr } from './site-fixture.js';

const ir = shippedIr();

/** The `<title>` text of the page at each of `paths` among `files`. */
function titles(files: readonly OutputFile[], paths: readonly string[]): string[] {
  return paths.map((path) => {
    const page = files.find((file) => file.path === path)!;
    return /<title>([^<]*)<\/title>/.exec(page.contents)![1]!;
  });
}

const PAGES = [
  'site/en/index.html',
  'site/fr/index.html',
  'site/en/events.html',
  'site/fr/harness/index.html',
  'site/en/harness/harness.run.start.html',
];

describe('site page titles', () => {
  it('are the site title alone on the home page, `Page · Site` elsewhere', () => {
    expect(titles(createSiteEmitter().emit(ir), PAGES)).toStrictEqual([
      'Contracts',
      'Contrats',
      'Event catalog · Contracts',
      'harness · Contrats',
      'Start Harness Run · Contracts',
    ]);
  });

  it('use the configured site title', () => {
    expect(titles(createSiteEmitter({ title: 'Acme <API>' }).emit(ir), PAGES)).toStrictEqual([
      'Acme &lt;API&gt;',
      'Acme &lt;API&gt;',
      'Event catalog · Acme &lt;API&gt;',
      'harness · Acme &lt;API&gt;',
      'Start Harness Run · Acme &lt;API&gt;',
    ]);
  });
});
