import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../packages/codegen/src/generator/config/config-error.js';
import { configJsonSchema } from '../../packages/codegen/src/generator/config/config-json-schema.js';
import { resolveGenerateSettings } from '../../packages/codegen/src/generator/config/resolve-settings.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

/** A temporary project with `files` (path -> text; objects are written as JSON). */
/** Copies the demo contracts (test/fixtures/demo-specs) into `<root>/specs`. */
function copyDemoSpecs(root: string): void {
  mkdirSync(join(root, 'specs'), { recursive: true });
  for (const file of ['constants.ts', 'core.capability.ts', 'ping.command.ts', 'pinged.event.ts']) {
    const text = readFileSync(join(PROJECT_ROOT, 'test/fixtures/demo-specs', file), 'utf8');
    writeFileSync(join(root, 'specs', file), text);
  }
}

function project(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), 'contracts-config-'));
  roots.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(
      join(root, path),
      typeof contents === 'string' ? contents : JSON.stringify(contents),
    );
  }
  return root;
}

async function configError(cwd: string, flags = {}): Promise<string> {
  const error = await resolveGenerateSettings(cwd, flags).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).message;
}

describe('contracts.config.json', () => {
  it('flags override the config, which overrides the defaults', async () => {
    const root = project({
      'contracts.config.json': {
        out: 'src/generated',
        importExtension: 'none',
        specs: 'api/**/*.ts',
      },
      'api/a.ts': '',
      'specs/b.ts': '',
    });
    const fromConfig = await resolveGenerateSettings(root, {});
    expect(fromConfig.outDir).toBe(join(root, 'src/generated'));
    expect(fromConfig.specFiles).toStrictEqual([join(root, 'api/a.ts')]);
    expect(fromConfig.emitters.imports).toStrictEqual({
      runtime: { kind: 'package', specifier: 'contracts-runtime' },
      importExtension: '',
    });
    const fromFlags = await resolveGenerateSettings(root, {
      out: 'elsewhere',
      specs: 'specs',
      importExtension: '.js',
      runtime: '@acme/runtime',
    });
    expect(fromFlags.outDir).toBe(join(root, 'elsewhere'));
    expect(fromFlags.specFiles).toStrictEqual([join(root, 'specs/b.ts')]);
    expect(fromFlags.emitters.imports).toStrictEqual({
      runtime: { kind: 'package', specifier: '@acme/runtime' },
      importExtension: '.js',
    });
    const defaults = await resolveGenerateSettings(project({ 'specs/c.ts': '' }), {});
    expect(defaults.configPath).toBeUndefined();
    expect(defaults.outDir.endsWith('/generated')).toBe(true);
    expect(defaults.emitters.imports.importExtension).toBe('.js');
  });

  it('is found by walking up, paths resolve against its folder, and --config picks another', async () => {
    const root = project({
      'contracts.config.json': { specs: ['contracts/**/*.ts'], out: 'out', runtime: './rt' },
      'contracts/a.ts': '',
      'nested/deeper/.keep': '',
      'other/contracts.config.json': { specs: ['*.ts'], out: 'other-out' },
      'other/x.ts': '',
    });
    const found = await resolveGenerateSettings(join(root, 'nested/deeper'), {});
    expect(found.configPath).toBe(join(root, 'contracts.config.json'));
    expect(found.rootDir).toBe(root);
    expect(found.specFiles).toStrictEqual([join(root, 'contracts/a.ts')]);
    expect(found.outDir).toBe(join(root, 'out'));
    expect(found.emitters.imports.runtime).toStrictEqual({ kind: 'folder', fromOut: '../rt' });
    const chosen = await resolveGenerateSettings(join(root, 'nested'), {
      config: '../other/contracts.config.json',
    });
    expect(chosen.specFiles).toStrictEqual([join(root, 'other/x.ts')]);
    expect(chosen.outDir).toBe(join(root, 'other/other-out'));
  });

  it('reads contracts.config.mjs exporting defineConfig', async () => {
    const entry = join(PROJECT_ROOT, 'packages/codegen/dist/index.js');
    const root = project({
      'contracts.config.mjs': `import { defineConfig } from ${JSON.stringify(entry)};\nexport default defineConfig({ out: 'mjs-out' });\n`,
    });
    expect((await resolveGenerateSettings(root, {})).outDir).toBe(join(root, 'mjs-out'));
  });

  it('leaves out *.test.ts, *.d.ts and the exclude globs', async () => {
    const root = project({
      'contracts.config.json': { specs: ['contracts/**/*.ts'], exclude: ['contracts/drafts/**'] },
      'contracts/a.ts': '',
      'contracts/a.test.ts': '',
      'contracts/types.d.ts': '',
      'contracts/drafts/b.ts': '',
      'contracts/deep/c.ts': '',
    });
    expect((await resolveGenerateSettings(root, {})).specFiles).toStrictEqual([
      join(root, 'contracts/a.ts'),
      join(root, 'contracts/deep/c.ts'),
    ]);
  });

  it('refuses an unknown key with its path and a suggestion', async () => {
    const root = project({
      'contracts.config.json': { outt: 'x', surfaces: { docs: { locle: 'en' } } },
    });
    const message = await configError(root);
    expect(message).toContain(`invalid config ${join(root, 'contracts.config.json')}:`);
    expect(message).toContain('outt: unknown key; did you mean "out"?');
    expect(message).toContain(
      'surfaces.docs.locle: unknown key; did you mean "locale"? (known keys: out, locale, base)',
    );
  });

  it('refuses a docs base that is not a URL path between slashes, and keeps one that is', async () => {
    for (const base of ['contracts', '/contracts', 'contracts/']) {
      const root = project({ 'contracts.config.json': { surfaces: { docs: { base } } } });
      expect(await configError(root)).toContain(
        'surfaces.docs.base: must be a URL path that starts and ends with "/", e.g. "/contracts/"',
      );
    }
    for (const base of ['/', '/contracts/', '/docs/api/']) {
      const root = project({ 'contracts.config.json': { surfaces: { docs: { base } } } });
      expect((await resolveGenerateSettings(root, {})).emitters.docs).toMatchObject({ base });
    }
  });

  it('refuses a wrong type with the key path', async () => {
    const root = project({ 'contracts.config.json': { out: 3, importExtension: '.mjs' } });
    const message = await configError(root);
    expect(message).toMatch(/\n {2}out: .*expected string/);
    expect(message).toMatch(/\n {2}importExtension: /);
    for (const specs of [5, true, { a: 1 }]) {
      expect(await configError(project({ 'contracts.config.json': { specs } }))).toContain(
        '\n  specs: expected a glob or a non-empty list of globs',
      );
    }
  });

  it('refuses a surface turned off that another imports, and a locale without a catalog', async () => {
    expect(
      await configError(project({ 'contracts.config.json': { surfaces: { types: false } } })),
    ).toBe('surfaces.types is off, but the zod surface imports it; turn zod off too, or types on');
    expect(
      await configError(
        project({ 'contracts.config.json': { surfaces: { docs: { locale: 'xx' } } } }),
      ),
    ).toBe('surfaces.docs.locale: no label catalog for "xx" (available: en, fr)');
  });

  it('generate reports a bad config as a usage error (exit 2) and writes nothing', () => {
    const root = project({ 'contracts.config.json': '{ "out": ', 'specs/a.ts': '' });
    const result = runCli(['generate'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      `config ${join(root, 'contracts.config.json')} is not valid JSON`,
    );
  });

  it('a surface switched off is neither written nor re-exported by the barrel', () => {
    const root = project({
      'contracts.config.json': {
        specs: 'specs/**/*.ts',
        out: 'out',
        surfaces: { handlers: false, docs: false },
      },
    });
    copyDemoSpecs(root);
    const result = runCli(['generate'], root);
    expect(result.stderr).toContain('wrote');
    expect(result.status).toBe(0);
    const index = readFileSync(join(root, 'out/demo/index.ts'), 'utf8');
    expect(index).toContain("export * from './client.js';");
    expect(index).not.toContain('handlers');
    expect(() => readFileSync(join(root, 'out/demo/handlers.ts'))).toThrow(/ENOENT/);
    expect(() => readFileSync(join(root, 'out/docs/index.md'))).toThrow(/ENOENT/);
  });

  it('with the ir surface off, the tree is marked by .contracts-tree and a changed spec regenerates it', () => {
    const root = project({
      'contracts.config.json': { specs: 'specs/**/*.ts', out: 'out', surfaces: { ir: false } },
    });
    copyDemoSpecs(root);
    expect(runCli(['generate', '--no-cache'], root).status).toBe(0);
    const spec = join(root, 'specs/ping.command.ts');
    writeFileSync(spec, readFileSync(spec, 'utf8').replace(/description: '/, "description: 'Now "));
    const again = runCli(['generate', '--no-cache'], root);
    expect([again.status, again.stderr.match(/changed\)/)?.[0]]).toStrictEqual([0, 'changed)']);
    expect(readFileSync(join(root, 'out/.contracts-tree'), 'utf8')).toMatch(
      /^Written by contracts generate/,
    );
    expect(() => readFileSync(join(root, 'out/ir.json'))).toThrow(/ENOENT/);
  });

  it('ships a JSON Schema equal to the one derived from the config schema', () => {
    const shipped = JSON.parse(
      readFileSync(
        join(PROJECT_ROOT, 'packages/codegen/schemas/contracts.config.schema.json'),
        'utf8',
      ),
    ) as unknown;
    expect(shipped).toStrictEqual(configJsonSchema());
  });
});
