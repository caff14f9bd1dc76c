import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

import { childEnvironment } from '../../packages/runtime/src/process/child-env.js';
import { runCommand } from '../../packages/runtime/src/process/run-command.js';

const script = (name: string) => fileURLToPath(new URL(`./scripts/${name}`, import.meta.url));
const node = process.execPath;
const doc = (input: unknown) =>
  JSON.stringify({
    version: 1,
    suite: { id: 's', title: 'S' },
    case: { id: 'c', title: 'C', input, expected: null },
    resources: {},
  });

const leftovers: number[] = [];
const scratch: string[] = [];
afterEach(() => {
  for (const pid of leftovers.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'harness-exec-')));
  scratch.push(dir);
  return dir;
}

/** Running (a zombie awaiting its reaper counts as gone; Linux reports it in /proc). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true;
  }
}

describe('runCommand', () => {
  test('passes the case document on stdin and captures both streams', async () => {
    const stdin = doc({ echoDocument: true, stderr: ['to stderr'], exitCode: 4 });
    const result = await runCommand({ argv: [node, script('respond.mjs')], stdin });
    expect({
      outcome: result.outcome,
      exitCode: result.exitCode,
      signal: result.signal,
      error: result.error,
      stdout: result.stdout.captured.toString(),
      stderr: result.stderr.captured.toString(),
      truncated: [result.stdout.truncated, result.stderr.truncated],
    }).toStrictEqual({
      outcome: 'exited',
      exitCode: 4,
      signal: null,
      error: null,
      stdout: stdin,
      stderr: 'to stderr',
      truncated: [false, false],
    });
  });

  test('never uses a shell: metacharacters reach the program verbatim', async () => {
    const result = await runCommand({
      argv: [node, '-e', 'process.stdout.write(process.argv[1])', '$HOME; echo hi | cat'],
      stdin: '',
    });
    expect(result.stdout.captured.toString()).toBe('$HOME; echo hi | cat');
  });

  test('the child gets a clean environment: the allowlist and what the caller adds; cwd is honoured', async () => {
    const cwd = tempDir();
    process.env.HARNESS_PARENT_VALUE = 'from-parent';
    process.env.CONTRACTS_TOKENS = 'admin:server-secret';
    try {
      const script =
        'process.stdout.write([process.env.HARNESS_PARENT_VALUE, process.env.CONTRACTS_TOKENS, process.env.ADDED, typeof process.env.PATH, process.cwd()].join("|"))';
      const clean = await runCommand({ argv: [node, '-e', script], cwd, stdin: '' });
      const added = await runCommand({
        argv: [node, '-e', script],
        cwd,
        env: childEnvironment(process.env, ['HARNESS_PARENT_VALUE', 'CONTRACTS_TOKENS'], {
          ADDED: 'from-executor',
        }),
        stdin: '',
      });
      expect([clean.stdout.captured.toString(), added.stdout.captured.toString()]).toStrictEqual([
        `|||string|${cwd}`,
        `from-parent||from-executor|string|${cwd}`,
      ]);
    } finally {
      delete process.env.HARNESS_PARENT_VALUE;
      delete process.env.CONTRACTS_TOKENS;
    }
  });

  test('a missing binary is a spawn error with its message', async () => {
    const result = await runCommand({ argv: ['definitely-not-a-binary-4711'], stdin: 'x' });
    expect([result.outcome, result.exitCode, result.error]).toStrictEqual([
      'spawn-error',
      null,
      'command not found: definitely-not-a-binary-4711 (searched PATH)',
    ]);
  });

  test('a missing cwd is a spawn error too', async () => {
    const result = await runCommand({
      argv: [node, '-e', ''],
      cwd: path.join(tempDir(), 'missing'),
      stdin: '',
    });
    expect(result.outcome).toBe('spawn-error');
  });

  test('a child that never reads a 10 MiB stdin does not crash the run', async () => {
    const stdin = Buffer.alloc(10 * 1024 * 1024, 'y');
    const immediate = await runCommand({ argv: [node, script('no-read.mjs')], stdin });
    const delayed = await runCommand({ argv: [node, script('no-read.mjs'), '200'], stdin });
    expect([
      immediate.outcome,
      immediate.exitCode,
      immediate.stdout.captured.toString(),
    ]).toStrictEqual(['exited', 0, 'did not read\n']);
    expect([delayed.outcome, delayed.exitCode, delayed.stdout.captured.toString()]).toStrictEqual([
      'exited',
      0,
      'did not read\n',
    ]);
  });

  test('timeout kills the group: a grandchild ignoring SIGTERM dies by SIGKILL', async () => {
    const pidFile = path.join(tempDir(), 'pid');
    const result = await runCommand({
      argv: [node, script('grandchild.mjs'), 'same-group', pidFile],
      stdin: '',
      timeoutMs: 1000,
      killGraceMs: 300,
    });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(grandchild);
    expect([result.outcome, result.error, result.stdout.captured.toString()]).toStrictEqual([
      'timed-out',
      'timed out after 1000 ms',
      'started\n',
    ]);
    // Ends near the timeout, not when the 30 s sleeps end.
    expect(result.durationMs).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(isAlive(grandchild)).toBe(false);
  });

  test('timeout does not wait for an escaped grandchild that holds the pipes', async () => {
    const pidFile = path.join(tempDir(), 'pid');
    const result = await runCommand({
      argv: [node, script('grandchild.mjs'), 'escaped', pidFile],
      stdin: '',
      timeoutMs: 1000,
      killGraceMs: 300,
    });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(grandchild);
    expect([result.outcome, result.signal, result.stdout.captured.toString()]).toStrictEqual([
      'timed-out',
      'SIGTERM',
      'started\n',
    ]);
    expect(result.durationMs).toBeLessThan(10_000);
    // Out of the group's reach, still alive and holding the pipes: the run did not wait for it.
    expect(isAlive(grandchild)).toBe(true);
  });

  test('a child that exits while its grandchild holds the pipes settles one grace later', async () => {
    const pidFile = path.join(tempDir(), 'pid');
    const result = await runCommand({
      argv: [node, script('grandchild.mjs'), 'same-group', pidFile, 'exit'],
      stdin: '',
      killGraceMs: 300,
    });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    leftovers.push(grandchild);
    expect([
      result.outcome,
      result.exitCode,
      result.error,
      result.stdout.captured.toString(),
    ]).toStrictEqual(['exited', 0, null, 'started\n']);
    expect(result.durationMs).toBeLessThan(10_000);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The leftover of the case's process group does not outlive the case.
    expect(isAlive(grandchild)).toBe(false);
  });

  test('a child ignoring SIGTERM is SIGKILLed after the grace', async () => {
    const result = await runCommand({
      argv: [node, script('ignore-term.mjs')],
      stdin: '',
      timeoutMs: 500,
      killGraceMs: 200,
    });
    expect([result.outcome, result.exitCode, result.signal]).toStrictEqual([
      'timed-out',
      null,
      'SIGKILL',
    ]);
    expect(result.durationMs).toBeLessThan(10_000);
  });

  test('an abort signal kills the group and marks the run aborted', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 300);
    const result = await runCommand({
      argv: [node, script('ignore-term.mjs')],
      stdin: '',
      killGraceMs: 200,
      signal: controller.signal,
    });
    expect([result.outcome, result.error, result.signal]).toStrictEqual([
      'aborted',
      'cancelled',
      'SIGKILL',
    ]);
  });

  test('an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await runCommand({
      argv: [node, '-e', ''],
      stdin: '',
      signal: controller.signal,
    });
    expect([result.outcome, result.error, result.exitCode]).toStrictEqual([
      'aborted',
      'cancelled before start',
      null,
    ]);
  });

  test('needles written in separate pieces are tracked over the whole stream', async () => {
    const stdin = doc({ stdout: ['al', 'pha', ' be', 'ta'], stderr: ['gam', 'ma'], pauseMs: 30 });
    const result = await runCommand({
      argv: [node, script('respond.mjs')],
      stdin,
      captureLimitBytes: 3,
      needles: { stdout: ['alpha', 'beta', 'Beta'], stderr: ['gamma'] },
    });
    expect({
      stdout: result.stdout.captured.toString(),
      truncated: result.stdout.truncated,
      totalBytes: result.stdout.totalBytes,
      found: [...result.stdout.found].sort(),
      stderrFound: [...result.stderr.found],
    }).toStrictEqual({
      stdout: 'alp',
      truncated: true,
      totalBytes: 10,
      found: ['alpha', 'beta'],
      stderrFound: ['gamma'],
    });
  });
});
