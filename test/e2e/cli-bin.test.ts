import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/cli.js';

const BIN = join(PROJECT_ROOT, 'packages/codegen/bin/contracts.mjs');

let folder: string | undefined;
afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
  folder = undefined;
});

/**
 * A package folder holding the real bin beside stand-ins for the bundled CLI and the compiled
 * modules (each prints its name), with the given modification times in seconds (undefined: no
 * such file); returns what the bin printed.
 */
function runBin(times: { bundle?: number; buildInfo?: number }): string {
  folder = mkdtempSync(join(tmpdir(), 'contracts-bin-'));
  mkdirSync(join(folder, 'bin'));
  copyFileSync(BIN, join(folder, 'bin', 'contracts.mjs'));
  const stand = (path: string, text: string, seconds: number | undefined) => {
    mkdirSync(join(folder!, path, '..'), { recursive: true });
    writeFileSync(join(folder!, path), text);
    if (seconds !== undefined) utimesSync(join(folder!, path), seconds, seconds);
    else rmSync(join(folder!, path));
  };
  stand('dist/cli/main.js', "console.log('modules');\n", 1_000);
  stand('dist/cli-bundle/main.js', "console.log('bundle');\n", times.bundle);
  stand('dist/.tsbuildinfo', '{}', times.buildInfo);
  writeFileSync(join(folder, 'package.json'), '{"type":"module"}');
  const result = spawnSync(process.execPath, [join(folder, 'bin', 'contracts.mjs')], {
    encoding: 'utf8',
  });
  expect(result.stderr).toBe('');
  return result.stdout.trim();
}

describe('the contracts bin', () => {
  it('runs the bundled CLI of an installed package (no build info)', () => {
    expect(runBin({ bundle: 2_000 })).toBe('bundle');
  });

  it('runs the bundled CLI when it was bundled after the last tsc build', () => {
    expect(runBin({ bundle: 2_000, buildInfo: 1_500 })).toBe('bundle');
  });

  it('runs the compiled modules when tsc built after the bundle', () => {
    expect(runBin({ bundle: 2_000, buildInfo: 2_500 })).toBe('modules');
  });
});
