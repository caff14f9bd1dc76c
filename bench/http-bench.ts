import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const TOKEN = 'bench-user-token';
const CONNECTIONS = 50;
const SECONDS = 10;

/** The floor: node:http answering the body given in BENCH_BODY on every request. */
const BARE_SERVER = `
import { createServer } from 'node:http';
const body = process.env.BENCH_BODY;
const server = createServer((request, response) => {
  request.resume();
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  response.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('listening on http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** Spawns a server process and resolves with the URL it prints (`listening on <url>`). */
function startProcess(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve({ child, url: match[1]! });
    });
    child.once('exit', (code) =>
      reject(new Error(`server exited ${code}: ${stderr.slice(-1000)}`)),
    );
  });
}

function load(url: string, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    headers: { authorization: `Bearer ${TOKEN}` },
  });
}

function line(label: string, result: autocannon.Result): string {
  const failures = result.errors + result.non2xx;
  return `  ${label.padEnd(26)} ${result.requests.average.toFixed(0).padStart(7)} req/s   p50 ${String(result.latency.p50).padStart(3)} ms   p99 ${String(result.latency.p99).padStart(3)} ms   errors ${failures}`;
}

/**
 * Issue #5's benchmark: `contracts serve` (a child process) answering `harness.run.get` for a real
 * run of examples/harness/suite.json, under autocannon with 50 connections for 10 s on loopback,
 * next to a bare `node:http` server (another child process) answering the same JSON bytes, in the
 * same run, as the ratio's floor. Each gets a 2 s warm-up first. Target: at least 50% of the bare
 * server's req/s with zero errors; printed, never asserted.
 */
export async function runHttpBench(): Promise<void> {
  const stateDir = mkdtempSync(join(tmpdir(), 'contracts-http-bench-'));
  const children: ChildProcess[] = [];
  try {
    const served = await startProcess(
      [CLI, 'serve', '--port', '0', '--cwd', ROOT, '--state-dir', stateDir],
      {
        CONTRACTS_TOKENS: `user:${TOKEN}`,
      },
    );
    children.push(served.child);
    const runInput = JSON.parse(
      readFileSync(join(ROOT, 'examples/harness/run-input.json'), 'utf8'),
    ) as {
      suiteRef: string;
      executor: unknown;
    };
    const started = await fetch(`${served.url}/harness/run/start/v1.0.0`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        suiteKey: runInput.suiteRef,
        metadata: { executor: runInput.executor },
      }),
    });
    const startBody = (await started.json()) as {
      run?: { runId: string };
      code?: string;
      detail?: string;
    };
    if (!startBody.run) {
      console.log(
        `http benchmark skipped: harness.run.start answered ${started.status} ${startBody.code}: ${startBody.detail}`,
      );
      return;
    }
    const path = `/harness/run/get/v1.0.0?runId=${encodeURIComponent(startBody.run.runId)}`;
    const body = await (
      await fetch(`${served.url}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })
    ).text();
    const bare = await startProcess(['--input-type=module', '-e', BARE_SERVER], {
      BENCH_BODY: body,
    });
    children.push(bare.child);

    console.log(
      `http benchmark: GET harness.run.get (${body.length} bytes), ${CONNECTIONS} connections x ${SECONDS} s, loopback`,
    );
    await load(`${bare.url}${path}`, 2);
    const floor = await load(`${bare.url}${path}`, SECONDS);
    await load(`${served.url}${path}`, 2);
    const result = await load(`${served.url}${path}`, SECONDS);
    console.log(line('bare node:http (floor)', floor));
    console.log(line('contracts serve', result));
    const ratio = result.requests.average / floor.requests.average;
    console.log(`  ratio ${(ratio * 100).toFixed(1)}% of the floor (target >= 50%, zero errors)`);
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(
      children.map(
        (child) =>
          new Promise((resolve) =>
            child.exitCode !== null ? resolve(0) : child.once('exit', resolve),
          ),
      ),
    );
    rmSync(stateDir, { recursive: true, force: true });
  }
}
