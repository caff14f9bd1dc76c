import { existsSync } from 'node:fs';
import path from 'node:path';
import { AtomicJsonWriter } from '../../store/atomic-json.js';
import { withFileLock } from '../../store/file-lock.js';
import { CorruptRecordError } from '../../store/store-errors.js';
import { ContractError } from '../../errors.js';
import { cutEcho } from '../../core/echo-limit.js';
import { makeFolders } from '../../core/make-folders.js';
import { isStoreId } from './harness-ids.js';
import { JsonFileCache } from '../../store/json-file-cache.js';
import type { RunRecord } from './run-record.js';
import { runRecordChunks } from './run-record-text.js';
import type { HarnessStateLayout } from './state-layout.js';

/**
 * The run records of a state directory, `harness-runs/<runId>.json`. Every
 * write is atomic (temp file + rename), and read-modify-write cycles hold the run's lock file so
 * the running process and a cancelling one never lose each other's change.
 */
export class RunStore {
  private readonly cache: JsonFileCache;
  private readonly writer: AtomicJsonWriter;
  /** Record paths by run id (joining them showed in a CPU profile of `serve`); cleared at 4,096. */
  private readonly paths = new Map<string, string>();

  constructor(private readonly layout: HarnessStateLayout) {
    this.cache = new JsonFileCache({ root: layout.stateDir });
    this.writer = new AtomicJsonWriter({ root: layout.stateDir });
  }

  private recordPath(runId: string): string {
    let file = this.paths.get(runId);
    if (file === undefined) {
      if (this.paths.size >= 4096) this.paths.clear();
      file = this.layout.runRecord(runId);
      this.paths.set(runId, file);
    }
    return file;
  }

  /**
   * The record of `runId`, deeply frozen (parsed once per version of the file, see
   * JsonFileCache); undefined for a missing record or an id that is not a store id.
   * @throws ContractError RECORD_CORRUPT naming the run and where its file stops being JSON.
   */
  async read(runId: string): Promise<RunRecord | undefined> {
    if (!isStoreId(runId)) return undefined;
    try {
      return (await this.cache.read(this.recordPath(runId))) as RunRecord | undefined;
    } catch (error) {
      if (error instanceof CorruptRecordError) throw corruptRun(runId, error);
      throw error;
    }
  }

  /**
   * The record of `runId` when its kept parse is still current (see JsonFileCache.kept): what
   * {@link read} would answer, at once; undefined when {@link read} has to read the file (or there
   * is no such record).
   * @throws the I/O error of a failed stat other than ENOENT.
   */
  readKept(runId: string): RunRecord | undefined {
    if (!isStoreId(runId)) return undefined;
    return this.cache.kept(this.recordPath(runId)) as RunRecord | undefined;
  }

  /**
   * Writes `record` whole, atomically (the caller holds the lock when others may write), as
   * `runRecordChunks` serialises it: the text `JSON.stringify(record, null, 2)` would give.
   */
  async write(record: RunRecord): Promise<void> {
    const file = this.recordPath(record.run.runId);
    await this.writer.writeText(file, runRecordChunks(record));
    this.cache.forget(file);
  }

  /**
   * Runs `action` holding the lock of `runId`'s record (a `harness-runs/<runId>.lock` file, safe
   * across processes; see runtime/store/file-lock.ts). Creates `harness-runs/` when missing.
   */
  async locked<T>(runId: string, action: () => Promise<T>): Promise<T> {
    const lock = this.layout.runLock(runId);
    const dir = path.dirname(lock);
    if (!existsSync(dir)) await makeFolders(dir);
    return withFileLock(lock, action, { root: this.layout.stateDir });
  }

  /**
   * Reads, changes and writes a record under its lock. `change` returns the new record, or
   * undefined to leave the file as it is.
   * @returns the record as it now stands; undefined when there is none.
   */
  async update(
    runId: string,
    change: (record: RunRecord) => RunRecord | undefined,
  ): Promise<RunRecord | undefined> {
    if (!isStoreId(runId)) return undefined;
    return this.locked(runId, async () => {
      const current = await this.read(runId);
      if (!current) return undefined;
      const next = change(current);
      if (next === undefined) return current;
      await this.write(next);
      return next;
    });
  }
}

/**
 * RECORD_CORRUPT for a run record that exists but is not JSON (a write cut short outside the
 * atomic writer, a disk fault): the run and the place are named, the record is not guessed at.
 */
export function corruptRun(runId: string, error: CorruptRecordError): ContractError {
  return new ContractError(
    'RECORD_CORRUPT',
    `the record of harness run ${cutEcho(runId)} is corrupt: ${error.path} is not JSON (${error.endsEarly ? 'it ends early' : 'invalid'} at ${error.line}:${error.column})`,
    {
      details: {
        resource: 'harness run',
        path: error.path,
        line: error.line,
        column: error.column,
      },
    },
  );
}
