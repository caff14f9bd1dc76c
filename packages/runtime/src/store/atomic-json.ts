import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

import { withFileLock } from './file-lock.js';

/**
 * Writes `value` as JSON (`JSON.stringify(value, null, 2) + "\n"`) so that readers only ever see
 * the old file or the new one (every write is atomic: temp file + rename): the text
 * goes to a temp file in the same directory, is fsynced, renamed over `filePath`, and the directory
 * is fsynced (best effort). Missing directories are created. Throws on I/O errors (the temp file is
 * removed).
 */
export async function writeJsonAtomic(filePath: string, value: unknown): Promise<void> {
  const directory = path.dirname(filePath);
  await mkdir(directory, { recursive: true });
  const temp = path.join(
    directory,
    `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(`${JSON.stringify(value, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, filePath);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncDirectory(directory);
}

/** Parses a JSON file; `undefined` when it does not exist. Throws on other I/O errors or bad JSON. */
export async function readJson(filePath: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return JSON.parse(text) as unknown;
}

/** A timeline entry: `id` unique across the timeline, `occurredAt` an ISO 8601 instant. */
export interface TimelineEntry {
  id: string;
  occurredAt: string;
  [field: string]: unknown;
}

/** `events/2025-01-31.jsonl` under `eventsDir`: the UTC day of `occurredAt`. Throws on a bad date. */
export function timelineFileFor(eventsDir: string, occurredAt: string): string {
  const time = new Date(occurredAt);
  if (Number.isNaN(time.getTime()))
    throw new Error(`occurredAt is not a date: ${JSON.stringify(occurredAt)}`);
  return path.join(eventsDir, `${time.toISOString().slice(0, 10)}.jsonl`);
}

interface DayIndex {
  ids: Set<string>;
  /** Bytes of the file already indexed: always the end of a complete line. */
  size: number;
}

const dayIndexes = new Map<string, DayIndex>();

interface PendingAppend {
  entry: TimelineEntry;
  resolve: (outcome: 'written' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/** Entries waiting for the next group commit, by day file, in call order. */
const pendingAppends = new Map<string, PendingAppend[]>();

/**
 * Appends one entry as a JSON line to the timeline file of its UTC day. Under a file lock (so other processes, e.g.
 * a cancel, can append too), lines appended since the last call are indexed, and the entry is
 * written only if no line holds its `id`. A torn last line (a writer killed mid-line) is closed
 * with a newline first and skipped by `readJsonl`. Returns `'written'` or `'duplicate'`.
 *
 * Group commit: appends made while a write to the same file is in flight are written together
 * (one lock, one write, one fsync), in call order, so entries of one process keep the order in
 * which `appendJsonl` was called. Rejects when `occurredAt` is not a date or on I/O errors (every
 * entry of the failed group rejects).
 */
export function appendJsonl(
  eventsDir: string,
  entry: TimelineEntry,
): Promise<'written' | 'duplicate'> {
  let file: string;
  try {
    file = timelineFileFor(eventsDir, entry.occurredAt);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const group = pendingAppends.get(file);
    if (group) {
      group.push({ entry, resolve, reject });
      return;
    }
    pendingAppends.set(file, [{ entry, resolve, reject }]);
    commitGroup(eventsDir, file).catch(() => undefined);
  });
}

async function commitGroup(eventsDir: string, file: string): Promise<void> {
  let group: PendingAppend[] = [];
  const outcomes: ('written' | 'duplicate')[] = [];
  try {
    await mkdir(eventsDir, { recursive: true });
    await withFileLock(`${file}.lock`, async () => {
      group = pendingAppends.get(file) ?? [];
      pendingAppends.delete(file);
      if (group.length === 0) return;
      const { index, torn } = await refreshIndex(file);
      const lines: string[] = [];
      for (const { entry } of group) {
        if (index.ids.has(entry.id)) {
          outcomes.push('duplicate');
          continue;
        }
        index.ids.add(entry.id);
        lines.push(`${JSON.stringify(entry)}\n`);
        outcomes.push('written');
      }
      if (lines.length > 0) {
        const handle = await open(file, 'a');
        try {
          await handle.writeFile(`${torn ? '\n' : ''}${lines.join('')}`);
          await handle.sync();
        } finally {
          await handle.close();
        }
        index.size = (await stat(file)).size;
      }
    });
  } catch (error) {
    // A failed write leaves the index unsure: forget it so the next append re-reads the file.
    dayIndexes.delete(file);
    const failed = group.length > 0 ? group : (pendingAppends.get(file) ?? []);
    if (failed === pendingAppends.get(file)) pendingAppends.delete(file);
    for (const pending of failed) pending.reject(error);
    return;
  }
  // Settled once the lock is released, so a caller that awaited sees the lock file gone.
  group.forEach((pending, position) => pending.resolve(outcomes[position]!));
}

async function refreshIndex(file: string): Promise<{ index: DayIndex; torn: boolean }> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    size = 0;
  }
  let index = dayIndexes.get(file);
  if (!index || size < index.size) {
    index = { ids: new Set(), size: 0 };
    dayIndexes.set(file, index);
  }
  if (size === index.size) return { index, torn: false };
  const handle = await open(file, 'r');
  let fresh: Buffer;
  try {
    fresh = Buffer.alloc(size - index.size);
    await handle.read(fresh, 0, fresh.length, index.size);
  } finally {
    await handle.close();
  }
  const lastNewline = fresh.lastIndexOf(0x0a);
  for (const entry of parseLines(fresh.subarray(0, lastNewline + 1).toString('utf8'))) {
    index.ids.add(entry.id);
  }
  index.size += lastNewline + 1;
  return { index, torn: lastNewline + 1 < fresh.length };
}

/**
 * The entries of one JSONL file, in file order; `[]` when it does not exist. Lines that are not a
 * JSON object with a string `id` (a torn line) are skipped.
 */
export async function readJsonl(filePath: string): Promise<TimelineEntry[]> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return parseLines(text);
}

function parseLines(text: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const line of text.split('\n')) {
    if (line.trim().length === 0) continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (
        typeof value === 'object' &&
        value !== null &&
        typeof (value as TimelineEntry).id === 'string'
      ) {
        entries.push(value as TimelineEntry);
      }
    } catch {
      // A torn line from a writer killed mid-write.
    }
  }
  return entries;
}

async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename itself is still atomic.
  }
}
