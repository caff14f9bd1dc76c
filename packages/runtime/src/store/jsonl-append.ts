import { closeSync, existsSync, fstatSync, statSync, type Stats } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { sharedCommits } from './commit-queue.js';
import { withFileLock } from './file-lock.js';
import { asStoreWriteError } from './store-errors.js';
import {
  openDescriptor,
  readAt,
  syncDescriptorData,
  truncateDescriptor,
  writeText,
} from './store-fs.js';
import { makeFolders } from '../core/make-folders.js';

/** A timeline entry: `id` unique across the timeline, `occurredAt` an ISO 8601 instant. */
export interface TimelineEntry {
  id: string;
  occurredAt: string;
  [field: string]: unknown;
}

/** Options of {@link appendJsonl}. */
export interface AppendOptions {
  /** Error messages name files relative to this directory (the state directory); else absolute. */
  readonly root?: string;
}

/** How long a day file stays open after its last append, in milliseconds. */
export const DAY_FILE_IDLE_MS = 5_000;

const DAY_MS = 86_400_000;

/** The day file last named: the events of a run mostly share it. */
let lastDayFile = { eventsDir: '', start: Number.NaN, file: '' };

/** `events/2025-01-31.jsonl` under `eventsDir`: the UTC day of `occurredAt`. Throws on a bad date. */
export function timelineFileFor(eventsDir: string, occurredAt: string): string {
  const time = Date.parse(occurredAt);
  if (Number.isNaN(time))
    throw new Error(`occurredAt is not a date: ${JSON.stringify(occurredAt)}`);
  const last = lastDayFile;
  if (eventsDir === last.eventsDir && time >= last.start && time < last.start + DAY_MS) {
    return last.file;
  }
  const day = new Date(time).toISOString().slice(0, 10);
  const file = path.join(eventsDir, `${day}.jsonl`);
  lastDayFile = { eventsDir, start: Math.floor(time / DAY_MS) * DAY_MS, file };
  return file;
}

