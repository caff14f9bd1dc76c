import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelCatalog } from '../../packages/codegen/src/generator/emit/docs-labels.js';
import { exampleOfModel } from '../../packages/codegen/src/generator/emit/site/example-values.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { hrefFrom } from '../../packages/codegen/src/generator/emit/site/site-paths.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';

const ir = buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });

describe('site emitter', () => {
  it('emits the same bytes twice (determinism)', () => {
    const a = createSiteEmitter().emit(ir);
    const b = createSiteEmitter().emit(ir);
    expect(b).toStrictEqual(a);
    expect(a.map((file) => file.path)).toContain('site/fr/harness/harness.run.start.html');
    expect(a.map((file) => file.path)).toContain('site/assets/search-index.fr.js');
  });

  it('fails with the key and the catalog when a locale lacks a label', () => {
    const en = loadLabelCatalog('en');
    const { ['section.goal.label']: _dropped, ...fr } = loadLabelCatalog('fr');
    const emitter = createSiteEmitter({ locales: ['en', 'fr'], catalogs: { en, fr } });
    expect(() => emitter.emit(ir)).toThrow(
      'label catalog catalog fr has no key "section.goal.label" (catalog en has it)',
    );
  });

  it('names the shipped catalog file in the diagnostic', () => {
    const { ['field.key.label']: _dropped, ...en } = loadLabelCatalog('en');
    const emitter = createSiteEmitter({ locales: ['en'], catalogs: { en } });
    expect(() => emitter.emit(ir)).toThrow('has no key');
  });

  it('ships en and fr with the same keys', () => {
    expect(Object.keys(loadLabelCatalog('fr')).sort()).toStrictEqual(
      Object.keys(loadLabelCatalog('en')).sort(),
    );
  });

  it('links the File line to repoUrl when given', () => {
    const files = createSiteEmitter({
      locales: ['en'],
      repoUrl: 'https://example.com/repo/blob/main/',
    }).emit(ir);
    const page = files.find((file) => file.path === 'site/en/harness/harness.run.start.html')!;
    expect(page.contents).toContain(
      'href="https://example.com/repo/blob/main/specs/harness/commands/harnessRunStart.command.ts#L',
    );
  });

  it('puts links back from an event to the operation that emits it', () => {
    const files = createSiteEmitter({ locales: ['en'] }).emit(ir);
    const page = files.find((file) => file.path === 'site/en/harness/harness.run.started.html')!;
    expect(page.contents).toContain('<h2 id="emitted-by">Emitted by</h2>');
    expect(page.contents).toContain('<a href="./harness.run.start.html">harness.run.start</a>');
  });
});

describe('site helpers', () => {
  it('hrefFrom makes relative links', () => {
    expect(hrefFrom('en/harness/a.html', 'en/index.html')).toBe('../index.html');
    expect(hrefFrom('en/harness/a.html', 'fr/harness/a.html#x')).toBe('../../fr/harness/a.html#x');
    expect(hrefFrom('en/index.html', 'en/index.html')).toBe('index.html');
    expect(hrefFrom('en/a/b.html', 'en/a/k@1.0.0.html')).toBe('k@1.0.0.html');
  });

  it('examples use one fixed value per scalar', () => {
    const model = ir.models.find((m) =>
      m.fields.some((f) => f.type.type === 'scalar' && f.type.name === 'DateTime'),
    )!;
    const field = model.fields.find((f) => f.type.type === 'scalar' && f.type.name === 'DateTime')!;
    const value = exampleOfModel(ir, model.name) as Record<string, unknown>;
    expect(value[field.name]).toStrictEqual(
      field.array ? ['2026-01-31T12:00:00Z'] : '2026-01-31T12:00:00Z',
    );
  });
});
