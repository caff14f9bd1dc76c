import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { isContractError } from '../../packages/runtime/src/errors.js';
import { AtomicJsonWriter, writeJsonAtomic } from '../../packages/runtime/src/store/atomic-json.js';
import { StoreWriteError } from '../../packages/runtime/src/store/store-errors.js';
import { faultFs, systemError, type FsOperation } from './fault-fs.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A state directory holding `harness-runs/r-1.json` = `{ "version": 1 }`. */
async function stateWithRecord(): Promise<{ stateDir: string; record: string }> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'store-faults-'));
  scratch.push(stateDir);
  const record = path.join(stateDir, 'harness-runs', 'r-1.json');
  await writeJsonAtomic(record, { version: 1 });
  return { stateDir, record };
}

/** The fields of a rejection that tests compare. */
function described(error: unknown) {
  const failure = error as StoreWriteError;
  return {
    name: failure.name,
    message: failure.message,
    code: failure.code,
    status: failure.status,
    errno: failure.errno,
    path: failure.path,
  };
}

const TEMP = 'harness-runs/.r-1.json.tmp';

describe('AtomicJsonWriter on a failing file system', () => {
  test('a full disk while writing: StoreWriteError naming ENOSPC and the path under the root', async () => {
    const { stateDir, record } = await stateWithRecord();
    const injected = systemError('ENOSPC', 'write');
    const fake = faultFs(stateDir, {
      fault: (operation) => (operation === 'writeFile' ? injected : undefined),
    });
    const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
    const error = await writer.write(record, { version: 2 }).catch((failure: unknown) => failure);
    expect(described(error)).toStrictEqual({
      name: 'StoreWriteError',
      message: 'no space left on device (ENOSPC) writing harness-runs/r-1.json',
      code: 'STORAGE_FULL',
      status: 507,
      errno: 'ENOSPC',
      path: 'harness-runs/r-1.json',
    });
    expect([(error as Error).cause === injected, isContractError(error)]).toStrictEqual([
      true,
      true,
    ]);
    expect(fake.log).toStrictEqual([
      `open ${TEMP}`,
      `writeFile ${TEMP} failed ENOSPC`,
      `close ${TEMP}`,
      `unlink ${TEMP}`,
    ]);
    expect([
      fake.openHandles(),
      readdirSync(path.dirname(record)),
      readFileSync(record, 'utf8'),
    ]).toStrictEqual([0, ['r-1.json'], '{\n  "version": 1\n}\n']);
  });

  test.each<[FsOperation, string[]]>([
    ['sync', [`open ${TEMP}`, `writeFile ${TEMP}`, `sync ${TEMP} failed EIO`, `close ${TEMP}`]],
    ['close', [`open ${TEMP}`, `writeFile ${TEMP}`, `sync ${TEMP}`, `close ${TEMP} failed EIO`]],
    [
      'rename',
      [
        `open ${TEMP}`,
        `writeFile ${TEMP}`,
        `sync ${TEMP}`,
        `close ${TEMP}`,
        `rename ${TEMP} -> harness-runs/r-1.json failed EIO`,
      ],
    ],
  ])(
    'EIO on %s: the temp file is removed, every handle closed, the record kept',
    async (failing, calls) => {
      const { stateDir, record } = await stateWithRecord();
      const fake = faultFs(stateDir, {
        fault: (operation, file) =>
          operation === failing && file !== 'harness-runs'
            ? systemError('EIO', failing)
            : undefined,
      });
      const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
      const error = await writer.write(record, { version: 2 }).catch((failure: unknown) => failure);
      expect([(error as Error).message, (error as StoreWriteError).code]).toStrictEqual([
        'i/o error (EIO) writing harness-runs/r-1.json',
        'INTERNAL',
      ]);
      expect(fake.log).toStrictEqual([...calls, `unlink ${TEMP}`]);
      expect([
        fake.openHandles(),
        readdirSync(path.dirname(record)),
        readFileSync(record, 'utf8'),
      ]).toStrictEqual([0, ['r-1.json'], '{\n  "version": 1\n}\n']);
    },
  );

  test('EIO on the directory fsync after the rename rejects; the directory handle is closed', async () => {
    const { stateDir, record } = await stateWithRecord();
    const fake = faultFs(stateDir, {
      fault: (operation, file) =>
        operation === 'sync' && file === 'harness-runs' ? systemError('EIO', 'fsync') : undefined,
    });
    const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
    const error = await writer.write(record, { version: 2 }).catch((failure: unknown) => failure);
    expect([(error as Error).message, fake.openHandles(), fake.log.slice(-3)]).toStrictEqual([
      'i/o error (EIO) writing harness-runs/r-1.json',
      0,
      ['open harness-runs', 'sync harness-runs failed EIO', 'close harness-runs'],
    ]);
  });

  test('a platform that cannot fsync a directory (EPERM) still writes', async () => {
    const { stateDir, record } = await stateWithRecord();
    const fake = faultFs(stateDir, {
      fault: (operation, file) =>
        operation === 'sync' && file === 'harness-runs' ? systemError('EPERM', 'fsync') : undefined,
    });
    await new AtomicJsonWriter({ fs: fake.fs }).write(record, { version: 2 });
    expect([readFileSync(record, 'utf8'), fake.openHandles()]).toStrictEqual([
      '{\n  "version": 2\n}\n',
      0,
    ]);
  });

  test('without a root the message names the absolute path', async () => {
    const { stateDir, record } = await stateWithRecord();
    const fake = faultFs(stateDir, {
      fault: (operation) => (operation === 'open' ? systemError('EDQUOT', 'open') : undefined),
    });
    const error = await new AtomicJsonWriter({ fs: fake.fs })
      .write(record, { version: 2 })
      .catch((failure: unknown) => failure);
    expect(described(error)).toStrictEqual({
      name: 'StoreWriteError',
      message: `disk quota exceeded (EDQUOT) writing ${record}`,
      code: 'STORAGE_FULL',
      status: 507,
      errno: 'EDQUOT',
      path: record,
    });
  });

  test('a value JSON cannot hold throws its TypeError before any file is touched', async () => {
    const { stateDir, record } = await stateWithRecord();
    const fake = faultFs(stateDir);
    const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
    await expect(writer.write(record, { size: 1n })).rejects.toThrow(TypeError);
    expect(fake.log).toStrictEqual([]);
  });

  test('missing directories are created, and the directories holding them fsynced', async () => {
    const { stateDir } = await stateWithRecord();
    const fake = faultFs(stateDir);
    const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
    await writer.write(path.join(stateDir, 'evidence', 'r-1', 'case-1.json'), { artifacts: [] });
    const temp = 'evidence/r-1/.case-1.json.tmp';
    expect(fake.log.slice(0, 2)).toStrictEqual([
      `open ${temp} failed ENOENT`,
      'mkdir evidence/r-1',
    ]);
    // The two parents are fsynced concurrently, in either order.
    expect(fake.log.slice(2, 8).sort()).toStrictEqual([
      'close .',
      'close evidence',
      'open .',
      'open evidence',
      'sync .',
      'sync evidence',
    ]);
    expect(fake.log.slice(8)).toStrictEqual([
      `open ${temp}`,
      `writeFile ${temp}`,
      `sync ${temp}`,
      `close ${temp}`,
      `rename ${temp} -> evidence/r-1/case-1.json`,
      'open evidence/r-1',
      'sync evidence/r-1',
      'close evidence/r-1',
    ]);
  });
});
