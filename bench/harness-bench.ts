import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarnessClient } from '../packages/runtime/src/generated/harness/client.js';
import { createAppRuntime } from '../packages/runtime/src/app-runtime.js';
import { localTransport } from '../packages/runtime/src/local-transport.js';
import { resolveRuntimeOptions } from '../packages/runtime/src/runtime-options.js';

const CASES = 500;
const CONCURRENCIES = [1, 2] as const;

/** The trivial command: `true`, else an empty node script. */
function trivialArgv(): string[] {
  const binary = ['/bin/true', '/usr/bin/true'].find((file) => existsSync(file));
  return binary ? [binary] : [process.execPath, '-e', ''];
}

/** One bare spawn the way the executor spawns (piped stdio, own process group, stdin closed). */
function bareSpawn(argv: readonly string[], stdin: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(argv[0]!, argv.slice(1), {
      stdio: ['pipe', 'pipe', 'pipe'],
      detached: true,
    });
    child.on('error', reject);
    child.stdin.on('error', () => undefined);
    child.stdout.resume();
    child.stderr.resume();
    child.stdin.end(stdin);
    child.on('close', () => resolve());
  });
}

/** Wall time, in ms, of `count` bare spawns, `concurrency` at a time. */
async function bareWallMs(
  argv: readonly string[],
  count: number,
  concurrency: number,
): Promise<number> {
  const stdin = `${JSON.stringify({ version: 1, case: { id: 'c', input: {} } })}\n`;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await bareSpawn(argv, stdin);
      }
    }),
  );
  return performance.now() - started;
}

/** Wall time, in ms, of one `harness.run.start` of the suite through the generated client. */
async function harnessWallMs(
  cwd: string,
  argv: readonly string[],
  concurrency: number,
): Promise<number> {
  const app = await createAppRuntime(
    resolveRuntimeOptions({
      cwd,
      stateDir: join(cwd, `.contracts-${concurrency}`),
      agentWorker: 'none',
      // The local runtime of `contracts harness run`, which takes an inline executor.
      inlineExecutors: true,
    }),
  );
  const client = createHarnessClient(
    localTransport(app.routerFor('harness.run.start'), {
      actor: { kind: 'user' },
      onEvent: app.onEvent,
    }),
  );
  try {
    const started = performance.now();
    const { run } = await client.run.start({
      suiteKey: 'bench',
      metadata: { executor: { kind: 'command', argv: [...argv] }, concurrency },
    });
    const wall = performance.now() - started;
    if (run.status !== 'completed') throw new Error(`bench run ended ${run.status}`);
    return wall;
  } finally {
    await app.close();
  }
}

/**
 * Issue #3's benchmark: a 500-case suite whose executor is a trivial command (`true`), run through
 * `harness.run.start` (generated client, router, executor, evaluator, run record, evidence and
 * timeline writes) at concurrency 1 and 2, next to 500 bare spawns of the same command measured in
 * the same run (the mean of one series before and one after). Prints cases/s and the overhead per
 * case above the bare spawn (target: < 2 ms).
 * Asserts nothing.
 */
export async function runHarnessBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'contracts-harness-bench-'));
  try {
    const argv = trivialArgv();
    mkdirSync(join(work, 'suites'));
    const cases = Array.from({ length: CASES }, (_, index) => ({
      id: `case-${index}`,
      title: `Case ${index}`,
      input: { index },
    }));
    writeFileSync(
      join(work, 'suites/bench.json'),
      JSON.stringify({ id: 'bench', title: 'Bench', cases }),
    );
    console.log(`harness benchmark: ${CASES} cases of \`${argv.join(' ')}\``);
    await bareWallMs(argv, 20, 1);
    for (const concurrency of CONCURRENCIES) {
      // Bare spawns before and after the run, so a load change during the run skews both sides.
      const before = await bareWallMs(argv, CASES, concurrency);
      const harness = await harnessWallMs(work, argv, concurrency);
      const bare = (before + (await bareWallMs(argv, CASES, concurrency))) / 2;
      const overhead = (harness - bare) / CASES;
      console.log(
        `  concurrency ${concurrency}: ${Math.round((CASES * 1000) / harness)} cases/s ` +
          `(${Math.round(harness)} ms); bare spawn ${Math.round((CASES * 1000) / bare)} spawns/s ` +
          `(${Math.round(bare)} ms); overhead ${overhead.toFixed(2)} ms per case (target < 2 ms)`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
