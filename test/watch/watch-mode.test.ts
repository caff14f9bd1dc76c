import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { hashTree } from '../support/tree.js';
import { syntheticProject } from '../support/synthetic-project.js';

/*
 * `contracts generate --watch` in a temporary project. Every step waits for the line the watcher
 * prints after a rebuild, never for a fixed time, and every watcher is stopped by its pid.
 */

interface Watcher {
  readonly child: ChildProcess;
  /** Resolves with the first stderr line after the `from`-th that matches, and its index. */
  waitFor(pattern: RegExp, from?: number): Promise<{ line: string; index: number }>;
  readonly lines: string[];
  readonly exited: Promise<number | null>;
}

const TIMEOUT_MS = 30_000;
let project = '';
let watcher: Watcher | undefined;

function startWatcher(cwd: string, cache: string[] = ['--no-cache']): Watcher {
  const child = spawn(process.execPath, [CLI, 'generate', '--watch', ...cache], {
    cwd,
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: {
    pattern: RegExp;
    from: number;
    done: (hit: { line: string; index: number }) => void;
  }[] = [];
  let partial = '';
  const settle = () => {
    for (const waiter of [...waiters]) {
      const index = lines.findIndex((line, at) => at >= waiter.from && waiter.pattern.test(line));
      if (index >= 0) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.done({ line: lines[index]!, index });
      }
    }
  };
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
    settle();
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return {
    child,
    lines,
    exited,
    waitFor: (pattern, from = 0) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line matching ${pattern} in:\n${lines.join('\n')}`)),
          TIMEOUT_MS,
        );
        waiters.push({
          pattern,
          from,
          done: (hit) => {
            clearTimeout(timer);
            resolve(hit);
          },
        });
        settle();
      }),
  };
}

const REBUILT = /^contracts: rebuilt: \d+ files? changed in \d+ ms; 0 errors, 0 warnings$/;

async function started(cache?: string[]): Promise<Watcher> {
  const started = startWatcher(project, cache);
  watcher = started;
  await started.waitFor(/^contracts: watching \d+ paths for changes; Ctrl-C to stop$/);
  return started;
}

/** Writes `text` to `path` and resolves with the rebuild line it caused. */
async function edit(w: Watcher, path: string, text: string, expected = REBUILT): Promise<string> {
  const from = w.lines.length;
  writeFileSync(join(project, path), text);
  return (await w.waitFor(expected, from)).line;
}

const generated = (path: string) => readFileSync(join(project, 'generated', path), 'utf8');

beforeEach(() => {
  project = syntheticProject('contracts-watch-', 3);
  // A spec no capability lists, so that deleting it leaves a valid corpus.
  const op = readFileSync(join(project, 'specs/bench/ops/op-0002.ts'), 'utf8');
  writeFileSync(
    join(project, 'specs/bench/ops/op-0900.ts'),
    op.replaceAll('0002', '0900').replace(/^.*capability: \{ key: 'bench\.core'.*\n/m, ''),
  );
});

afterEach(async () => {
  if (watcher && watcher.child.exitCode === null) {
    process.kill(watcher.child.pid!, 'SIGINT');
    await watcher.exited;
  }
  watcher = undefined;
  rmSync(project, { recursive: true, force: true });
});

describe('contracts generate --watch', () => {
  it('builds at start, rebuilds an edited spec, and exits 0 on Ctrl-C (SIGINT)', async () => {
    const w = await started();
    expect(
      w.lines.some((line) => /^contracts: built: \d+ files changed in \d+ ms/.test(line)),
    ).toBe(true);
    expect(generated('bench/registry.ts')).toContain("description: 'Synthetic operation 0001.',");
    const spec = 'specs/bench/ops/op-0001.ts';
    const text = readFileSync(join(project, spec), 'utf8');
    const line = await edit(w, spec, text.replace('Synthetic operation 0001.', 'Edited once.'));
    expect(line).toMatch(REBUILT);
    expect(generated('bench/registry.ts')).toContain("description: 'Edited once.',");
    expect(generated('bench/registry.ts')).not.toContain('Synthetic operation 0001.');
    process.kill(w.child.pid!, 'SIGINT');
    expect(await w.exited).toBe(0);
  });

  it('with the cache, rebuilds a save made while its state is still being built, then later ones', async () => {
    const cache = ['--cache-dir', join(project, '.contracts-cache')];
    // A first run fills the cache, so the watcher's first build is answered by it.
    const first = await started(cache);
    process.kill(first.child.pid!, 'SIGINT');
    expect(await first.exited).toBe(0);
    const w = await started(cache);
    expect(w.lines[0]).toMatch(/^contracts: built: 0 files changed/);
    const spec = 'specs/bench/ops/op-0001.ts';
    const text = readFileSync(join(project, spec), 'utf8');
    await edit(w, spec, text.replace('Synthetic operation 0001.', 'Edited at once.'));
    expect(generated('bench/client.ts')).toContain('Edited at once.');
    await edit(w, spec, text.replace('Synthetic operation 0001.', 'Edited later.'));
    expect(generated('bench/client.ts')).toContain('Edited later.');
    expect(generated('bench/client.ts')).not.toContain('Edited at once.');
  });

  it('an edit to an imported constants file rebuilds every spec that imports it', async () => {
    const w = await started();
    const constants = 'specs/bench/constants.ts';
    const text = readFileSync(join(project, constants), 'utf8');
    await edit(w, constants, text.replace("['platform.bench']", "['platform.watched']"));
    const registry = generated('bench/registry.ts');
    expect(registry.match(/owners: \['platform\.watched'\]/g)?.length).toBe(6);
    expect(registry).not.toContain('platform.bench');
  });

  it('a broken edit prints its diagnostic and keeps the last good tree', async () => {
    const w = await started();
    const before = hashTree(join(project, 'generated'));
    const spec = 'specs/bench/ops/op-0900.ts';
    const from = w.lines.length;
    await edit(
      w,
      spec,
      'export const Broken = defineCommand({\n',
      /^contracts: rebuild failed: 1 error, 0 warnings; generated\/ keeps the last good tree \(\d+ ms\)$/,
    );
    expect(w.lines.slice(from)[0]).toBe(
      "specs/bench/ops/op-0900.ts:2:1 - error SYNTAX_ERROR: '}' expected.",
    );
    expect(hashTree(join(project, 'generated'))).toStrictEqual(before);
  });

  it('deleting a spec deletes its generated files', async () => {
    const w = await started();
    const page = join(project, 'generated/docs/bench/bench.op0900.run.md');
    expect(existsSync(page)).toBe(true);
    expect(generated('bench/registry.ts')).toContain("key: 'bench.op0900.run',");
    const from = w.lines.length;
    unlinkSync(join(project, 'specs/bench/ops/op-0900.ts'));
    await w.waitFor(REBUILT, from);
    expect(existsSync(page)).toBe(false);
    expect(
      existsSync(join(project, 'generated/bench/json-schema/bench.op0900.run.input.schema.json')),
    ).toBe(false);
    expect(generated('bench/registry.ts')).not.toContain('bench.op0900.run');
  });

  it('a spec file added to a spec folder is built', async () => {
    const w = await started();
    const page = join(project, 'generated/docs/bench/bench.op0901.run.md');
    expect(existsSync(page)).toBe(false);
    const op = readFileSync(join(project, 'specs/bench/ops/op-0900.ts'), 'utf8');
    await edit(w, 'specs/bench/ops/op-0901.ts', op.replaceAll('0900', '0901'));
    expect(existsSync(page)).toBe(true);
    expect(generated('bench/registry.ts')).toContain("key: 'bench.op0901.run',");
    // The new file is watched too: an edit to it rebuilds.
    await edit(
      w,
      'specs/bench/ops/op-0901.ts',
      op
        .replaceAll('0900', '0901')
        .replace(/description: '[^']*'/, "description: 'Edited new spec.'"),
    );
    expect(generated('bench/registry.ts')).toContain("description: 'Edited new spec.',");
  });

  it('an atomic save (a temporary file renamed over the spec) rebuilds it', async () => {
    const w = await started();
    const spec = 'specs/bench/ops/op-0001.ts';
    const text = readFileSync(join(project, spec), 'utf8');
    const from = w.lines.length;
    writeFileSync(
      join(project, `${spec}.tmp`),
      text.replace('Synthetic operation 0001.', 'Saved atomically.'),
    );
    renameSync(join(project, `${spec}.tmp`), join(project, spec));
    await w.waitFor(REBUILT, from);
    expect(generated('docs/bench/bench.op0001.run.md')).toContain('Saved atomically.');
    // Still watched after the rename: a plain edit rebuilds too.
    await edit(w, spec, text.replace('Synthetic operation 0001.', 'Edited in place.'));
    expect(generated('docs/bench/bench.op0001.run.md')).toContain('Edited in place.');
  });

  it('a config change rebuilds everything', async () => {
    const w = await started();
    expect(generated('bench/index.ts')).toContain("export * from './client.js';");
    const line = await edit(
      w,
      'contracts.config.json',
      JSON.stringify({ specs: ['specs/**/*.ts'], out: 'generated', importExtension: 'none' }),
    );
    // Every file with a relative import: client, events, handlers, index and schemas.
    expect(line).toMatch(/^contracts: rebuilt: 5 files changed in/);
    expect(generated('bench/index.ts')).toContain("export * from './client';");
    expect(generated('bench/handlers.ts')).toContain("from './schemas';");
  });
});
