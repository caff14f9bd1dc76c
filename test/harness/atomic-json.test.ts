import { spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

import { readJson, writeJsonAtomic } from '../../packages/runtime/src/store/atomic-json.js';
import {
  appendJsonl,
  readJsonl,
  timelineFileFor,
} from '../../packages/runtime/src/store/jsonl-append.js';
import { compileStore } from './compiled-store.js';

const writer = fileURLToPath(new URL('./scripts/store-writer.mjs', import.meta.url));
const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'harness-store-'));
  scratch.push(dir);
  return dir;
}

function runNode(args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('exit', (code) => resolve(code));
  });
}

describe('writeJsonAtomic / readJson', () => {
  test('writes pretty JSON with a final newline, creating directories, leaving no temp file', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'harness-runs', 'run-1.json');
    await writeJsonAtomic(file, { b: 1, a: [true, null] });
    await writeJsonAtomic(file, { b: 2 });
    expect([
      readFileSync(file, 'utf8'),
      await readJson(file),
      readdirSync(path.dirname(file)),
    ]).toStrictEqual(['{\n  "b": 2\n}\n', { b: 2 }, ['run-1.json']]);
  });

  test('readJson of a missing file is undefined; bad JSON throws', async () => {
    const dir = tempDir();
    expect(await readJson(path.join(dir, 'missing.json'))).toBe(undefined);
    appendFileSync(path.join(dir, 'bad.json'), '{"half":');
    await expect(readJson(path.join(dir, 'bad.json'))).rejects.toThrow(SyntaxError);
  });

  test('a writer killed mid-run leaves a readable record and timeline', async () => {
    const dir = tempDir();
    const store = compileStore(path.join(dir, 'compiled'));
    const stateDir = path.join(dir, 'state');
    const child = spawn(process.execPath, [writer, store, stateDir, 'records'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise((resolve) => child.stdout.once('data', resolve));
    await new Promise((resolve) => setTimeout(resolve, 400));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const record = (await readJson(path.join(stateDir, 'harness-runs', 'run-1.json'))) as {
      round: number;
      steps: number[];
    };
    expect(record.steps).toStrictEqual([record.round, record.round + 1]);
    const events = await readJsonl(path.join(stateDir, 'events', '2025-01-31.jsonl'));
    expect(events.length).toBeGreaterThan(0);
    expect(events.map((event) => event.id)).toStrictEqual(events.map((_, index) => `ev-${index}`));
  });
});

describe('appendJsonl', () => {
  test('one file per UTC day, named from occurredAt', () => {
    expect(timelineFileFor('events', '2025-03-01T01:30:00+02:00')).toBe(
      path.join('events', '2025-02-28.jsonl'),
    );
    expect(() => timelineFileFor('events', 'yesterday')).toThrow(
      'occurredAt is not a date: "yesterday"',
    );
  });

  test('an event is never written twice', async () => {
    const events = path.join(tempDir(), 'events');
    const first = {
      id: 'ev-1',
      occurredAt: '2025-01-31T10:00:00.000Z',
      type: 'harness.run.started',
    };
    const outcomes = [
      await appendJsonl(events, first),
      await appendJsonl(events, { ...first, type: 'changed' }),
      await appendJsonl(events, { id: 'ev-2', occurredAt: '2025-02-01T00:00:00.000Z' }),
      await appendJsonl(events, { id: 'ev-3', occurredAt: '2025-01-31T23:59:59.999Z' }),
    ];
    expect(outcomes).toStrictEqual(['written', 'duplicate', 'written', 'written']);
    expect(readFileSync(path.join(events, '2025-01-31.jsonl'), 'utf8')).toBe(
      '{"id":"ev-1","occurredAt":"2025-01-31T10:00:00.000Z","type":"harness.run.started"}\n' +
        '{"id":"ev-3","occurredAt":"2025-01-31T23:59:59.999Z"}\n',
    );
    expect(readdirSync(events).sort()).toStrictEqual(['2025-01-31.jsonl', '2025-02-01.jsonl']);
  });

  test('concurrent appends in one process keep every id once', async () => {
    const events = path.join(tempDir(), 'events');
    const occurredAt = '2025-01-31T10:00:00.000Z';
    const ids = Array.from({ length: 40 }, (_, index) => `ev-${index % 20}`);
    await Promise.all(ids.map((id) => appendJsonl(events, { id, occurredAt })));
    const written = (await readJsonl(path.join(events, '2025-01-31.jsonl'))).map(
      (event) => event.id,
    );
    expect(written.sort()).toStrictEqual(
      Array.from({ length: 20 }, (_, index) => `ev-${index}`).sort(),
    );
  });

  test('appends made together are one group, written in call order, duplicates dropped', async () => {
    const events = path.join(tempDir(), 'events');
    const occurredAt = '2025-01-31T10:00:00.000Z';
    const ids = ['ev-3', 'ev-1', 'ev-3', 'ev-2', 'ev-1'];
    const outcomes = await Promise.all(ids.map((id) => appendJsonl(events, { id, occurredAt })));
    expect(outcomes).toStrictEqual(['written', 'written', 'duplicate', 'written', 'duplicate']);
    const written = await readJsonl(path.join(events, '2025-01-31.jsonl'));
    expect(written.map((event) => event.id)).toStrictEqual(['ev-3', 'ev-1', 'ev-2']);
    expect(readdirSync(events)).toStrictEqual(['2025-01-31.jsonl']);
  });

  test('lines appended by another process are seen; two processes never duplicate an id', async () => {
    const dir = tempDir();
    const store = compileStore(path.join(dir, 'compiled'));
    const stateDir = path.join(dir, 'state');
    await appendJsonl(path.join(stateDir, 'events'), {
      id: 'ev-0',
      occurredAt: '2025-01-31T23:59:59.000Z',
    });
    const codes = await Promise.all([
      runNode([writer, store, stateDir, 'events:0:150']),
      runNode([writer, store, stateDir, 'events:50:200']),
    ]);
    expect(codes).toStrictEqual([0, 0]);
    expect(
      await appendJsonl(path.join(stateDir, 'events'), {
        id: 'ev-200',
        occurredAt: '2025-01-31T23:59:59.000Z',
      }),
    ).toBe('duplicate');
    const ids = (await readJsonl(path.join(stateDir, 'events', '2025-01-31.jsonl'))).map(
      (event) => event.id,
    );
    expect([...ids].sort()).toStrictEqual(
      Array.from({ length: 201 }, (_, index) => `ev-${index}`).sort(),
    );
  });

  test('a torn last line is closed and skipped', async () => {
    const events = path.join(tempDir(), 'events');
    const file = path.join(events, '2025-01-31.jsonl');
    const occurredAt = '2025-01-31T10:00:00.000Z';
    await appendJsonl(events, { id: 'ev-1', occurredAt });
    appendFileSync(file, '{"id":"ev-torn","occ');
    expect(await appendJsonl(events, { id: 'ev-2', occurredAt })).toBe('written');
    expect(readFileSync(file, 'utf8')).toBe(
      `{"id":"ev-1","occurredAt":"${occurredAt}"}\n{"id":"ev-torn","occ\n{"id":"ev-2","occurredAt":"${occurredAt}"}\n`,
    );
    expect((await readJsonl(file)).map((event) => event.id)).toStrictEqual(['ev-1', 'ev-2']);
  });
});
