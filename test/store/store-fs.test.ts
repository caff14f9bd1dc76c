import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { AtomicJsonWriter } from '../../packages/runtime/src/store/atomic-json.js';
import { nodeStoreFs, SYNC_WRITE_MAX_BYTES } from '../../packages/runtime/src/store/store-fs.js';
import { faultFs } from './fault-fs.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'store-fs-'));
  scratch.push(dir);
  return dir;
}

describe('nodeStoreFs handles', () => {
  test('small and large texts and chunk lists are written whole, in order', async () => {
    const dir = tempDir();
    const large = `${'é'.repeat(SYNC_WRITE_MAX_BYTES)}end`;
    const chunks = Array.from({ length: 3000 }, (_, index) => Buffer.from(`${index},`));
    const expected: string[] = [];
    for (const [name, write, content] of [
      ['small.txt', (h: { writeFile(d: string): Promise<void> }) => h.writeFile('héllo'), 'héllo'],
      ['large.txt', (h: { writeFile(d: string): Promise<void> }) => h.writeFile(large), large],
      [
        'chunks.txt',
        (h: { writeChunks?(c: readonly Buffer[]): Promise<void> }) => h.writeChunks!(chunks),
        Buffer.concat(chunks).toString(),
      ],
    ] as const) {
      const handle = await nodeStoreFs.open(path.join(dir, name), 'wx');
      await write(handle as never);
      await handle.sync();
      await handle.close();
      expected.push(content);
    }
    expect(
      ['small.txt', 'large.txt', 'chunks.txt'].map((name) =>
        readFileSync(path.join(dir, name), 'utf8'),
      ),
    ).toStrictEqual(expected);
  });

  test('a second close is a no-op, and a closed handle refuses to write (EBADF)', async () => {
    const dir = tempDir();
    const handle = await nodeStoreFs.open(path.join(dir, 'once.txt'), 'wx');
    await handle.close();
    await handle.close();
    const error = await handle.writeFile('late').catch((failure: unknown) => failure);
    expect((error as NodeJS.ErrnoException).code).toBe('EBADF');
    expect(readFileSync(path.join(dir, 'once.txt'), 'utf8')).toBe('');
  });
});

describe('AtomicJsonWriter.writeText with chunks', () => {
  test('a file system without writeChunks gets the joined text through writeFile', async () => {
    const dir = tempDir();
    const logging = faultFs(dir);
    const writer = new AtomicJsonWriter({ fs: logging.fs, root: dir });
    const file = path.join(dir, 'runs', 'r-1.json');
    await writer.writeText(file, [Buffer.from('{\n  "a": '), Buffer.from('1\n}\n')]);
    expect(readFileSync(file, 'utf8')).toBe('{\n  "a": 1\n}\n');
    expect(logging.log.filter((call) => call.startsWith('writeFile'))).toStrictEqual([
      'writeFile runs/.r-1.json.tmp',
    ]);
  });
});
