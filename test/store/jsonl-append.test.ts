import { spawn } from 'node:child_process';
import {
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test, vi } from 'vitest';

import {
  appendJsonl,
  DAY_FILE_IDLE_MS,
  readJsonl,
  timelineFileFor,
} from '../../packages/runtime/src/store/jsonl-append.js';
import { compileStore } from '../harness/compiled-store.js';

const writer = fileURLToPath(new URL('./scripts/timeline-writer.mjs', import.meta.url));
const occurredAt = '2025-01-31T10:00:00.000Z';

const scratch: string[] = [];
const children: number[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const pid of children.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // exited already
    }
  }
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function eventsDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'jsonl-append-'));
  scratch.push(dir);
  return path.join(dir, 'events');
}

/** How many descriptors of this process are open on `file` (Linux /proc/self/fd). */
function openDescriptors(file: string): number {
  let count = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`) === file) count += 1;
    } catch {
      // closed while listing
    }
  }
  return count;
}

describe('the kept-open day file', () => {
  test('every append is on disk when it resolves, through one descriptor kept open', async () => {
    const events = eventsDir();
    const day = path.join(events, '2025-01-31.jsonl');
    const seen: string[] = [];
    for (const id of ['ev-1', 'ev-2', 'ev-3']) {
      expect(await appendJsonl(events, { id, occurredAt })).toBe('written');
      seen.push(readFileSync(day, 'utf8'));
    }
    const line = (id: string) => `{"id":"${id}","occurredAt":"${occurredAt}"}\n`;
    expect(seen).toStrictEqual([
      line('ev-1'),
      line('ev-1') + line('ev-2'),
      line('ev-1') + line('ev-2') + line('ev-3'),
    ]);
    expect(openDescriptors(day)).toBe(1);
    expect(readdirSync(events)).toStrictEqual(['2025-01-31.jsonl']);
  });

  test('is closed once idle for DAY_FILE_IDLE_MS, and reopened by the next append', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const events = eventsDir();
    const day = path.join(events, '2025-01-31.jsonl');
    await appendJsonl(events, { id: 'ev-1', occurredAt });
    // The idle timer is armed once the group's commit has wound up, after the append resolved.
    await new Promise((resolve) => setImmediate(resolve));
    const whileFresh = openDescriptors(day);
    vi.advanceTimersByTime(DAY_FILE_IDLE_MS - 1);
    const justBefore = openDescriptors(day);
    vi.advanceTimersByTime(1);
    const afterIdle = openDescriptors(day);
    expect(await appendJsonl(events, { id: 'ev-1', occurredAt })).toBe('duplicate');
    expect(await appendJsonl(events, { id: 'ev-2', occurredAt })).toBe('written');
    expect([whileFresh, justBefore, afterIdle, openDescriptors(day)]).toStrictEqual([1, 1, 0, 1]);
    expect((await readJsonl(day)).map((event) => event.id)).toStrictEqual(['ev-1', 'ev-2']);
  });

  test('a day file removed meanwhile is created again, not written through the old descriptor', async () => {
    const events = eventsDir();
    const day = path.join(events, '2025-01-31.jsonl');
    await appendJsonl(events, { id: 'ev-1', occurredAt });
    unlinkSync(day);
    expect(await appendJsonl(events, { id: 'ev-1', occurredAt })).toBe('written');
    expect(await appendJsonl(events, { id: 'ev-2', occurredAt })).toBe('written');
    expect((await readJsonl(day)).map((event) => event.id)).toStrictEqual(['ev-1', 'ev-2']);
    expect(openDescriptors(day)).toBe(1);
  });

  test('a day file replaced meanwhile is indexed again from its start', async () => {
    const events = eventsDir();
    const day = path.join(events, '2025-01-31.jsonl');
    await appendJsonl(events, { id: 'ev-1', occurredAt });
    const replacement = path.join(events, 'replacement');
    writeFileSync(replacement, `{"id":"ev-9","occurredAt":"${occurredAt}"}\n`);
    renameSync(replacement, day);
    const outcomes = [
      await appendJsonl(events, { id: 'ev-9', occurredAt }),
      await appendJsonl(events, { id: 'ev-1', occurredAt }),
    ];
    expect(outcomes).toStrictEqual(['duplicate', 'written']);
    expect((await readJsonl(day)).map((event) => event.id)).toStrictEqual(['ev-9', 'ev-1']);
  });

  test('a writer killed mid-run leaves every line it had appended readable, in order', async () => {
    const dir = path.dirname(eventsDir());
    const store = compileStore(path.join(dir, 'compiled'));
    const events = path.join(dir, 'state', 'events');
    const child = spawn(process.execPath, [writer, store, events], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child.pid!);
    const resolved: string[] = [];
    let pending = '';
    await new Promise<void>((resolve) => {
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString('utf8');
        const lines = pending.split('\n');
        pending = lines.pop()!;
        resolved.push(...lines);
        if (resolved.length >= 200) resolve();
      });
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const text = readFileSync(path.join(events, '2025-01-31.jsonl'), 'utf8');
    const complete = text
      .slice(0, text.lastIndexOf('\n') + 1)
      .split('\n')
      .slice(0, -1);
    const ids = complete.map((line) => (JSON.parse(line) as { id: string }).id);
    // Every line written whole parses; they are ev-0, ev-1, … in order, and hold every append
    // that had resolved before the kill.
    expect(ids).toStrictEqual(ids.map((_, index) => `ev-${index}`));
    expect(ids.slice(0, resolved.length)).toStrictEqual(resolved);
    // The next writer closes a torn tail, if any, and appends after it.
    expect(await appendJsonl(events, { id: 'ev-after', occurredAt })).toBe('written');
    const after = (await readJsonl(path.join(events, '2025-01-31.jsonl'))).map((event) => event.id);
    expect(after).toStrictEqual([...ids, 'ev-after']);
  });
});

describe('timelineFileFor', () => {
  test('names the UTC day of each instant, whatever was named before', () => {
    const named = [
      timelineFileFor('a', '2025-01-31T23:59:59.999Z'),
      timelineFileFor('a', '2025-02-01T00:00:00.000Z'),
      timelineFileFor('b', '2025-02-01T00:00:00.001Z'),
      timelineFileFor('b', '2025-02-01T01:30:00+02:00'),
      timelineFileFor('b', '2025-02-01T23:59:59.999Z'),
      timelineFileFor('a', '1969-12-31T23:59:59.999Z'),
    ];
    expect(named).toStrictEqual([
      path.join('a', '2025-01-31.jsonl'),
      path.join('a', '2025-02-01.jsonl'),
      path.join('b', '2025-02-01.jsonl'),
      path.join('b', '2025-01-31.jsonl'),
      path.join('b', '2025-02-01.jsonl'),
      path.join('a', '1969-12-31.jsonl'),
    ]);
  });
});
