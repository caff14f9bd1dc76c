import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import module from 'node:module';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../support/cli.js';
import { syntheticProject } from '../support/synthetic-project.js';
import { hashTree } from '../support/tree.js';

let project = '';
let cacheDir = '';

beforeEach(() => {
  project = syntheticProject('contracts-compile-cache-', 2);
  cacheDir = mkdtempSync(join(tmpdir(), 'contracts-v8-cache-'));
});

afterEach(() => {
  rmSync(project, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

function generate(out: string, env: NodeJS.ProcessEnv): CliResult {
  const result = runCli(['generate', '--no-cache', '--out', out], project, {
    V8_COMPILE_CACHE_CACHE_DIR: cacheDir,
    ...env,
  });
  expect(result.stderr).not.toMatch(/ - error /);
  expect(result.status).toBe(0);
  return result;
}

const MAP = () => join(cacheDir, 'contracts-generate.MAP');

// Node 22.1+ has its own compile cache (module.enableCompileCache), which the bin uses instead.
const nodeHasCompileCache =
  typeof (module as { enableCompileCache?: unknown }).enableCompileCache === 'function';

describe.skipIf(nodeHasCompileCache)('the compile cache (Node 20)', () => {
  it("keeps TypeScript's compiled parser after a generate, and a run that reads it writes the same tree", () => {
    generate('first', {});
    const cached = Object.keys(JSON.parse(readFileSync(MAP(), 'utf8')) as object);
    expect(cached.some((file) => file.endsWith('/typescript.js'))).toBe(true);
    generate('second', {});
    expect(hashTree(join(project, 'second'))).toEqual(hashTree(join(project, 'first')));
  });

  it('that cannot be written is a warning at exit, and the command still succeeds', () => {
    mkdirSync(join(cacheDir, 'contracts-generate.BLOB'));
    const result = generate('generated', {});
    expect(result.stderr).toContain('contracts: warning: cannot write the compile cache (EISDIR)');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('is not written with DISABLE_V8_COMPILE_CACHE=1', () => {
    generate('generated', { DISABLE_V8_COMPILE_CACHE: '1' });
    expect(existsSync(MAP())).toBe(false);
  });

  it('is not used by the commands that run with V8 defaults', () => {
    const result = runCli(['--version'], project, { V8_COMPILE_CACHE_CACHE_DIR: cacheDir });
    expect(result.status).toBe(0);
    expect(existsSync(MAP())).toBe(false);
  });
});
