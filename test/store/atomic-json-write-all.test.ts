import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { AtomicJsonWriter } from '../../packages/runtime/src/store/atomic-json.js';
import { StoreWriteError } from '../../packages/runtime/src/store/store-errors.js';
import { faultFs, systemError, type FaultRule, type FsOperation } from './fault-fs.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const DIR = 'evidence';
const FILES = ['c-1.json', 'c-2.json', 'c-3.json'];

/** Resolves once `ready()` holds, checking after each turn of the event loop (no timer). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Writes FILES into `evidence/` with one `writeAll`, through a logging file system whose
 * temp-file fsyncs start one after another (c-2's once c-1 is renamed or failed, c-3's once c-2
 * is), as a disk finishes them, so the renames are apart. Returns the calls logged from the
 * first temp-file open on (`sync evidence` is the directory's fsync) and the settled outcomes.
 */
async function writeThree(
  fault?: FaultRule,
): Promise<{ log: string[]; outcomes: PromiseSettledResult<void>[]; stateDir: string }> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'write-all-'));
  scratch.push(stateDir);
  let armed = false;
  const log: string[] = [];
  const before = async (operation: FsOperation, file: string) => {
    if (!armed || operation !== 'sync') return;
    const index = FILES.findIndex((name) => file === `${DIR}/.${name}.tmp`);
    if (index > 0) {
      const previous = FILES[index - 1]!;
      await until(() =>
        log.some(
          (call) =>
            call.endsWith(`-> ${DIR}/${previous}`) ||
            (call.includes(`${DIR}/.${previous}.tmp`) && call.endsWith(' failed ENOSPC')),
        ),
      );
    }
  };
  const fake = faultFs(stateDir, {
    fault: (operation, file) => (armed ? fault?.(operation, file) : undefined),
    before,
    log,
  });
  const writer = new AtomicJsonWriter({ fs: fake.fs, root: stateDir });
  await writer.write(path.join(stateDir, DIR, 'seed.json'), {});
  log.length = 0;
  armed = true;
  const files = FILES.map((name, index) => ({
    path: path.join(stateDir, DIR, name),
    value: { index },
  }));
  const outcomes = await Promise.allSettled(writer.writeAll(files));
  return { log, outcomes, stateDir };
}

describe('AtomicJsonWriter.writeAll', () => {
  test('renames every file, then fsyncs their directory once', async () => {
    const { log, outcomes, stateDir } = await writeThree();
    expect([
      outcomes.map((outcome) => outcome.status),
      log.filter((call) => call.startsWith('rename ') || call === `sync ${DIR}`),
      FILES.map((name) => readFileSync(path.join(stateDir, DIR, name), 'utf8')),
    ]).toStrictEqual([
      ['fulfilled', 'fulfilled', 'fulfilled'],
      [
        `rename ${DIR}/.c-1.json.tmp -> ${DIR}/c-1.json`,
        `rename ${DIR}/.c-2.json.tmp -> ${DIR}/c-2.json`,
        `rename ${DIR}/.c-3.json.tmp -> ${DIR}/c-3.json`,
        `sync ${DIR}`,
      ],
      ['{\n  "index": 0\n}\n', '{\n  "index": 1\n}\n', '{\n  "index": 2\n}\n'],
    ]);
  });

  test('a file that fails rejects alone, naming it; the others are written and synced', async () => {
    const { log, outcomes, stateDir } = await writeThree((operation, file) =>
      operation === 'writeFile' && file === `${DIR}/.c-2.json.tmp`
        ? systemError('ENOSPC', 'write')
        : undefined,
    );
    const rejection = outcomes[1]!.status === 'rejected' ? outcomes[1]!.reason : undefined;
    expect([
      outcomes.map((outcome) => outcome.status),
      rejection instanceof StoreWriteError ? rejection.message : rejection,
      FILES.map((name) => existsSync(path.join(stateDir, DIR, name))),
      log.filter((call) => call === `sync ${DIR}`).length,
      existsSync(path.join(stateDir, DIR, '.c-2.json.tmp')),
    ]).toStrictEqual([
      ['fulfilled', 'rejected', 'fulfilled'],
      'no space left on device (ENOSPC) writing evidence/c-2.json',
      [true, false, true],
      1,
      false,
    ]);
  });
});
