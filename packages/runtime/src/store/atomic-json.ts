import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { CommitQueue, sharedCommits } from './commit-queue.js';
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
    await this.writeText(filePath, `${JSON.stringify(value, null, 2)}\n`);
  }

  /**
   * {@link write} of a text the caller serialised itself, as a string or as UTF-8 chunks written
   * in order without being joined (a run record, whose unchanged parts are kept encoded): the same
   * temp file, fsync, rename and directory fsync.
   * @throws StoreWriteError naming the errno and `filePath` (relative to `root`) on an I/O error.
   */
  async writeText(filePath: string, text: string | readonly Buffer[]): Promise<void> {
    const directory = path.dirname(filePath);
    try {
      await this.replace(directory, filePath, text);
      await this.commits.syncDirectory(directory);
    } catch (error) {
      throw asStoreWriteError(error, 'writing', filePath, this.root);
    }
  }

  /**
   * {@link write} of several files at once, sharing directory fsyncs: the temp files are written,
   * fsynced and renamed concurrently, and each directory is fsynced once, after the last of its
   * renames (separate writes whose renames land apart queue a second directory fsync behind the
   * first). Returns one promise per file, in order, each resolving once that file and its
   * directory are on stable storage. Each rejects as {@link write} does: StoreWriteError naming
   * its file (relative to `root`) on an I/O error, JSON.stringify's TypeError for a value it
   * cannot serialise (that file is not written); the other files are written all the same.
   */
  writeAll(files: readonly { readonly path: string; readonly value: unknown }[]): Promise<void>[] {
    const renamed = files.map(async (file) => {
      const text = `${JSON.stringify(file.value, null, 2)}\n`;
      await this.replace(path.dirname(file.path), file.path, text);
    });
    const renamesOf = new Map<string, Promise<void>[]>();
    files.forEach((file, index) => {
      const directory = path.dirname(file.path);
      const renames = renamesOf.get(directory);
      if (renames === undefined) renamesOf.set(directory, [renamed[index]!]);
      else renames.push(renamed[index]!);
    });
    const synced = new Map<string, Promise<void>>();
    for (const [directory, renames] of renamesOf) {
      const sync = Promise.allSettled(renames).then((outcomes) =>
        outcomes.some((outcome) => outcome.status === 'fulfilled')
          ? this.commits.syncDirectory(directory)
          : undefined,
      );
      // Awaited below by every file renamed into `directory`; none may be when all failed.
      sync.catch(() => undefined);
      synced.set(directory, sync);
    }
    return files.map(async (file, index) => {
      try {
        await renamed[index];
        await synced.get(path.dirname(file.path));
      } catch (error) {
        throw asStoreWriteError(error, 'writing', file.path, this.root);
      }
    });
  }

  private async replace(
    directory: string,
    filePath: string,
    text: string | readonly Buffer[],
  ): Promise<void> {
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
async function writeDurably(
  handle: StoreFileHandle,
  text: string | readonly Buffer[],
): Promise<void> {
  try {
    if (typeof text === 'string') await handle.writeFile(text);
    else if (handle.writeChunks) await handle.writeChunks(text);
    else await handle.writeFile(Buffer.concat(text).toString('utf8'));
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
