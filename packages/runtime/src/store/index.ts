/**
 * The file stores under the runtime's state directory: atomic JSON writes (write to a temporary
 * file, fsync, rename), the append-only JSONL timeline, and advisory file locks.
 */
export {
  appendJsonl,
  readJson,
  readJsonl,
  timelineFileFor,
  writeJsonAtomic,
  type TimelineEntry,
} from './atomic-json.js';
export { STALE_LOCK_MS, withFileLock } from './file-lock.js';
