import { describe, expect, it } from 'vitest';
import { createDocsEmitter } from '../../packages/codegen/src/generator/emit/docs-emitter.js';
import { join } from 'node:path';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { PROJECT_ROOT } from '../support/cli.js';
import { createSiteEmitter } from '../../packages/codegen/src/generator/emit/site/site-emitter.js';
import { loadLabelCatalog } from '../../packages/codegen/src/generator/emit/docs-labels.js';
import { formatFiles } from '../../packages/codegen/src/generator/format.js';
import { fixtureIr } from './docs-fixture.js';
import { emitDocs } from './helpers.js';
import { irOf, SURFACE_SOURCE } from '../published-language/support.js';
import { brokenLinks, headingAnchors } from './link-checker.js';

const FIELD_KEYS = [
  'field.key.label',
  'field.version.label',
  'field.type.label',
  'field.title.label',
  'field.description.label',
  'field.tags.label',
  'field.owners.label',
  'field.stability.label',
];

/** First-column cells of the first table of a page (the label fields under the H1). */
function labelColumn(markdown: string): string[] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| '));
  const rows: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('| ')) break;
    rows.push(line.split('|')[1]!.trim());
  }
  return rows;
}

describe('docs emitter: labels', () => {
  it('every spec page lists the label fields in the issue order, with catalog texts', async () => {
    const files = await emitDocs(fixtureIr());
    const specPages = files.filter(
      (file) => file.path.endsWith('.md') && !file.path.endsWith('/index.md'),
    );
    expect(specPages).toHaveLength(fixtureIr().specs.length);
    for (const file of specPages) {
      expect(labelColumn(file.contents)).toStrictEqual([
        'Key',
        'Version',
        'Type',
        'Title',
        'Description',
        'Tags',
        'Owners',
        'Stability',
      ]);
    }
  });

  it('no page shows a raw catalog key', async () => {
    const files = await emitDocs(fixtureIr());
    for (const file of files) {
      expect(file.contents).not.toContain('field.');
      expect(file.contents).not.toMatch(/\b(section|column|kind|value|index)\.\w+\.label\b/);
    }
  });

  it('the labels come from the catalog given', async () => {
    const catalog = { ...loadLabelCatalog('en'), 'field.owners.label': 'Eigentümer' };
    const [first] = await formatFiles(createDocsEmitter({ labels: catalog }).emit(fixtureIr()));
    expect(first!.path).toBe('docs/agent/agent.run.audit.md');
    expect(labelColumn(first!.contents)[6]).toBe('Eigentümer');
  });

  it.each(FIELD_KEYS)('throws when the catalog lacks %s', (missing) => {
    const catalog: Record<string, string> = { ...loadLabelCatalog('en') };
    delete catalog[missing];
    const emitter = createDocsEmitter({ labels: catalog });
    expect(() => emitter.emit(fixtureIr())).toThrow(`label catalog has no key "${missing}"`);
  });

  it('the English catalog holds only non-empty texts and no unused key', async () => {
    const catalog = loadLabelCatalog('en');
    const used = new Set<string>();
    const tracking = new Proxy(catalog, {
      get: (target, key) => {
        if (typeof key === 'string') used.add(key);
        return Reflect.get(target, key);
      },
    });
    createDocsEmitter({ labels: tracking }).emit(fixtureIr());
    // The sections of the published language's extra fields (acceptance, side effects, transport).
    createDocsEmitter({ labels: tracking }).emit(irOf(SURFACE_SOURCE).ir);
    // The site's own texts (navigation, search, catalogs, examples) and its links back.
    createSiteEmitter({ locales: ['en'], catalogs: { en: tracking } }).emit(fixtureIr());
    // A capability that requires another spec: the required spec's page shows "Required by".
    const requiring = fixtureIr();
    const capability = requiring.specs.find((spec) => spec.kind === 'capability')!;
    if (capability.kind === 'capability') {
      const target = requiring.specs.find((spec) => spec.kind === 'operation')!;
      capability.requires.push({ key: target.key, optional: false, source: capability.source });
    }
    createDocsEmitter({ labels: tracking }).emit(requiring);
    createDocsEmitter({ labels: tracking }).emit(
      buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT }),
    );
    for (const text of Object.values(catalog)) expect(text.length).toBeGreaterThan(0);
    expect(Object.keys(catalog).filter((key) => !used.has(key))).toStrictEqual([]);
  });
});

describe('docs emitter: links', () => {
  it('every link names an emitted page and, with an anchor, a heading on it', async () => {
    const files = await emitDocs(fixtureIr());
    expect(brokenLinks(files)).toStrictEqual([]);
    const linkCount = files.reduce(
      (sum, file) => sum + (file.contents.match(/\]\(/g) ?? []).length,
      0,
    );
    expect(linkCount).toBeGreaterThan(30);
  });

  it('the checker reports a missing page, a missing anchor and an absolute link', () => {
    const files = [
      {
        path: 'docs/a/x.md',
        contents: '# x\n\n## Input\n\n[ok](#input) [y](./y.md) [z](#nope) [w](/docs/a/x.md)\n',
      },
      { path: 'docs/b/z.md', contents: '# z\n\n[x](../a/x.md#input) [x](../a/x.md#x)\n' },
    ];
    expect(brokenLinks(files)).toStrictEqual([
      'docs/a/x.md -> ./y.md',
      'docs/a/x.md -> #nope',
      'docs/a/x.md -> /docs/a/x.md',
    ]);
  });

  it('anchors follow GitHub: a model named like an earlier heading gets a -1 suffix', async () => {
    const ir = fixtureIr();
    const rename = (name: string) => (name === 'HarnessStep' ? 'Input' : name);
    const renamed = {
      ...ir,
      models: ir.models.map((model) => ({
        ...model,
        name: rename(model.name),
        fields: model.fields.map((field) =>
          field.type.type === 'model'
            ? { ...field, type: { ...field.type, name: rename(field.type.name) } }
            : field,
        ),
      })),
    };
    const files = await emitDocs(renamed);
    const start = files.find((file) => file.path === 'docs/harness/harness.run.start.md')!.contents;
    expect(start).toContain('| steps  | [Input[]](#input-1)     | yes      |');
    expect(headingAnchors(start)).toContain('input-1');
    expect(brokenLinks(files)).toStrictEqual([]);
  });
});
