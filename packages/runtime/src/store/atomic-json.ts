import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';

import { CommitQueue } from './commit-queue.js';
import { withFileLock } from './file-lock.js';
import { asStoreWriteError, parseRecord } from './store-errors.js';
import { nodeStoreFs, type StoreFileHandle, type StoreFs } from './store-fs.js';

/** Options of {@link AtomicJsonWriter} and {@link writeJsonAtomic}. */
export interface AtomicJsonWriterOptions {
  /** The file system (default `node:fs/promises`); tests pass one that logs calls or fails. */
  readonly fs?: StoreFs;
  /** Error messages name files relative to this directory (the state directory); else absolute. */
  readonly root?: string;
  /**
   * Whether concurrent writes share directory fsyncs (default true; see CommitQueue); false
   * fsyncs the directory once per write, the benchmark's baseline.
   */
  readonly grouped?: boolean;
}

/** The directory fsyncs of every writer on the real file system, so they group across stores. */
const sharedCommits = new CommitQueue(nodeStoreFs);

/**
 * Writes JSON files so that readers only ever see the old file or the new one, and a write that
 * resolved survives a crash: temp file, fsync, rename(2), fsync of the directory, the sequence of
 * PostgreSQL's `durable_rename`. Concurrent writes run their file fsyncs
 * concurrently and share directory fsyncs ({@link CommitQueue}): each write still resolves only
 * after its temp file was fsynced before the rename and its directory was fsynced after it.
 */
export class AtomicJsonWriter {
  private readonly fs: StoreFs;
  private readonly root: string | undefined;
  private readonly commits: CommitQueue;

  constructor(options: AtomicJsonWriterOptions = {}) {
    this.fs = options.fs ?? nodeStoreFs;
    this.root = options.root;
    const grouped = options.grouped ?? true;
    this.commits =
      options.fs === undefined && grouped ? sharedCommits : new CommitQueue(this.fs, { grouped });
  }

  /**
   * Writes `value` as `JSON.stringify(value, null, 2) + "\n"` to `filePath`: the text goes to a
   * temp file in the same directory (`.<name>.<pid>.<random>.tmp`), is fsynced, renamed over
   * `filePath`, and the directory is fsynced. Missing directories are created, and the
   * directories holding them fsynced. On every failure the temp file is removed, every handle is
   * closed, and `filePath` keeps its previous content.
   * @throws StoreWriteError naming the errno and `filePath` (relative to `root`) on an I/O error;
   *   JSON.stringify's TypeError for a value it cannot serialise (nothing is written).
   */
  async write(filePath: string, value: unknown): Promise<void> {
    const text = `${JSON.stringify(value, null, 2)}\n`;
    const directory = path.dirname(filePath);
    try {
      await this.replace(directory, filePath, text);
      await this.commits.syncDirectory(directory);
    } catch (error) {
      throw asStoreWriteError(error, 'writing', filePath, this.root);
    }
  }

