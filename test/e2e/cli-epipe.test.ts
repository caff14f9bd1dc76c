import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, PROJECT_ROOT } from '../support/cli.js';

/*
 * `contracts … --help | head -3`: the reader closes the pipe before the help is written. Here the
 * read end is closed at once, before the CLI writes anything, so every write to stdout meets EPIPE.
 */

interface Outcome {
  code: number | null;
  stderr: string;
}

/** Runs `contracts <args>` with a stdout whose reader is already gone. */
function runWithClosedStdout(args: readonly string[]): Promise<Outcome> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, stderr })));
}

describe('contracts with a closed stdout', () => {
  it.each(['harness --help', 'harness run --help', 'call --help', '--help'])(
    '`contracts %s` ends quietly with exit 0',
    async (args) => {
      expect(await runWithClosedStdout(args.split(' '))).toStrictEqual({ code: 0, stderr: '' });
    },
  );

  it('keeps the exit code of a command that fails: generate --check on a missing tree exits 1', async () => {
    const out = mkdtempSync(join(tmpdir(), 'contracts-epipe-'));
    try {
      const outcome = await runWithClosedStdout([
        'generate',
        '--check',
        '--out',
        out,
        '--format',
        'json',
      ]);
      expect(outcome).toStrictEqual({ code: 1, stderr: '' });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
