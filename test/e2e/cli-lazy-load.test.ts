import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT } from '../support/cli.js';

const PRELOAD = new URL('./scripts/record-loaded-modules.mjs', import.meta.url).href;
const REQUIRE_PRELOAD = fileURLToPath(
  new URL('./scripts/record-required-modules.cjs', import.meta.url),
);
const RUNTIME_PACKAGE = pathToFileURL(join(PROJECT_ROOT, 'packages/runtime/')).href;
const scratch = mkdtempSync(join(tmpdir(), 'cli-lazy-load-'));
let runs = 0;

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs `contracts <args>` and returns its exit code; every module URL Node's ESM loader loaded, in
 * order, with each one's format there (`module`, `commonjs`, `builtin`, …); and the file of every
 * CommonJS module in require's cache at exit.
 */
function modulesOf(args: readonly string[]): {
  status: number | null;
  loaded: string[];
  formats: { format: string; url: string }[];
  required: string[];
} {
  runs += 1;
  const log = (kind: string) => join(scratch, `${kind}-${runs}.txt`);
  const result = spawnSync(
    process.execPath,
    ['--import', PRELOAD, '--require', REQUIRE_PRELOAD, CLI, ...args],
    {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        NO_COLOR: '1',
        LOADED_MODULES_LOG: log('loaded'),
        LOADED_FORMATS_LOG: log('formats'),
        REQUIRED_MODULES_LOG: log('required'),
      },
      input: '',
    },
  );
  const lines = (kind: string) => readFileSync(log(kind), 'utf8').split('\n').filter(Boolean);
  const formats = lines('formats').map((line) => {
    const [format, url] = line.split(' ');
    return { format: format!, url: url! };
  });
  return { status: result.status, loaded: lines('loaded'), formats, required: lines('required') };
}

/** The loaded contracts-runtime files, relative to the package (`dist/app.js`). */
function runtimeFilesOf(loaded: readonly string[]): string[] {
  return loaded
    .filter((url) => url.startsWith(RUNTIME_PACKAGE))
    .map((url) => url.slice(RUNTIME_PACKAGE.length));
}

describe('the contracts CLI loads only what the command it runs needs', () => {
  it('the module log sees the runtime a command action loads (harness verify)', () => {
    const { status, loaded } = modulesOf([
      'harness',
      'verify',
      '--suite',
      'examples/harness/suite.json',
    ]);
    expect(status).toBe(0);
    expect(loaded).toContain(pathToFileURL(CLI).href);
    expect(runtimeFilesOf(loaded)).toContain('dist/harness/index.js');
  });

  it.each([
    [[]],
    [['init']],
    [['generate']],
    [['ir']],
    [['agent']],
    [['agent', 'work']],
    [['serve']],
    [['harness']],
    [['harness', 'run']],
    [['harness', 'verify']],
    [['call']],
    [['docs']],
    [['docs', 'serve']],
  ])('`contracts %j --help` loads no contracts-runtime module but its defaults', (command) => {
    const { status, loaded } = modulesOf([...command, '--help']);
    expect(status).toBe(0);
    expect(loaded).toContain(pathToFileURL(CLI).href);
    expect(runtimeFilesOf(loaded).filter((file) => file !== 'dist/defaults.js')).toStrictEqual([]);
  });

  it('`contracts generate` loads no runtime module beyond contracts-runtime/core', () => {
    const out = join(scratch, 'generated');
    const { status, loaded } = modulesOf(['generate', '--out', out, '--no-cache']);
    expect(status).toBe(0);
    const beyondCore = runtimeFilesOf(loaded).filter(
      (file) => !file.startsWith('dist/core/') && file !== 'dist/defaults.js',
    );
    expect(beyondCore).toStrictEqual([]);
  });

  it("a one-shot `contracts generate` renders its precompiled templates with Handlebars' runtime-only build", () => {
    const out = join(scratch, 'generated-templates');
    const { status, required } = modulesOf(['generate', '--out', out, '--no-cache']);
    expect(status).toBe(0);
    const handlebars = required.filter((file) => file.includes('/node_modules/handlebars/'));
    expect(handlebars).toContain(join(PROJECT_ROOT, 'node_modules/handlebars/runtime.js'));
    expect(handlebars.filter((file) => file.includes('/compiler/'))).toStrictEqual([]);
    expect(handlebars).not.toContain(join(PROJECT_ROOT, 'node_modules/handlebars/lib/index.js'));
  });

  it('a one-shot `contracts generate` imports no CommonJS package through the ESM loader', () => {
    // Node reads a CommonJS module's exports list before an ESM import can link it (a few ms per
    // package); the CLI requires those packages instead.
    const out = join(scratch, 'generated-formats');
    const { status, formats } = modulesOf(['generate', '--out', out, '--no-cache']);
    expect(status).toBe(0);
    expect(formats.some((one) => one.url.includes('/node_modules/'))).toBe(true);
    expect(
      formats.filter((one) => one.url.includes('/node_modules/') && one.format === 'commonjs'),
    ).toStrictEqual([]);
  });
});