interface PendingAppend {
  entry: TimelineEntry;
  resolve: (outcome: 'written' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/**
 * What this process knows of one day file: the ids of its lines up to `size` bytes (always the end
 * of a complete line), which file that was (device, inode, birth time), the descriptor kept open
 * between appends, and the appends waiting for the next group commit.
 */
interface DayFile {
  readonly file: string;
  ids: Set<string>;
  size: number;
  identity: FileIdentity | undefined;
  fd: number | undefined;
  pending: PendingAppend[];
  committing: boolean;
  idle: NodeJS.Timeout | undefined;
}

interface FileIdentity {
  readonly dev: number;
  readonly ino: number;
  readonly birthtimeMs: number;
}

const dayFiles = new Map<string, DayFile>();

/**
 * Appends one entry as a JSON line to the timeline file of its UTC day. Under a file lock (so
 * other processes, e.g. a cancel, can append too), lines appended since the last call are
 * indexed, and the entry is written only if no line holds its `id`. A torn last line (a writer
 * killed mid-line) is closed with a newline first and skipped by `readJsonl`. Returns `'written'`
 * or `'duplicate'`.
 *
 * Group commit: appends made while a write to the same file is in flight are written together
 * (one lock, one write, one fdatasync), in call order, so entries of one process keep the order in
 * which `appendJsonl` was called; the append resolves once its line is on stable storage (fdatasync
 * covers the data and the file size). A new day file's directory is fsynced too. The day file's
 * descriptor (O_APPEND, close-on-exec) stays open between groups and is closed after
 * {@link DAY_FILE_IDLE_MS} without appends; before each group the path is checked to still name
 * that file, so a day file removed or replaced meanwhile is reopened and re-indexed. A group whose
 * write fails is cut off the file again (truncated to the size before it), so no caller whose
 * append rejected finds its line written later.
 * Rejects with the Error of an `occurredAt` that is not a date, or with a StoreWriteError naming
 * the errno and the day file (or its lock) on I/O errors (every entry of the failed group rejects).
 */
export function appendJsonl(
  eventsDir: string,
  entry: TimelineEntry,
  options: AppendOptions = {},
): Promise<'written' | 'duplicate'> {
  let file: string;
  try {
    file = timelineFileFor(eventsDir, entry.occurredAt);
  } catch (error) {
    return Promise.reject(error);
  }
  return new Promise((resolve, reject) => {
    const day = dayFileOf(file);
    day.pending.push({ entry, resolve, reject });
    if (day.committing) return;
    day.committing = true;
    if (day.idle !== undefined) clearTimeout(day.idle);
    day.idle = undefined;
    void commitAll(day, eventsDir, options.root);
  });
}

function dayFileOf(file: string): DayFile {
  let day = dayFiles.get(file);
  if (day === undefined) {
    day = {
      file,
      ids: new Set(),
      size: 0,
      identity: undefined,
      fd: undefined,
      pending: [],
      committing: false,
      idle: undefined,
    };
    dayFiles.set(file, day);
  }
  return day;
}

/** Commits groups until no append waits, then arms the idle close. Never rejects. */
async function commitAll(day: DayFile, eventsDir: string, root: string | undefined): Promise<void> {
  // One microtask, so that appends made in the same turn as the first form its group.
  await Promise.resolve();
  while (day.pending.length > 0) await commitGroup(day, eventsDir, root);
  day.committing = false;
  if (day.fd !== undefined) {
    day.idle = setTimeout(() => closeIdle(day), DAY_FILE_IDLE_MS);
    day.idle.unref();
  }
}

function closeIdle(day: DayFile): void {
  day.idle = undefined;
  if (day.committing) return;
  closeDescriptor(day);
}

function closeDescriptor(day: DayFile): void {
  const fd = day.fd;
  day.fd = undefined;
  if (fd !== undefined) {
    try {
      closeSync(fd);
    } catch {
      // Closing a descriptor only read and appended to undoes nothing already made durable.
    }
  }
}

/** Forgets what was indexed: the next group reads the day file again from its start. */
function forgetIndex(day: DayFile): void {
  day.ids = new Set();
  day.size = 0;
  day.identity = undefined;
}

/**
 * Commits the appends waiting on `day`, taken once its lock is held (so those made meanwhile join
 * the group), and settles each. Never rejects.
 */
async function commitGroup(
  day: DayFile,
  eventsDir: string,
  root: string | undefined,
): Promise<void> {
  let group: PendingAppend[] = [];
  const outcomes: ('written' | 'duplicate')[] = [];
  try {
    if (!existsSync(eventsDir)) await makeFolders(eventsDir);
    await withFileLock(
      `${day.file}.lock`,
      async () => {
        group = day.pending.splice(0, day.pending.length);
        const { fd, size, created } = await openCurrent(day);
        const torn = await indexNewLines(day, fd, size);
        const lines: string[] = [];
        const added = new Set<string>();
        for (const { entry } of group) {
          if (day.ids.has(entry.id) || added.has(entry.id)) {
            outcomes.push('duplicate');
            continue;
          }
          added.add(entry.id);
          lines.push(`${JSON.stringify(entry)}\n`);
          outcomes.push('written');
        }
        if (lines.length > 0) {
          const text = `${torn ? '\n' : ''}${lines.join('')}`;
          await appendDurably(fd, text, size);
          for (const id of added) day.ids.add(id);
          day.size = size + Buffer.byteLength(text, 'utf8');
        }
        if (created) await sharedCommits.syncDirectory(eventsDir);
      },
      { root },
    );
  } catch (error) {
    // A failed write leaves the index unsure: forget it so the next append re-reads the file.
    forgetIndex(day);
    if (group.length === 0) group = day.pending.splice(0, day.pending.length);
    const reason = asStoreWriteError(error, 'appending to', day.file, root);
    for (const pending of group) pending.reject(reason);
    return;
  }
  // Settled once the lock is released, so a caller that awaited sees the lock file gone.
  group.forEach((pending, position) => pending.resolve(outcomes[position]!));
}

/**
 * The open descriptor of the file `day.file` names now, and that file's size in bytes (`created`
 * when this call created it). A descriptor of a file the path no longer names (removed, replaced)
 * is closed and the index forgotten.
 */
async function openCurrent(day: DayFile): Promise<{ fd: number; size: number; created: boolean }> {
  const current = statSync(day.file, { throwIfNoEntry: false });
  if (current === undefined || (day.identity !== undefined && !sameFile(current, day.identity))) {
    closeDescriptor(day);
    forgetIndex(day);
  }
  if (day.fd === undefined) {
    // a+: appends go to the end whatever the position; reads (of other writers' lines) anywhere.
    const fd = await openDescriptor(day.file, 'a+');
    const opened = fstatSync(fd);
    if (day.identity !== undefined && !sameFile(opened, day.identity)) forgetIndex(day);
    day.fd = fd;
    day.identity = identityOf(opened);
    return { fd, size: opened.size, created: current === undefined };
  }
  return { fd: day.fd, size: current!.size, created: false };
}

function identityOf(stats: Stats): FileIdentity {
  return { dev: stats.dev, ino: stats.ino, birthtimeMs: stats.birthtimeMs };
}

function sameFile(stats: Stats, identity: FileIdentity): boolean {
  return (
    stats.ino === identity.ino &&
    stats.dev === identity.dev &&
    stats.birthtimeMs === identity.birthtimeMs
  );
}

/**
 * Indexes the lines appended to the day file since the last call (by another process, or before
 * this process opened it), up to `size` bytes. Returns true when the file ends in an incomplete
 * line. A file shorter than the index (cut by hand) is indexed again from its start.
 */
async function indexNewLines(day: DayFile, fd: number, size: number): Promise<boolean> {
  if (size < day.size) {
    day.ids = new Set();
    day.size = 0;
  }
  if (size === day.size) return false;
  const fresh = Buffer.alloc(size - day.size);
  let at = 0;
  while (at < fresh.length) {
    const got = await readAt(fd, fresh, at, fresh.length - at, day.size + at);
    if (got === 0) break;
    at += got;
  }
  const lastNewline = fresh.subarray(0, at).lastIndexOf(0x0a);
  for (const entry of parseLines(fresh.subarray(0, lastNewline + 1).toString('utf8'))) {
    day.ids.add(entry.id);
  }
  day.size += lastNewline + 1;
  return day.size < size;
}

/**
 * Appends `text` as UTF-8 (synchronously when small, see SYNC_WRITE_MAX_BYTES) and fdatasyncs it;
 * on failure cuts the file back to `sizeBefore` bytes and rethrows.
 */
async function appendDurably(fd: number, text: string, sizeBefore: number): Promise<void> {
  try {
    await writeText(fd, text);
    await syncDescriptorData(fd);
  } catch (error) {
    await truncateDescriptor(fd, sizeBefore).catch(() => undefined);
    throw error;
  }
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
