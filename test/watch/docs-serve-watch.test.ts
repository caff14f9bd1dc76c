import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';
import { syntheticProject } from '../support/synthetic-project.js';
import { interruptChild } from '../support/interrupt-child.js';

/*
 * `contracts docs serve` runs the watch loop of `generate --watch`: a saved spec rebuilds the tree,
 * the served site included, with the same `rebuilt:` line. Every wait is for a line the server
 * prints, never a fixed time; the server is stopped by its pid.
 */

const TIMEOUT_MS = 30_000;
let project = '';
let child: ChildProcess | undefined;

beforeEach(() => {
  project = syntheticProject('contracts-docs-serve-', 3);
});

afterEach(async () => {
  if (child) await interruptChild(child);
  child = undefined;
  rmSync(project, { recursive: true, force: true });
});

/** Resolves with the first line at or after `from` that matches `pattern`. */
function waitFor(lines: string[], pattern: RegExp, from: number, onLine: Set<() => void>) {
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)),
      TIMEOUT_MS,
    );
    const check = () => {
      const line = lines.slice(from).find((candidate) => pattern.test(candidate));
      if (line === undefined) return;
      onLine.delete(check);
      clearTimeout(timer);
      resolve(line);
    };
    onLine.add(check);
    check();
  });
}

describe('contracts docs serve', () => {
  it('rebuilds the served site when a spec is saved, with the watch line', async () => {
    expect(runCli(['generate', '--no-cache'], project).status).toBe(0);
    child = spawn(process.execPath, [CLI, 'docs', 'serve', '--port', '0'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const lines: string[] = [];
    const onLine = new Set<() => void>();
    let partial = '';
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
      for (const check of [...onLine]) check();
    });
    const serving = await waitFor(
      lines,
      /^contracts: serving .* at http:\/\/127\.0\.0\.1:\d+\/ /,
      0,
      onLine,
    );
    const base = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(serving)![1]!;
    await waitFor(lines, /^contracts: watching \d+ paths for changes; Ctrl-C to stop$/, 0, onLine);
    const page = `${base}en/bench/bench.op0001.run.html`;
    expect(await (await fetch(page)).text()).toContain('Synthetic operation 0001.');

    const spec = join(project, 'specs/bench/ops/op-0001.ts');
    const from = lines.length;
    writeFileSync(
      spec,
      readFileSync(spec, 'utf8').replace('Synthetic operation 0001.', 'Served edit.'),
    );
    const rebuilt = await waitFor(lines, /^contracts: rebuilt: /, from, onLine);
    expect(rebuilt).toMatch(
      /^contracts: rebuilt: \d+ files changed in \d+ ms; 0 errors, 0 warnings$/,
    );
    const served = await (await fetch(page)).text();
    expect(served).toContain('Served edit.');
    expect(served).not.toContain('Synthetic operation 0001.');

    expect(await interruptChild(child!)).toBe(0);
  }, 60_000);
});
