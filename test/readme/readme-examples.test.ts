import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { PROJECT_ROOT } from '../support/cli.js';

/**
 * Every README shell example marked to run works as written. The marker is the fence's info
 * string: a block opened with "```sh run" runs here; a plain "```sh" block is shown only (it
 * installs from a registry, starts a server, or needs a build). Each marked block runs with
 * `sh -e` in a temporary copy of the files the examples read (examples/, suites/, executors/, package.json),
 * with the repository's node_modules linked in so `npx contracts` is the built CLI, and must
 * exit 0.
 */

const README = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
const BLOCKS = [...README.matchAll(/^```sh run\n([\s\S]*?)^```$/gm)].map((match) => match[1]!);

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'readme-examples-'));
  for (const entry of ['examples', 'suites', 'executors', 'package.json']) {
    cpSync(path.join(PROJECT_ROOT, entry), path.join(dir, entry), { recursive: true });
  }
  symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README shell examples marked "sh run"', () => {
  test('there are some', () => {
    expect(BLOCKS.length).toBeGreaterThanOrEqual(2);
  });

  test.each(BLOCKS.map((block) => [block.split('\n')[0], block]))('%s', (_first, block) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CONTRACTS_STATE_DIR;
    const result = spawnSync('sh', ['-e', '-c', block as string], {
      cwd: dir,
      encoding: 'utf8',
      env,
      timeout: 120_000,
    });
    expect([result.status, result.status === 0 ? '' : result.stderr]).toStrictEqual([0, '']);
  });
});
