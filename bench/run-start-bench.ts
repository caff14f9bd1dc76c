import autocannon from 'autocannon';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createAppRuntime } from '../packages/runtime/src/app-runtime.js';
import { createHttpApp } from '../packages/runtime/src/http/http-app.js';
import { startHttpServer } from '../packages/runtime/src/http/listen.js';
import { parseTokens } from '../packages/runtime/src/http/tokens.js';
import { resolveRuntimeOptions } from '../packages/runtime/src/runtime-options.js';
import { AtomicJsonWriter } from '../packages/runtime/src/store/atomic-json.js';
import { nodeStoreFs, type StoreFs } from '../packages/runtime/src/store/store-fs.js';
import { median } from './timing.js';

const TOKEN = 'bench-user-token';
const CONNECTIONS = 50;
/** The load stops at whichever comes first: this many answers, or {@link MAX_SECONDS}. */
const MAX_REQUESTS = 1_000;
const MAX_SECONDS = 10;
const WARM_UP_REQUESTS = 100;
/** Records written per round of the writeJsonAtomic-alone figure, {@link CONNECTIONS} at a time. */
const WRITES = 2_000;
/** Rounds per mode, alternating grouped and ungrouped; the median is printed. */
const WRITE_ROUNDS = 3;

/** `executors/true.json`: the operator-defined executor the runs name, the command `true`. */
const EXECUTOR_NAME = 'true';
const EXECUTOR_DEFINITION = { kind: 'command', argv: ['true'] };

/**
 * The `harness.run.start` input of every request: the one-case `bench` suite run by the named
 * executor {@link EXECUTOR_NAME}. Kept in one constant, as the way executors are named may change.
 */
const RUN_START_BODY = JSON.stringify({
  suiteKey: 'bench',
  metadata: { executor: EXECUTOR_NAME },
});

/** A record about the size of a one-case run record, in bytes of JSON: ~1.5 KiB. */
const SAMPLE_RECORD = {
  run: { runId: 'run-bench', status: 'completed', suiteKey: 'bench', steps: [] },
  cases: [{ caseId: 'case-0', status: 'passed', output: 'x'.repeat(1_200) }],
};

/**
 * POSTs {@link RUN_START_BODY} `amount` times at `url` over {@link CONNECTIONS} keep-alive
 * connections, stopping after {@link MAX_SECONDS} if they are not done by then.
 */
function load(url: string, amount: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        amount,
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: RUN_START_BODY,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    const stop = setTimeout(() => instance.stop(), MAX_SECONDS * 1_000);
    instance.once('done', () => clearTimeout(stop));
  });
}

/** Node's file system, counting the fsyncs of directories (handles opened with `'r'`). */
function countingFs(): { fs: StoreFs; directorySyncs: () => number } {
  let directorySyncs = 0;
  const fs: StoreFs = {
    ...nodeStoreFs,
    open: async (file, flags) => {
      const handle = await nodeStoreFs.open(file, flags);
      if (flags !== 'r') return handle;
      return {
        writeFile: (data) => handle.writeFile(data),
        read: (buffer, offset, length, position) => handle.read(buffer, offset, length, position),
        truncate: (length) => handle.truncate(length),
        close: () => handle.close(),
        sync: () => {
          directorySyncs += 1;
          return handle.sync();
        },
      };
    },
  };
  return { fs, directorySyncs: () => directorySyncs };
}

/**
 * `WRITES` records written `CONNECTIONS` at a time, rewriting 500 files of one directory: writes/s
 * and directory fsyncs per write.
 */
async function measureWrites(
  dir: string,
  grouped: boolean,
): Promise<{ perSecond: number; directorySyncsPerWrite: number }> {
  const counting = countingFs();
  const writer = new AtomicJsonWriter({ fs: counting.fs, grouped, root: dir });
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < WRITES) {
        const index = next;
        next += 1;
        await writer.write(join(dir, `record-${index % 500}.json`), SAMPLE_RECORD);
      }
    }),
  );
  return {
    perSecond: (WRITES * 1_000) / (performance.now() - started),
    directorySyncsPerWrite: counting.directorySyncs() / WRITES,
  };
}

