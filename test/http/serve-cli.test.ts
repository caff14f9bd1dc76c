import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';

const work = mkdtempSync(join(tmpdir(), 'contracts-serve-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A started `contracts serve`: its URL once it listens, and its exit. */
interface Served {
  child: ChildProcess;
  url: Promise<string>;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

function serve(args: string[], env: NodeJS.ProcessEnv = {}): Served {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--cwd', work, ...args], {
    env: { ...process.env, CONTRACTS_TOKENS: '', ...env, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(stdout);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`serve exited before listening: ${stderr}`)));
  });
  url.catch(() => undefined);
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, url, exit };
}

describe('contracts serve', () => {
  it('prints its options with --help', () => {
    const result = runCli(['serve', '--help'], work);
    expect([result.status, result.stdout.split('\n').slice(0, 3)]).toStrictEqual([
      0,
      [
        'Usage: contracts serve [options]',
        '',
        'Serve every operation over HTTP, stream the event timeline, run the agent worker',
      ],
    ]);
  });

  it('listens on loopback, maps tokens to actors, serves openapi.json, and stops cleanly on SIGTERM', async () => {
    const tokensFile = join(work, 'tokens.txt');
    writeFileSync(tokensFile, '# local\nuser:u-secret\nadmin:a-secret\n');
    const served = serve(['--tokens-file', tokensFile, '--state-dir', join(work, 'state')]);
    const url = await served.url;
    const status = async (path: string, init: RequestInit = {}) =>
      (await fetch(`${url}${path}`, init)).status;
    const cancel = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"runId":"r1"}',
    };
    const statuses = [
      await status('/openapi.json'),
      await status('/agent/cancel/v1.0.0', cancel),
      await status('/agent/cancel/v1.0.0', {
        ...cancel,
        headers: { ...cancel.headers, authorization: 'Bearer u-secret' },
      }),
      await status('/nothing/here'),
    ];
    served.child.kill('SIGTERM');
    const exit = await served.exit;
    expect([
      url.startsWith('http://127.0.0.1:'),
      statuses,
      exit.code,
      exit.stderr.split('\n').slice(-3),
    ]).toStrictEqual([
      true,
      [200, 401, 403, 404],
      0,
      [
        'contracts serve: SIGTERM, stopping (runs in flight get 10000 ms)',
        'contracts serve: stopped',
        '',
      ],
    ]);
  });

  it('is what `contracts call --url [--token]` reaches, and a stopped server is a clear transport error', async () => {
    const served = serve(['--state-dir', join(work, 'call-state')], {
      CONTRACTS_TOKENS: 'user:u-call',
    });
    const url = await served.url;
    const input = ['--input', '{"isolation":"sandbox"}'];
    const ok = runCli(
      ['call', 'harness.target.resolve', '--url', url, '--token', 'u-call', ...input],
      work,
    );
    const anonymous = runCli(['call', 'harness.target.resolve', '--url', url, ...input], work);
    served.child.kill('SIGTERM');
    await served.exit;
    const down = runCli(['call', 'harness.target.resolve', '--url', url, ...input], work);
    expect([
      ok.status,
      (JSON.parse(ok.stdout) as { target: { isolation: string } }).target.isolation,
      anonymous.status,
      JSON.parse(anonymous.stderr),
      down.status,
      down.stderr,
    ]).toStrictEqual([
      0,
      'sandbox',
      1,
      {
        error: {
          code: 'UNAUTHORIZED',
          status: 401,
          message: 'harness.target.resolve@1.0.0 needs a signed-in user actor',
          details: null,
        },
      },
      1,
      `contracts: cannot reach ${url} for harness.target.resolve@1.0.0: ECONNREFUSED\n`,
    ]);
  });

  it('exits 2 on an invalid tokens entry and 1 when the port is taken', async () => {
    const bad = runCli(['serve', '--port', '0'], work, { CONTRACTS_TOKENS: 'root:x' });
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    const taken = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [CLI, 'serve', '--port', String(port), '--cwd', work], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => resolve({ code, stderr }));
    });
    blocker.close();
    expect([
      bad.status,
      bad.stderr,
      taken.code,
      taken.stderr.includes(
        `contracts: 127.0.0.1:${port} is already in use; choose another with --port (--port 0 picks a free one)\n`,
      ),
    ]).toStrictEqual([
      2,
      'contracts: CONTRACTS_TOKENS: entry 1 must start with admin: or user:\n',
      1,
      true,
    ]);
  });
});
