import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { createEmitters } from '../../packages/codegen/src/generator/emit/all-emitters.js';
import { emitAll } from '../../packages/codegen/src/generator/emit-all.js';
import { buildIrOfFiles } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { copyRepoForGenerate, repoTree } from '../support/repo-generation.js';

const OURS = "from 'contracts-codegen/language'";
const PUBLISHED = "from '@contractspec/lib.contracts-spec'";
/** The same specifiers as the site's highlighted HTML quotes them (`'` escaped as `&#x27;`). */
const OURS_HTML = '&#x27;contracts-codegen/language&#x27;';
const PUBLISHED_HTML = '&#x27;@contractspec/lib.contracts-spec&#x27;';

function specFiles(dir: string, into: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) specFiles(path, into);
    else if (name.endsWith('.ts')) into.push(path);
  }
  return into;
}

const root = copyRepoForGenerate('published-compat-', false);
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the shipped specs written against the published package', () => {
  it('give the same generated tree, byte for byte, apart from the quoted import specifier', async () => {
    let rewritten = 0;
    for (const path of specFiles(join(root, 'specs'))) {
      const text = readFileSync(path, 'utf8');
      if (!text.includes(OURS)) continue;
      writeFileSync(path, text.replaceAll(OURS, PUBLISHED));
      rewritten += 1;
    }
    expect(rewritten).toBe(43);
    const settings = await resolveGenerateSettings(root, {});
    const ir = buildIrOfFiles(settings);
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const published = await emitAll(ir, createEmitters(settings.emitters));
    // The docs' and the site's "Source Definition" and ir.json quote each file's imports verbatim:
    // there, and only there, the specifier differs.
    const expected = (await repoTree()).map((file) => ({
      path: file.path,
      contents: file.contents.replaceAll(OURS, PUBLISHED).replaceAll(OURS_HTML, PUBLISHED_HTML),
    }));
    expect(published).toStrictEqual(expected);
  });
});
