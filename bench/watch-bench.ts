import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './timing.js';

const CLI = fileURLToPath(new URL('../../packages/codegen/bin/contracts.mjs', import.meta.url));

/** Rebuild latencies of watch mode, in ms. */
export interface WatchFigures {
  /** From writing the spec to the `rebuilt:` line, median over the edits. */
  readonly medianMs: number;
  /** The rebuild's own time as the line prints it, median. */
  readonly printedMedianMs: number;
  readonly samples: readonly number[];
}

/**
 * Starts `contracts generate --watch --specs specs --out <out>` in `project`, edits `spec` (a path
 * relative to `project`) `edits` times, one edit after the previous rebuild's line, then puts the
 * spec's text back and stops the watcher by its pid with SIGINT.
 * @throws Error when the watcher exits early or a rebuild fails.
 */
export async function measureWatchRebuilds(
  project: string,
  out: string,
  spec: string,
  edits: number,
): Promise<WatchFigures> {
  const path = join(project, spec);
  const original = readFileSync(path, 'utf8');
  const child = spawn(
    process.execPath,
    [CLI, 'generate', '--watch', '--no-cache', '--specs', 'specs', '--out', out],
    { cwd: project, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let buffer = '';
  let waiting:
    { pattern: RegExp; done: (line: string) => void; fail: (error: Error) => void } | undefined;
  // A failed rebuild or an early exit rejects the wait, so the watcher is still stopped below.
  let failure: Error | undefined;
  const fail = (error: Error) => {
    failure ??= error;
    waiting?.fail(failure);
    waiting = undefined;
  };
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) {
      if (/rebuild failed/.test(line)) fail(new Error(`watch rebuild failed: ${line}`));
      else if (waiting?.pattern.test(line)) {
        const { done } = waiting;
        waiting = undefined;
        done(line);
      }
    }
  });
  const next = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      if (failure) reject(failure);
      else waiting = { pattern, done: resolve, fail: reject };
    });
  let stopping = false;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      if (!stopping) fail(new Error(`the watcher exited early (code ${code})`));
      resolve();
    }),
  );
  try {
    await next(/^contracts: watching /);
    const samples: number[] = [];
    const printed: number[] = [];
    for (let edit = 0; edit < edits; edit += 1) {
      const line = next(/^contracts: rebuilt: /);
      const started = performance.now();
      writeFileSync(path, original.replace(/description: '[^']*'/, `description: 'Edit ${edit}.'`));
      const text = await line;
      samples.push(performance.now() - started);
      printed.push(Number(/in (\d+) ms/.exec(text)![1]));
    }
    return { medianMs: median(samples), printedMedianMs: median(printed), samples };
  } finally {
    writeFileSync(path, original);
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) process.kill(child.pid!, 'SIGINT');
    await exited;
  }
}

// As a script: `node dist/bench/watch-bench.js <project> <out> <spec> <edits>` prints the figures.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [project, out, spec, edits] = process.argv.slice(2);
  const figures = await measureWatchRebuilds(project!, out!, spec!, Number(edits));
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
