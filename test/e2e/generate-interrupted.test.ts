import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { interruptChild } from '../support/interrupt-child.js';
import { copyRepoForGenerate, GENERATED_PATH } from '../support/repo-generation.js';

let root: string | undefined;
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

/** The staging folders beside the generated tree. */
const stagings = (tree: string) =>
  readdirSync(dirname(tree)).filter((name) => name.startsWith('.generated.tmp-'));

describe('contracts generate interrupted while it stages a new tree', () => {
  it('removes its staging folder on Ctrl-C, exits 130 and leaves the old tree as it was', async () => {
    root = copyRepoForGenerate('contracts-interrupt-');
    const tree = join(root, GENERATED_PATH);
    // ir.json is emitted first: once it differs, the staging folder opens for the whole emit.
    const stale = `${readFileSync(join(tree, 'ir.json'), 'utf8')} `;
    writeFileSync(join(tree, 'ir.json'), stale);
    const child = spawn(process.execPath, [CLI, 'generate', '--no-cache'], {
      cwd: root,
      stdio: 'ignore',
    });
    while (stagings(tree).length === 0) {
      if (child.exitCode !== null)
        throw new Error(`generate ended (${child.exitCode}) before staging`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const code = await interruptChild(child);
    expect([code, stagings(tree), readFileSync(join(tree, 'ir.json'), 'utf8')]).toStrictEqual([
      130,
      [],
      stale,
    ]);
  });
});
