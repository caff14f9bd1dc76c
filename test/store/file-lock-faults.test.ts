import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { withFileLock } from '../../packages/runtime/src/store/file-lock.js';
import type { StoreWriteError } from '../../packages/runtime/src/store/store-errors.js';
import { faultFs, systemError } from './fault-fs.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function stateDir(): { stateDir: string; lock: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-lock-faults-'));
  scratch.push(dir);
  mkdirSync(path.join(dir, 'harness-runs'));
  return { stateDir: dir, lock: path.join(dir, 'harness-runs', 'r-1.lock') };
}

describe('withFileLock on a failing file system', () => {
  test('a full disk while writing the pid: StoreWriteError, no empty lock file, handle closed', async () => {
    const { stateDir: root, lock } = stateDir();
    const injected = systemError('ENOSPC', 'write');
    const fake = faultFs(root, {
      fault: (operation) => (operation === 'writeFile' ? injected : undefined),
    });
    let ran = false;
    const error = await withFileLock(
      lock,
      async () => {
        ran = true;
      },
      { fs: fake.fs, root },
    ).catch((failure: unknown) => failure);
    const failure = error as StoreWriteError;
    expect([failure.name, failure.message, failure.code, failure.status]).toStrictEqual([
      'StoreWriteError',
      'no space left on device (ENOSPC) locking harness-runs/r-1.lock',
      'STORAGE_FULL',
      507,
    ]);
    expect(failure.cause).toBe(injected);
    expect(fake.log).toStrictEqual([
      'open harness-runs/r-1.lock',
      'writeFile harness-runs/r-1.lock failed ENOSPC',
      'close harness-runs/r-1.lock',
      'unlink harness-runs/r-1.lock',
    ]);
    expect([ran, fake.openHandles(), readdirSync(path.dirname(lock))]).toStrictEqual([
      false,
      0,
      [],
    ]);
  });

  test('a lock that failed does not wedge the next caller of the same lock', async () => {
    const { stateDir: root, lock } = stateDir();
    const full = faultFs(root, {
      fault: (operation) =>
        operation === 'writeFile' ? systemError('ENOSPC', 'write') : undefined,
    });
    const failed = withFileLock(lock, async () => 'first', { fs: full.fs, root });
    const next = withFileLock(lock, async () => 'second', { root });
    const outcomes = await Promise.allSettled([failed, next]);
    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(['rejected', 'fulfilled']);
    expect([
      (outcomes[1] as PromiseFulfilledResult<string>).value,
      readdirSync(path.dirname(lock)),
    ]).toStrictEqual(['second', []]);
  });

  test('no inode left for the lock file (open fails): StoreWriteError, the action never runs', async () => {
    const { stateDir: root, lock } = stateDir();
    const fake = faultFs(root, {
      fault: (operation) => (operation === 'open' ? systemError('ENOSPC', 'open') : undefined),
    });
    let ran = false;
    const error = await withFileLock(
      lock,
      async () => {
        ran = true;
      },
      { fs: fake.fs },
    ).catch((failure: unknown) => failure);
    expect([(error as Error).message, ran, fake.openHandles()]).toStrictEqual([
      `no space left on device (ENOSPC) locking ${lock}`,
      false,
      0,
    ]);
  });

  test('the lock file is removed when the action throws, and the action error is kept', async () => {
    const { stateDir: root, lock } = stateDir();
    const fake = faultFs(root);
    const thrown = new Error('action failed');
    const error = await withFileLock(
      lock,
      async () => {
        throw thrown;
      },
      { fs: fake.fs, root },
    ).catch((failure: unknown) => failure);
    expect([error === thrown, fake.log, readdirSync(path.dirname(lock))]).toStrictEqual([
      true,
      [
        'open harness-runs/r-1.lock',
        'writeFile harness-runs/r-1.lock',
        'close harness-runs/r-1.lock',
        'unlink harness-runs/r-1.lock',
      ],
      [],
    ]);
  });
});
