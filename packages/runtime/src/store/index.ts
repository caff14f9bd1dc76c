/**
 * The file stores under the runtime's state directory: atomic JSON writes (write to a temporary
 * file, fsync, rename, fsync the directory, with directory fsyncs grouped across writers), the
 * append-only JSONL timeline (group commits through a descriptor kept open per day file), advisory
 * file locks, and the errors they throw.
 */
export {
  AtomicJsonWriter,
  readJson,
  writeJsonAtomic,
  type AtomicJsonWriterOptions,
  type StoreReadOptions,
} from './atomic-json.js';
export { STALE_LOCK_MS, withFileLock, type FileLockOptions } from './file-lock.js';
export {
  appendJsonl,
  DAY_FILE_IDLE_MS,
  readJsonl,
  timelineFileFor,
  type AppendOptions,
  type TimelineEntry,
} from './jsonl-append.js';
export { jsonErrorLocation, jsonErrorOffset } from './json-error-offset.js';
export {
  CorruptRecordError,
  displayPath,
  STORAGE_FULL,
  StoreWriteError,
  type StoreAction,
  type StoreWriteErrorCode,
} from './store-errors.js';
export { nodeStoreFs, type StoreFileHandle, type StoreFs } from './store-fs.js';
