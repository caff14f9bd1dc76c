import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

const script = fileURLToPath(new URL('./scripts/disk-full.mjs', import.meta.url));
const distStore = fileURLToPath(
  new URL('../../packages/runtime/dist/store/index.js', import.meta.url),
);
/** A file of this change's build, so a stale dist is told apart from a missing one. */
const distErrors = path.join(path.dirname(distStore), 'store-errors.js');
/** The tmpfs size, in bytes: 16 pages. */
const TMPFS_BYTES = 65_536;

const scratch: string[] = [];
const children: number[] = [];
afterEach(() => {
  for (const pid of children.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited already
    }
  }
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Fails with how to get bubblewrap when `bwrap` cannot be run. */
function requireBubblewrap(): void {
  const probe = spawnSync('bwrap', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) {
    throw new Error(
      'the disk-full test requires bubblewrap (`bwrap`, Debian package bubblewrap; CI installs ' +
        `it): ${probe.error?.message ?? probe.stderr}`,
    );
  }
}

/** Runs disk-full.mjs under bwrap on a TMPFS_BYTES tmpfs mounted over a fresh directory. */
function runOnFullDisk(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const mount = mkdtempSync(path.join(tmpdir(), 'store-disk-full-'));
  scratch.push(mount);
  const child = spawn(
    'bwrap',
    [
      '--dev-bind',
      '/',
      '/',
      '--size',
      String(TMPFS_BYTES),
      '--tmpfs',
      mount,
      '--die-with-parent',
      '--',
      process.execPath,
      script,
      distStore,
      mount,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  children.push(child.pid!);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('a full disk (bubblewrap tmpfs)', () => {
  test('record writes, locks and timeline appends fail naming ENOSPC and the path, and lose nothing', async () => {
    requireBubblewrap();
    if (!existsSync(distErrors)) {
      throw new Error(`${distErrors} is missing: build first (npx tsc -b packages/runtime)`);
    }
    const run = await runOnFullDisk();
    expect([run.code, run.stderr]).toStrictEqual([0, '']);
    const full = (message: string) => ({
      name: 'StoreWriteError',
      message,
      code: 'STORAGE_FULL',
      status: 507,
    });
    const kept = {
      recordKept: true,
      dayKept: true,
      runs: ['r-1.json'],
      events: ['2025-01-31.jsonl'],
    };
    expect(JSON.parse(run.stdout)).toStrictEqual({
      full: true,
      onFullDisk: {
        write: full('no space left on device (ENOSPC) writing harness-runs/r-1.json'),
        lock: full('no space left on device (ENOSPC) locking harness-runs/r-1.lock'),
        lockActionRan: false,
        // The append takes the day file's lock first, and that is what fails.
        append: full('no space left on device (ENOSPC) locking events/2025-01-31.jsonl.lock'),
        ...kept,
      },
      onePageFree: {
        write: full('no space left on device (ENOSPC) writing harness-runs/r-1.json'),
        lock: { resolved: true },
        lockActionRan: true,
        append: full('no space left on device (ENOSPC) appending to events/2025-01-31.jsonl'),
        ...kept,
      },
      fdsLeaked: 0,
    });
  });
});