/** A state directory's project: the one-case `bench` suite and the `true` executor. */
function writeProject(work: string): void {
  mkdirSync(join(work, 'suites'));
  writeFileSync(
    join(work, 'suites/bench.json'),
    JSON.stringify({
      id: 'bench',
      title: 'Bench',
      cases: [{ id: 'case-0', title: 'Case 0', input: {} }],
    }),
  );
  mkdirSync(join(work, 'executors'));
  writeFileSync(
    join(work, 'executors', `${EXECUTOR_NAME}.json`),
    JSON.stringify(EXECUTOR_DEFINITION),
  );
}

/**
 * Loads `harness.run.start` on the in-process app; undefined (after printing why) when a probe
 * request is not answered 200.
 */
async function loadRunStart(work: string): Promise<autocannon.Result | undefined> {
  const runtime = await createAppRuntime(
    resolveRuntimeOptions({ cwd: work, stateDir: join(work, 'state'), agentWorker: 'none' }),
  );
  const app = createHttpApp({ target: runtime, tokens: parseTokens(`user:${TOKEN}`) });
  const server = await startHttpServer(app, { host: '127.0.0.1', port: 0 });
  try {
    const url = `${server.url}/harness/run/start/v1.0.0`;
    const probe = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: RUN_START_BODY,
    });
    const answer = await probe.text();
    if (probe.status !== 200) {
      console.log(`run-start benchmark skipped: ${probe.status} ${answer.slice(0, 400)}`);
      return undefined;
    }
    await load(url, WARM_UP_REQUESTS);
    return await load(url, MAX_REQUESTS);
  } finally {
    await server.close();
    await runtime.close();
  }
}

/**
 * The run-start benchmark: the runtime's HTTP app, in this process on 127.0.0.1, answering
 * `POST /harness/run/start/v1.0.0` of a one-case suite whose executor (`executors/true.json`)
 * runs `true`, under autocannon with 50 keep-alive connections for 1,000 requests or 10 s,
 * whichever comes first (after a 100-request warm-up). Every request creates and runs a run:
 * its record, lock, evidence and timeline writes, each fsynced. Prints runs/s and p50/p99
 * latency (ms). Then writeJsonAtomic alone: 2,000 records of ~1.5 KiB written 50 at a time, with
 * directory fsyncs grouped (the default) and with one directory fsync per write, 3 alternating
 * rounds each: medians of writes/s and of directory fsyncs per write. Asserts nothing.
 */
export async function runRunStartBench(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'contracts-run-start-bench-'));
  try {
    writeProject(work);
    console.log(
      `run-start benchmark: POST harness.run.start (one case of \`true\`), ${CONNECTIONS} ` +
        `connections, ${MAX_REQUESTS} requests or ${MAX_SECONDS} s, in-process app on loopback`,
    );
    const result = await loadRunStart(work);
    if (result !== undefined) {
      const failures = result.errors + result.non2xx + result.timeouts;
      console.log(
        `  ${(result.requests.total / result.duration).toFixed(1)} runs/s   ` +
          `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   ` +
          `${result.requests.total} runs in ${result.duration.toFixed(1)} s   errors ${failures}`,
      );
    }
    const writes = join(work, 'writes');
    mkdirSync(writes);
    const figures = { grouped: [] as number[], ungrouped: [] as number[] };
    const syncsPerWrite = { grouped: [] as number[], ungrouped: [] as number[] };
    for (let round = 0; round < WRITE_ROUNDS; round += 1) {
      for (const mode of ['grouped', 'ungrouped'] as const) {
        const measured = await measureWrites(writes, mode === 'grouped');
        figures[mode].push(measured.perSecond);
        syncsPerWrite[mode].push(measured.directorySyncsPerWrite);
      }
    }
    console.log(
      `  writeJsonAtomic alone, ${CONNECTIONS} at a time (medians of ${WRITE_ROUNDS} alternating rounds):`,
    );
    for (const mode of ['grouped', 'ungrouped'] as const) {
      console.log(
        `    directory fsyncs ${mode.padEnd(9)} ${median(figures[mode]).toFixed(0).padStart(6)} writes/s   ` +
          `${median(syncsPerWrite[mode]).toFixed(2)} directory fsyncs per write`,
      );
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
