import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/cli.js';

/**
 * The consuming app end to end: the harness and agent runtimes behind `contracts serve`, called
 * through the runtime package's generated clients (`npm test` builds the packages in `pretest`).
 * The app is copied to `.tmp/consumer-app-*` (git-ignored, two levels under the root), so its
 * `file:../../packages/*` dependencies point at the workspace packages unchanged.
 */
mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
const app = mkdtempSync(join(PROJECT_ROOT, '.tmp', 'consumer-app-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

const TSC = join(PROJECT_ROOT, 'node_modules/typescript/bin/tsc');

function run(
  argv: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(argv[0]!, argv.slice(1), {
    cwd: app,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** npm as the running `npm test` uses it, else the one on PATH. */
function npm(args: string[]) {
  const execPath = process.env.npm_execpath;
  return execPath && execPath.endsWith('.js')
    ? run([process.execPath, execPath, ...args])
    : run(['npm', ...args]);
}

describe('examples/consumer-app', () => {
  it('installs offline, type-checks against the compiled package, and drives contracts serve over HTTP', async () => {
    cpSync(join(PROJECT_ROOT, 'examples/consumer-app'), app, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|state)$/.test(source),
    });
    const install = npm(['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts']);
    expect(install.status, install.stderr).toBe(0);

    const tsc = run([process.execPath, TSC, '-p', 'tsconfig.json', '--listFiles']);
    const fromPackage = tsc.stdout
      .split('\n')
      .filter((file) => file.startsWith(PROJECT_ROOT) && !file.startsWith(app))
      .map((file) => relative(PROJECT_ROOT, file).split(sep).join('/'));
    expect([
      tsc.status,
      fromPackage.filter(
        (file) =>
          !/^packages\/runtime\/dist\/.*\.d\.ts$/.test(file) && !file.startsWith('node_modules/'),
      ),
    ]).toStrictEqual([0, []]);
    expect(
      fromPackage.filter((file) => file.startsWith('packages/runtime/dist/generated/')).sort(),
    ).toStrictEqual(
      ['agent', 'harness'].flatMap((domain) =>
        ['client', 'events', 'handlers', 'index', 'registry', 'schemas', 'types'].map(
          (file) => `packages/runtime/dist/generated/${domain}/${file}.d.ts`,
        ),
      ),
    );

    const serve = spawn(
      process.execPath,
      [
        join(app, 'node_modules/.bin/contracts'),
        'serve',
        '--port',
        '0',
        '--cwd',
        app,
        '--state-dir',
        'state',
        '--agents-dir',
        'agents',
      ],
      {
        cwd: app,
        env: { ...process.env, CONTRACTS_TOKENS: 'user:consumer-token' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let serveErr = '';
    serve.stderr.on('data', (chunk: Buffer) => (serveErr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => serve.once('exit', resolve));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        serve.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match) resolve(match[1]!);
        });
        serve.once('exit', () => reject(new Error(`contracts serve exited: ${serveErr}`)));
      });
      const consumer = await new Promise<{ code: number | null; out: string; err: string }>(
        (resolve) => {
          const child = spawn(process.execPath, ['dist/main.js', url], {
            cwd: app,
            env: { ...process.env, CONTRACTS_TOKEN: 'consumer-token' },
          });
          let out = '';
          let err = '';
          child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
          child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
          child.once('exit', (code) => resolve({ code, out, err }));
        },
      );
      expect([consumer.code, consumer.err]).toStrictEqual([0, '']);
      expect(JSON.parse(consumer.out)).toStrictEqual({
        declaredError: 'SCENARIO_OR_SUITE_REQUIRED',
        harness: {
          status: 'completed',
          steps: [
            { stepKey: 'greets', status: 'completed' },
            { stepKey: 'reports-json', status: 'completed' },
          ],
          evidence: { total: 4, kinds: ['app-log', 'console'] },
          evidenceGetMatchesList: true,
        },
        agent: {
          status: 'completed',
          artifacts: [
            { kind: 'file', name: 'echo.json' },
            { kind: 'file', name: 'echo.md' },
            { kind: 'stderr', name: 'stderr.txt' },
            { kind: 'stdout', name: 'stdout.txt' },
          ],
        },
      });
    } finally {
      serve.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
