import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CLI } from '../support/cli.js';
import { interruptChild } from '../support/interrupt-child.js';

/*
 * `contracts docs serve` answers a folder URL without its trailing slash with a redirect to the
 * slash, so the relative links of the folder's index.html resolve inside the folder. The server
 * is stopped by its pid.
 */

let site = '';
let child: ChildProcess | undefined;
let base = '';

beforeEach(async () => {
  site = mkdtempSync(join(tmpdir(), 'contracts-docs-redirect-'));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>home</title>\n');
  mkdirSync(join(site, 'en'));
  writeFileSync(join(site, 'en/index.html'), '<a href="events.html">events</a>\n');
  writeFileSync(join(site, 'en/events.html'), 'events page\n');
  child = spawn(process.execPath, [CLI, 'docs', 'serve', '--dir', site, '--port', '0'], {
    env: { ...process.env, NO_COLOR: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  base = await new Promise<string>((resolve, reject) => {
    let text = '';
    child!.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      text += chunk;
      const match = /at (http:\/\/127\.0\.0\.1:\d+)\/ /.exec(text);
      if (match) resolve(match[1]!);
    });
    child!.once('exit', () => reject(new Error(`exited early:\n${text}`)));
  });
});

afterEach(async () => {
  if (child) await interruptChild(child);
  child = undefined;
  rmSync(site, { recursive: true, force: true });
});

describe('contracts docs serve folder URLs', () => {
  it('redirects /en to /en/ with 301, keeping the query string', async () => {
    const response = await fetch(`${base}/en?q=1&lang=en`, { redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toStrictEqual([
      301,
      '/en/?q=1&lang=en',
    ]);
  });

  it('answers 400, not 500, to a path that is not valid percent-encoded UTF-8', async () => {
    const response = await fetch(`${base}/%E0`);
    expect(response.status).toBe(400);
    expect(await response.text()).toBe(
      'bad request: the path is not valid percent-encoded UTF-8\n',
    );
  });

  it('HEAD /en redirects too', async () => {
    const response = await fetch(`${base}/en`, { method: 'HEAD', redirect: 'manual' });
    expect([response.status, response.headers.get('location')]).toStrictEqual([301, '/en/']);
  });

  it('a redirected folder page resolves its relative links inside the folder', async () => {
    const page = await fetch(`${base}/en`);
    expect([page.status, page.url, await page.text()]).toStrictEqual([
      200,
      `${base}/en/`,
      '<a href="events.html">events</a>\n',
    ]);
    const link = new URL('events.html', page.url);
    expect(await (await fetch(link)).text()).toBe('events page\n');
  });

  it('a path whose dot segments leave leading slashes redirects within the site', async () => {
    // fetch() would resolve `/x/..//en` itself; a raw request sends it as it is.
    const { port } = new URL(base);
    const answer = await new Promise<[number | undefined, string | undefined]>(
      (resolve, reject) => {
        request({ host: '127.0.0.1', port, path: '/x/..//en' }, (response) => {
          response.resume();
          resolve([response.statusCode, response.headers.location]);
        })
          .once('error', reject)
          .end();
      },
    );
    expect(answer).toStrictEqual([301, '/en/']);
  });
});
