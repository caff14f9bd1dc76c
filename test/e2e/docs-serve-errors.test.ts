import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../support/cli.js';
import { syntheticProject } from '../support/synthetic-project.js';

/*
 * What `contracts docs serve` says when it cannot serve: a usage error, a port already taken, a
 * config that turns the site off, and a first build that fails. Every process started here is
 * stopped by its pid.
 */

const folders: string[] = [];

afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding a one-page site. */
function siteFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'contracts-docs-site-'));
  folders.push(dir);
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>home</title>\n');
  return dir;
}

describe('contracts docs serve errors', () => {
  it('an unknown option is a usage error: exit 2 with the --help hint', () => {
    const result = runCli(['docs', 'serve', '--bogus', '--dir', siteFolder()], tmpdir());
    expect(result.stderr).toBe("error: unknown option '--bogus'\n(run with --help for usage)\n");
    expect(result.status).toBe(2);
  });

  it('a port in use names host:port, suggests --port, and exits 1 as --help says', async () => {
    const taken: Server = createServer();
    await new Promise<void>((listening) => taken.listen(0, '127.0.0.1', listening));
    try {
      const port = (taken.address() as { port: number }).port;
      const result = runCli(
        ['docs', 'serve', '--dir', siteFolder(), '--port', `${port}`],
        tmpdir(),
      );
      expect(result.stderr).toBe(
        `contracts: 127.0.0.1:${port} is already in use; choose another with --port (--port 0 picks a free one)\n`,
      );
      expect(result.status).toBe(1);
      const help = runCli(['docs', 'serve', '--help'], tmpdir()).stdout;
      expect(help).toContain('Exit codes: 0 stopped, 1 cannot listen (the port is in use),');
    } finally {
      await new Promise((closed) => taken.close(closed));
    }
  });

  it('a config with "site": false says the site surface is off, naming file and key', () => {
    const project = syntheticProject('contracts-docs-off-', 1);
    folders.push(project);
    writeFileSync(
      join(project, 'contracts.config.json'),
      JSON.stringify({ specs: ['specs/**/*.ts'], out: 'generated', surfaces: { site: false } }),
    );
    const result = runCli(['docs', 'serve', '--port', '0'], project);
    expect(result.stderr).toBe(
      'contracts: the site surface is off in contracts.config.json ("surfaces": {"site": false}), ' +
        'so `contracts generate` makes no site; turn it on, or serve a folder with --dir\n',
    );
    expect(result.status).toBe(2);
  });

  it('a first build that fails says `build failed`, not `rebuild failed`', async () => {
    const project = syntheticProject('contracts-docs-first-', 1);
    folders.push(project);
    expect(runCli(['generate', '--no-cache'], project).status).toBe(0);
    mkdirSync(join(project, 'specs/bench/ops'), { recursive: true });
    writeFileSync(
      join(project, 'specs/bench/ops/op-0001.ts'),
      'export const Broken = defineCommand({\n',
    );
    const child = spawn(process.execPath, [CLI, 'docs', 'serve', '--port', '0'], {
      cwd: project,
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const lines = await new Promise<string[]>((resolve, reject) => {
        let text = '';
        child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
          text += chunk;
          if (/\ncontracts: watching .*\n/.test(text)) resolve(text.split('\n'));
        });
        child.once('exit', () => reject(new Error(`exited early:\n${text}`)));
      });
      const failed = lines.filter((line) => line.includes('build failed'));
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatch(
        /^contracts: build failed: 1 error, 0 warnings; generated\/ keeps the last good tree \(\d+ ms\)$/,
      );
    } finally {
      process.kill(child.pid!, 'SIGINT');
      expect(await exited).toBe(0);
    }
    expect(readFileSync(join(project, 'generated/site/index.html'), 'utf8')).toContain('<html');
  });
});
