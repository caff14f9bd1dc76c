import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { isDeeplyFrozen } from '../../packages/runtime/src/deep-freeze.js';
import { JsonFileCache, RACY_MARGIN_MS } from '../../packages/runtime/src/store/json-file-cache.js';
import { writeJsonAtomic } from '../../packages/runtime/src/store/atomic-json.js';
import { CorruptRecordError } from '../../packages/runtime/src/store/store-errors.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempFile(name = 'record.json'): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'json-file-cache-'));
  scratch.push(dir);
  return path.join(dir, name);
}

/** Sets the file's mtime an hour back, as if it had been written long ago (a settled file). */
function age(file: string): void {
  const past = new Date(Date.now() - 3_600_000);
  utimesSync(file, past, past);
}

/** Replaces the file synchronously (temp file + rename, an hour-old mtime), within this turn. */
function replaceSettled(file: string, value: unknown): void {
  writeFileSync(`${file}.next`, JSON.stringify(value));
  age(`${file}.next`);
  renameSync(`${file}.next`, file);
}

/**
 * A settled file `{ n: 1 }` and a cache that has kept its parse and just validated it: the caller
 * is still in the turn of that validation.
 */
async function validatedThisTurn(): Promise<{
  file: string;
  cache: JsonFileCache;
  validated: unknown;
}> {
  const file = tempFile();
  await writeJsonAtomic(file, { n: 1 });
  age(file);
  const cache = new JsonFileCache();
  await cache.read(file);
  return { file, cache, validated: await cache.read(file) };
}

describe('JsonFileCache', () => {
  test('parses a settled file once: the same deeply frozen value until the file changes', async () => {
    const file = tempFile();
    await writeJsonAtomic(file, { status: 'running', steps: [{ n: 1 }] });
    age(file);
    const cache = new JsonFileCache();
    const first = await cache.read(file);
    const second = await cache.read(file);
    expect(first).toStrictEqual({ status: 'running', steps: [{ n: 1 }] });
    expect([second === first, isDeeplyFrozen(first)]).toStrictEqual([true, true]);
  });

  test('atomic rewrites of the same size are read at once', async () => {
    const file = tempFile();
    await writeJsonAtomic(file, { status: 'running' });
    age(file);
    const cache = new JsonFileCache();
    expect(await cache.read(file)).toStrictEqual({ status: 'running' });
    await writeJsonAtomic(file, { status: 'stopped' });
    expect(await cache.read(file)).toStrictEqual({ status: 'stopped' });
    await writeJsonAtomic(file, { status: 'aborted' });
    expect(await cache.read(file)).toStrictEqual({ status: 'aborted' });
  });

  test('a replacement with the same size and mtime is read at once (another inode)', async () => {
    const file = tempFile();
    const past = new Date(Date.now() - 3_600_000);
    await writeJsonAtomic(file, { n: 1 });
    utimesSync(file, past, past);
    const cache = new JsonFileCache();
    expect(await cache.read(file)).toStrictEqual({ n: 1 });
    writeFileSync(`${file}.next`, `${JSON.stringify({ n: 2 }, null, 2)}\n`);
    utimesSync(`${file}.next`, past, past);
    renameSync(`${file}.next`, file);
    expect(await cache.read(file)).toStrictEqual({ n: 2 });
  });

  test('a rewrite by another process is read at once', async () => {
    const file = tempFile();
    await writeJsonAtomic(file, { status: 'running' });
    age(file);
    const cache = new JsonFileCache();
    expect(await cache.read(file)).toStrictEqual({ status: 'running' });
    const script = `const fs = require('node:fs');
      fs.writeFileSync(process.argv[1] + '.tmp', JSON.stringify({ status: 'stopped' }));
      fs.renameSync(process.argv[1] + '.tmp', process.argv[1]);`;
    execFileSync(process.execPath, ['-e', script, file]);
    expect(await cache.read(file)).toStrictEqual({ status: 'stopped' });
  });

  test('an in-place rewrite of the same size is read at once (a new mtime)', async () => {
    const file = tempFile();
    writeFileSync(file, '{"n":1}');
    age(file);
    const cache = new JsonFileCache();
    expect(await cache.read(file)).toStrictEqual({ n: 1 });
    writeFileSync(file, '{"n":2}');
    expect(await cache.read(file)).toStrictEqual({ n: 2 });
  });

  test(`a file changed less than ${RACY_MARGIN_MS} ms before it was opened is parsed on every read`, async () => {
    const file = tempFile();
    writeFileSync(file, '{"n":1}');
    const cache = new JsonFileCache();
    const first = await cache.read(file);
    const second = await cache.read(file);
    expect([first, second === first, isDeeplyFrozen(second)]).toStrictEqual([
      { n: 1 },
      false,
      true,
    ]);
  });

  test('validates a kept parse once per event-loop turn: a rewrite shows from the next turn', async () => {
    const { file, cache, validated } = await validatedThisTurn();
    replaceSettled(file, { n: 2 });
    const sameTurn = await cache.read(file);
    await new Promise((resolve) => setImmediate(resolve));
    const nextTurn = await cache.read(file);
    expect([validated, sameTurn === validated, nextTurn]).toStrictEqual([{ n: 1 }, true, { n: 2 }]);
  });

  test('forget drops the validation of the turn, so a writer reads its own write at once', async () => {
    const { file, cache, validated } = await validatedThisTurn();
    replaceSettled(file, { n: 2 });
    cache.forget(file);
    expect([validated, await cache.read(file)]).toStrictEqual([{ n: 1 }, { n: 2 }]);
  });

  test('kept answers a kept parse without reading the file, and nothing for one that changed', async () => {
    const file = tempFile();
    await writeJsonAtomic(file, { n: 1 });
    age(file);
    const cache = new JsonFileCache();
    const beforeRead = cache.kept(file);
    const read = await cache.read(file);
    const kept = cache.kept(file);
    await new Promise((resolve) => setImmediate(resolve));
    replaceSettled(file, { n: 2 });
    const changed = cache.kept(file);
    expect([beforeRead, kept === read, changed, await cache.read(file)]).toStrictEqual([
      undefined,
      true,
      undefined,
      { n: 2 },
    ]);
  });

  test('a missing or removed file reads undefined; invalid JSON throws CorruptRecordError', async () => {
    const file = tempFile();
    const cache = new JsonFileCache();
    expect(await cache.read(file)).toBe(undefined);
    writeFileSync(file, '{"n":1}');
    age(file);
    expect(await cache.read(file)).toStrictEqual({ n: 1 });
    unlinkSync(file);
    expect(await cache.read(file)).toBe(undefined);
    writeFileSync(file, '{"n":');
    await expect(cache.read(file)).rejects.toThrow(CorruptRecordError);
  });

  test('keeps at most maxChars of text: the oldest entry goes, a larger file is never kept', async () => {
    const [one, two, big] = [tempFile('one.json'), tempFile('two.json'), tempFile('big.json')];
    writeFileSync(one, '{"file":"one"}');
    writeFileSync(two, '{"file":"two"}');
    writeFileSync(big, `{"file":"${'b'.repeat(40)}"}`);
    for (const file of [one, two, big]) age(file);
    const cache = new JsonFileCache({ maxChars: 20 });
    const firstOne = await cache.read(one);
    const firstTwo = await cache.read(two);
    const kept = [
      (await cache.read(two)) === firstTwo,
      (await cache.read(one)) === firstOne,
      (await cache.read(big)) === (await cache.read(big)),
    ];
    expect(kept).toStrictEqual([true, false, false]);
  });
});
