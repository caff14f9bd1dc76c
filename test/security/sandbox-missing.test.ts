import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { runCommand } from '../../packages/runtime/src/process/run-command.js';

const savedPath = process.env.PATH;
const dirs: string[] = [];
afterEach(() => {
  process.env.PATH = savedPath;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

test('a sandboxed command without bubblewrap fails with what to install, and never runs unsandboxed', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'contracts-nobwrap-'));
  const marker = join(empty, 'ran');
  dirs.push(empty);
  process.env.PATH = empty;
  const result = await runCommand({
    argv: [process.execPath, '-e', `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x')`],
    stdin: '',
    sandbox: { kind: 'bwrap', network: false, hidden: [], readable: [], writable: [] },
  });
  expect([result.outcome, result.error, existsSync(marker)]).toStrictEqual([
    'spawn-error',
    'sandbox "bwrap" requested but bubblewrap is not installed (no bwrap on PATH); install the Debian package bubblewrap',
    false,
  ]);
});
