import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { CLI } from '../support/cli.js';

/** The case script of these tests (see scripts/case.mjs). */
export const CASE_SCRIPT = fileURLToPath(new URL('./scripts/case.mjs', import.meta.url));

/** This process's environment without CONTRACTS_STATE_DIR (tests pick the state directory). */
function cliEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.CONTRACTS_STATE_DIR;
  return env;
}

/** What a finished `contracts` process left. */
export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `contracts <args>` in `cwd` to the end, with `input` on stdin. */
export function contracts(args: readonly string[], cwd: string, input = ''): CliRun {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    input,
    encoding: 'utf8',
    env: cliEnv(),
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A `contracts` process left running, and a promise of how it ended. */
export interface RunningCli {
  child: ChildProcess;
  done: Promise<CliRun & { signal: NodeJS.Signals | null }>;
}

/** Starts `contracts <args>` in `cwd` without waiting for it. */
export function startContracts(args: readonly string[], cwd: string): RunningCli {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cliEnv(),
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<CliRun & { signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
  return { child, done };
}

/** A scratch project folder (the CLI's `--cwd`). */
export interface Project {
  dir: string;
  /** Writes `relative` (JSON for objects), creating folders. */
  write(relative: string, content: string | object): string;
  /** Every file under `relative` (default: the whole project), sorted; [] when it does not exist. */
  files(relative?: string): string[];
  remove(): void;
}

/** Creates a {@link Project} in the OS temp folder. */
export function createProject(): Project {
  const dir = mkdtempSync(path.join(tmpdir(), 'cli-harness-'));
  const files = (relative = '.'): string[] => {
    const root = path.join(dir, relative);
    const walk = (prefix: string): string[] => {
      let entries;
      try {
        entries = readdirSync(path.join(root, prefix), { withFileTypes: true });
      } catch {
        return [];
      }
      return entries.flatMap((entry) => {
        const name = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
        return entry.isDirectory() ? walk(name) : [name];
      });
    };
    return walk('').sort();
  };
  return {
    dir,
    write(relative, content) {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
      return file;
    },
    files,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The executor of these tests: scripts/case.mjs with this node. */
export function caseExecutor(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { kind: 'command', argv: [process.execPath, CASE_SCRIPT], ...extra };
}

/** Replaces run ids, evaluation ids and durations so output can be compared exactly. */
export function steady(text: string): string {
  return text
    .replace(/hr-[0-9a-f]{16}/g, 'hr-ID')
    .replace(/he-[0-9a-f]{16}/g, 'he-ID')
    .replace(/\d+ ms\b/g, 'N ms')
    .replace(/"durationMs": \d+/g, '"durationMs": 0');
}

/** Polls `check` every 50 ms until it returns a value other than undefined (up to `ms`). */
export async function waitFor<T>(check: () => T | undefined, ms = 60_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