  private async replace(directory: string, filePath: string, text: string): Promise<void> {
    const name = `.${path.basename(filePath)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const temp = path.join(directory, name);
    const handle = await this.openTemp(directory, temp);
    let renamed = false;
    try {
      await writeDurably(handle, text);
      await this.fs.rename(temp, filePath);
      renamed = true;
    } finally {
      if (!renamed) await this.fs.unlink(temp).catch(() => undefined);
    }
  }

  /** Opens `temp` exclusively, creating its directory first when it is missing. */
  private async openTemp(directory: string, temp: string): Promise<StoreFileHandle> {
    try {
      return await this.fs.open(temp, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    const created = await this.fs.mkdir(directory, { recursive: true });
    if (created !== undefined) {
      await Promise.all(
        parentsOfCreated(path.resolve(created), path.resolve(directory)).map((parent) =>
          this.commits.syncDirectory(parent),
        ),
      );
    }
    return this.fs.open(temp, 'wx');
  }
}

/**
 * The directories whose entries changed when `mkdir -p` created `first` down to `directory`:
 * the parent of each created directory, `directory` itself excluded (its fsync follows the rename).
 */
function parentsOfCreated(first: string, directory: string): string[] {
  const parents: string[] = [];
  for (let created = directory; ; created = path.dirname(created)) {
    const parent = path.dirname(created);
    if (parent === created) break;
    parents.push(parent);
    if (created === first) break;
  }
  return parents;
}

/** Writes and fsyncs `text`, then closes `handle`, which is closed on failure too. */
async function writeDurably(handle: StoreFileHandle, text: string): Promise<void> {
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

const defaultWriter = new AtomicJsonWriter();

/**
 * {@link AtomicJsonWriter.write} with these options (a writer per call; the directory fsyncs of
 * writers on the real file system are shared anyway).
 * @throws StoreWriteError on an I/O error; TypeError for a value JSON.stringify cannot serialise.
 */
export function writeJsonAtomic(
  filePath: string,
  value: unknown,
  options?: AtomicJsonWriterOptions,
): Promise<void> {
  const writer = options === undefined ? defaultWriter : new AtomicJsonWriter(options);
  return writer.write(filePath, value);
}

/** Options of the store readers. */
export interface StoreReadOptions {
  /** Error messages name files relative to this directory (the state directory); else absolute. */
  readonly root?: string;
}

/**
 * Parses a JSON file; `undefined` when it does not exist.
 * @throws CorruptRecordError (a SyntaxError) naming the file (relative to `root`) and the line:column
 *   where it stops being JSON; the I/O error of any other failure to read.
 */
export async function readJson(filePath: string, options: StoreReadOptions = {}): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseRecord(text, filePath, options.root);
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

/** Options of {@link appendJsonl}. */
export interface AppendOptions {
  /** Error messages name files relative to this directory (the state directory); else absolute. */
  readonly root?: string;
}

/**
 * Appends one entry as a JSON line to the timeline file of its UTC day. Under a file lock (so other processes, e.g.
 * a cancel, can append too), lines appended since the last call are indexed, and the entry is
 * written only if no line holds its `id`. A torn last line (a writer killed mid-line) is closed
 * with a newline first and skipped by `readJsonl`. Returns `'written'` or `'duplicate'`.
 *
 * Group commit: appends made while a write to the same file is in flight are written together
 * (one lock, one write, one fsync), in call order, so entries of one process keep the order in
 * which `appendJsonl` was called. A new day file's directory is fsynced too. A group whose write
 * fails is cut off the file again (truncated to the size before it), so no caller whose append
 * rejected finds its line written later.
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
    const group = pendingAppends.get(file);
    if (group) {
      group.push({ entry, resolve, reject });
      return;
    }
    pendingAppends.set(file, [{ entry, resolve, reject }]);
    commitGroup(eventsDir, file, options.root).catch(() => undefined);
  });
}

async function commitGroup(
  eventsDir: string,
  file: string,
  root: string | undefined,
): Promise<void> {
  let group: PendingAppend[] = [];
  const outcomes: ('written' | 'duplicate')[] = [];
  try {
    await mkdir(eventsDir, { recursive: true });
    await withFileLock(
      `${file}.lock`,
      async () => {
        group = pendingAppends.get(file) ?? [];
        pendingAppends.delete(file);
        if (group.length === 0) return;
        const { index, torn, size } = await refreshIndex(file);
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
        if (lines.length === 0) return;
        await appendDurably(file, `${torn ? '\n' : ''}${lines.join('')}`, size);
        if (size === undefined) await sharedCommits.syncDirectory(eventsDir);
        index.size = (await stat(file)).size;
      },
      { root },
    );
  } catch (error) {
    // A failed write leaves the index unsure: forget it so the next append re-reads the file.
    dayIndexes.delete(file);
    const failed = group.length > 0 ? group : (pendingAppends.get(file) ?? []);
    if (failed === pendingAppends.get(file)) pendingAppends.delete(file);
    const reason = asStoreWriteError(error, 'appending to', file, root);
    for (const pending of failed) pending.reject(reason);
    return;
  }
  // Settled once the lock is released, so a caller that awaited sees the lock file gone.
  group.forEach((pending, position) => pending.resolve(outcomes[position]!));
}

/**
 * Appends and fsyncs `text`; on failure cuts the file back to `sizeBefore` bytes (its size before,
 * undefined when it did not exist) and closes the handle either way.
 */
async function appendDurably(
  file: string,
  text: string,
  sizeBefore: number | undefined,
): Promise<void> {
  const handle = await open(file, 'a');
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.truncate(sizeBefore ?? 0).catch(() => undefined);
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/**
 * Indexes the lines appended to `file` since the last call. `size` is the file's size in bytes,
 * undefined when it does not exist; `torn` is true when it ends in an incomplete line.
 */
async function refreshIndex(
  file: string,
): Promise<{ index: DayIndex; torn: boolean; size: number | undefined }> {
  let size: number | undefined;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  let index = dayIndexes.get(file);
  if (!index || (size ?? 0) < index.size) {
    index = { ids: new Set(), size: 0 };
    dayIndexes.set(file, index);
  }
  if ((size ?? 0) === index.size) return { index, torn: false, size };
  const handle = await open(file, 'r');
  let fresh: Buffer;
  try {
    fresh = Buffer.alloc(size! - index.size);
    await handle.read(fresh, 0, fresh.length, index.size);
  } finally {
    await handle.close();
  }
  const lastNewline = fresh.lastIndexOf(0x0a);
  for (const entry of parseLines(fresh.subarray(0, lastNewline + 1).toString('utf8'))) {
    index.ids.add(entry.id);
  }
  index.size += lastNewline + 1;
  return { index, torn: lastNewline + 1 < fresh.length, size };
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
