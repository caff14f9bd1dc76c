import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarnessClient } from '../packages/runtime/src/generated/harness/client.js';
import { createAppRuntime } from '../packages/runtime/src/app-runtime.js';
import { localTransport } from '../packages/runtime/src/local-transport.js';
import { resolveRuntimeOptions } from '../packages/runtime/src/runtime-options.js';
import { median } from './timing.js';

const CASES = 500;
const CONCURRENCIES = [1, 2] as const;

/** The trivial command: `true`, else an empty node script. */
function trivialArgv(): string[] {
  const binary = ['/bin/true', '/usr/bin/true'].find((file) => existsSync(file));
  return binary ? [binary] : [process.execPath, '-e', ''];
}

/** One timed stretch: wall time and this process's CPU time (user + system, all threads), in ms. */
interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
}

/** Times `action`, wall and CPU. */
async function timed(action: () => Promise<void>): Promise<Timed> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  await action();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
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

/** Wall and CPU time of `count` bare spawns, `concurrency` at a time. */
async function bareSpawns(
  argv: readonly string[],
  count: number,
  concurrency: number,
): Promise<Timed> {
  const stdin = `${JSON.stringify({ version: 1, case: { id: 'c', input: {} } })}\n`;
  let next = 0;
  return timed(async () => {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next += 1;
          await bareSpawn(argv, stdin);
        }
      }),
    );
  });
}

/** Wall and CPU time of one `harness.run.start` of the suite through the generated client. */
async function harnessRun(
  cwd: string,
  stateDir: string,
  argv: readonly string[],
  concurrency: number,
): Promise<Timed> {
  const app = await createAppRuntime(
    resolveRuntimeOptions({
      cwd,
      stateDir,
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
    return await timed(async () => {
      const { run } = await client.run.start({
        suiteKey: 'bench',
        metadata: { executor: { kind: 'command', argv: [...argv] }, concurrency },
      });
      if (run.status !== 'completed') throw new Error(`bench run ended ${run.status}`);
    });
  } finally {
    await app.close();
  }
}

/** One round: bare spawns, the harness run, bare spawns again; figures per case, in ms. */
interface Round {
  readonly bareMs: number;
  readonly harnessMs: number;
  readonly overheadMs: number;
  readonly cpuOverheadMs: number;
}

const TARGET_MS = 1;
const ROUNDS = 3;

/**
 * The harness benchmark: a 500-case suite whose executor is a trivial command (`true`), run
 * through `harness.run.start` (generated client, router, executor, evaluator, run record, evidence
 * and timeline writes) at concurrency 1 and 2, next to 500 bare spawns of the same command (piped
 * stdio, own process group, the case document on stdin) in the same process. Each of 3 rounds
 * times bare spawns, one harness run, and bare spawns again, so a load change during the run skews
 * both sides; the overhead per case is the harness run's wall time minus the mean of the two bare
 * series, over 500. Prints every round (ms per case: bare, harness, overhead, and the CPU overhead:
 * user + system time of all threads) and the median overhead against the target (<= 1 ms per case),
 * `met` or `MISSED`. Asserts nothing.
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
    console.log(`harness benchmark: ${CASES} cases of \`${argv.join(' ')}\`, ${ROUNDS} rounds`);
    await bareSpawns(argv, 20, 1);
    for (const concurrency of CONCURRENCIES) {
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const before = await bareSpawns(argv, CASES, concurrency);
        const stateDir = join(work, `.contracts-${concurrency}-${round}`);
        const harness = await harnessRun(work, stateDir, argv, concurrency);
        const after = await bareSpawns(argv, CASES, concurrency);
        const bareMs = (before.wallMs + after.wallMs) / 2 / CASES;
        const harnessMs = harness.wallMs / CASES;
        rounds.push({
          bareMs,
          harnessMs,
          overheadMs: harnessMs - bareMs,
          cpuOverheadMs: (harness.cpuMs - (before.cpuMs + after.cpuMs) / 2) / CASES,
        });
        // State directories are removed at the end: removing a round's thousand files would
        // charge the next round's file creations (ext4 without a journal skips inodes freed in
        // the last minute when it allocates one).
      }
      const overhead = median(rounds.map((round) => round.overheadMs));
      const figures = rounds
        .map(
          (round) =>
            `${round.bareMs.toFixed(2)} / ${round.harnessMs.toFixed(2)} / ` +
            `${round.overheadMs.toFixed(2)} (cpu ${round.cpuOverheadMs.toFixed(2)})`,
        )
        .join('; ');
      console.log(
        `  concurrency ${concurrency}: ${Math.round(1000 / median(rounds.map((r) => r.harnessMs)))} ` +
          `cases/s; per case bare / harness / overhead ms: ${figures}`,
      );
      console.log(
        `    overhead ${overhead.toFixed(2)} ms per case (median of ${ROUNDS}), ` +
          `target <= ${TARGET_MS} ms per case: ${overhead <= TARGET_MS ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
