import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { AtomicJsonWriter } from '../../packages/runtime/src/store/atomic-json.js';
import { faultFs, systemError, type FaultRule, type FsOperation } from './fault-fs.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const FILES = ['r-1.json', 'r-2.json', 'r-3.json', 'r-4.json', 'r-5.json'];
const DIR = 'harness-runs';

/** Resolves once `ready()` holds, checking after each turn of the event loop (no timer). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

/**
 * Writes FILES concurrently into `harness-runs/` through a logging file system, in this order:
 * r-1.json is renamed first and its directory fsync begins; only then are the other four renamed,
 * and that first directory fsync ends only after all five renames. `begin sync <path>` marks the
 * start of an fsync, `sync <path>` its end, `resolved <file>` a settled write. Returns the log and
 * the settled outcomes.
 */
async function writeFive(
  grouped: boolean,
  fault?: FaultRule,
): Promise<{ log: string[]; outcomes: PromiseSettledResult<void>[] }> {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'commit-queue-'));
  scratch.push(stateDir);
  let armed = false;
  let firstDirectorySync = true;
  const log: string[] = [];
  const renamed = () => log.filter((call) => call.startsWith('rename ')).length;
  const before = async (operation: FsOperation, file: string) => {
    if (!armed) return;
    if (operation === 'rename' && file !== `${DIR}/r-1.json`) {
      await until(() => log.includes(`begin sync ${DIR}`));
    }
    if (operation === 'sync') log.push(`begin sync ${file}`);
    if (operation === 'sync' && file === DIR && firstDirectorySync) {
      firstDirectorySync = false;
      await until(() => renamed() === FILES.length);
    }
  };
  const fake = faultFs(stateDir, {
    fault: (operation, file) => (armed ? fault?.(operation, file) : undefined),
    before,
    log,
  });
  const writer = new AtomicJsonWriter({ fs: fake.fs, grouped, root: stateDir });
  await writer.write(path.join(stateDir, DIR, 'seed.json'), {});
  log.length = 0;
  armed = true;
  const outcomes = await Promise.allSettled(
    FILES.map((file) =>
      writer
        .write(path.join(stateDir, DIR, file), { file })
        .finally(() => log.push(`resolved ${file}`)),
    ),
  );
  for (const [index, file] of FILES.entries()) {
    if (outcomes[index]!.status === 'fulfilled') {
      expect(readFileSync(path.join(stateDir, DIR, file), 'utf8')).toBe(
        `{\n  "file": "${file}"\n}\n`,
      );
    }
  }
  return { log, outcomes };
}

/**
 * The durability rule of every write that resolved, as violations (empty when it holds): its temp
 * file was fsynced before its rename, and a directory fsync that began after the rename ended
 * before the write resolved.
 */
function durabilityViolations(log: string[], outcomes: PromiseSettledResult<void>[]): string[] {
  const violations: string[] = [];
  const rounds: { begin: number; end: number }[] = [];
  let begin = -1;
  log.forEach((call, index) => {
    if (call === `begin sync ${DIR}`) begin = index;
    if (call === `sync ${DIR}`) rounds.push({ begin, end: index });
  });
  for (const [position, file] of FILES.entries()) {
    if (outcomes[position]!.status !== 'fulfilled') continue;
    const temp = `${DIR}/.${file}.tmp`;
    const rename = log.indexOf(`rename ${temp} -> ${DIR}/${file}`);
    const resolved = log.indexOf(`resolved ${file}`);
    if (!(log.indexOf(`sync ${temp}`) < rename)) violations.push(`${file}: renamed before fsync`);
    if (!rounds.some((round) => round.begin > rename && round.end < resolved)) {
      violations.push(`${file}: resolved before a directory fsync that began after its rename`);
    }
  }
  return violations;
}

const directorySyncs = (log: string[]) => log.filter((call) => call === `sync ${DIR}`).length;

describe('group commit of directory fsyncs', () => {
  test('five concurrent writes share two directory fsyncs, and each resolves only once durable', async () => {
    const { log, outcomes } = await writeFive(true);
    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(FILES.map(() => 'fulfilled'));
    expect([directorySyncs(log), durabilityViolations(log, outcomes)]).toStrictEqual([2, []]);
    // r-1 was covered by the first fsync, the four renamed during it by the second.
    expect(log.indexOf('resolved r-1.json') < log.lastIndexOf(`begin sync ${DIR}`)).toBe(true);
  });

  test('ungrouped, the same writes fsync the directory once each', async () => {
    const { log, outcomes } = await writeFive(false);
    expect([directorySyncs(log), durabilityViolations(log, outcomes)]).toStrictEqual([5, []]);
  });

  test('a directory fsync that fails rejects only the writes it covered', async () => {
    let failed = false;
    const fault: FaultRule = (operation, file) => {
      if (operation !== 'sync' || file !== DIR || failed) return undefined;
      failed = true;
      return systemError('EIO', 'fsync');
    };
    const { log, outcomes } = await writeFive(true, fault);
    expect(
      outcomes.map((outcome) =>
        outcome.status === 'rejected' ? (outcome.reason as Error).message : 'fulfilled',
      ),
    ).toStrictEqual([
      'i/o error (EIO) writing harness-runs/r-1.json',
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ]);
    expect(durabilityViolations(log, outcomes)).toStrictEqual([]);
  });

  test('the file fsyncs of concurrent writes run at the same time', async () => {
    const stateDir = mkdtempSync(path.join(tmpdir(), 'commit-queue-'));
    scratch.push(stateDir);
    const begun = new Set<string>();
    const fake = faultFs(stateDir, {
      before: async (operation, file) => {
        if (operation !== 'sync') return;
        begun.add(file);
        // r-1's fsync ends only once r-2's has begun: serialised fsyncs would never finish.
        if (file === `${DIR}/.r-1.json.tmp`) await until(() => begun.has(`${DIR}/.r-2.json.tmp`));
      },
    });
    const writer = new AtomicJsonWriter({ fs: fake.fs });
    await Promise.all(
      ['r-1.json', 'r-2.json'].map((file) => writer.write(path.join(stateDir, DIR, file), {})),
    );
    expect([...begun].filter((file) => file.endsWith('.tmp')).sort()).toStrictEqual([
      `${DIR}/.r-1.json.tmp`,
      `${DIR}/.r-2.json.tmp`,
    ]);
  });
});
