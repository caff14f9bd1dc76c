import path from 'node:path';

import {
  nodeStoreFs,
  type StoreFileHandle,
  type StoreFs,
} from '../../packages/runtime/src/store/store-fs.js';

/**
 * A file system call as logged: `writeFile harness-runs/.r-1.json.tmp`, paths relative to the
 * base, the pid and random part of temp names left out.
 */
export type FsOperation =
  | 'open'
  | 'writeFile'
  | 'sync'
  | 'close'
  | 'read'
  | 'truncate'
  | 'mkdir'
  | 'rename'
  | 'unlink'
  | 'stat'
  | 'readFile';

/** Decides whether a call fails: the error to throw instead of doing it, else undefined. */
export type FaultRule = (operation: FsOperation, file: string) => Error | undefined;

/** A Node-like system error: `ENOSPC: no space left on device, write`, with `code` and `syscall`. */
export function systemError(code: string, syscall: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall });
}

/** What {@link faultFs} exposes besides the file system itself. */
export interface FaultFs {
  readonly fs: StoreFs;
  /** Calls in the order they finished (`rename a -> b` once renamed), paths relative to `base`. */
  readonly log: string[];
  /** Handles opened and not closed yet. */
  openHandles(): number;
}

/** Options of {@link faultFs}. */
export interface FaultFsOptions {
  /** Which calls fail; default none. */
  readonly fault?: FaultRule;
  /** Runs before each call and may hold it (a promise), to order concurrent writers. */
  readonly before?: (operation: FsOperation, file: string) => Promise<void> | void;
  /** The log to append to; default a new array. */
  readonly log?: string[];
}

/**
 * The real file system, logging every call (relative to `base`) and failing the calls `fault`
 * picks. A failed `close` still closes the real handle, so nothing leaks into the test process.
 */
export function faultFs(base: string, options: FaultFsOptions = {}): FaultFs {
  const { fault = () => undefined, before = () => undefined, log = [] } = options;
  let open = 0;
  const name = (file: string) =>
    (path.relative(base, file).split(path.sep).join('/') || '.').replace(
      /\.\d+\.[0-9a-f]{12}\.tmp$/,
      '.tmp',
    );
  async function call<T>(operation: FsOperation, file: string, run: () => Promise<T>): Promise<T> {
    await before(operation, name(file));
    const error = fault(operation, name(file));
    if (error !== undefined) {
      log.push(`${operation} ${name(file)} failed ${(error as NodeJS.ErrnoException).code}`);
      throw error;
    }
    let result: T;
    try {
      result = await run();
    } catch (failure) {
      log.push(`${operation} ${name(file)} failed ${(failure as NodeJS.ErrnoException).code}`);
      throw failure;
    }
    log.push(`${operation} ${name(file)}`);
    return result;
  }
  const wrap = (file: string, handle: StoreFileHandle): StoreFileHandle => ({
    writeFile: (data) => call('writeFile', file, () => handle.writeFile(data)),
    sync: () => call('sync', file, () => handle.sync()),
    read: (buffer, offset, length, position) =>
      call('read', file, () => handle.read(buffer, offset, length, position)),
    truncate: (length) => call('truncate', file, () => handle.truncate(length)),
    close: async () => {
      try {
        await call('close', file, async () => undefined);
      } finally {
        open -= 1;
        await handle.close();
      }
    },
  });
  const fs: StoreFs = {
    open: (file, flags) =>
      call('open', file, async () => {
        const handle = wrap(file, await nodeStoreFs.open(file, flags));
        open += 1;
        return handle;
      }),
    mkdir: (file, options) => call('mkdir', file, () => nodeStoreFs.mkdir(file, options)),
    rename: async (from, to) => {
      await before('rename', name(to));
      const error = fault('rename', name(to));
      if (error !== undefined) {
        log.push(
          `rename ${name(from)} -> ${name(to)} failed ${(error as NodeJS.ErrnoException).code}`,
        );
        throw error;
      }
      await nodeStoreFs.rename(from, to);
      log.push(`rename ${name(from)} -> ${name(to)}`);
    },
    unlink: (file) => call('unlink', file, () => nodeStoreFs.unlink(file)),
    stat: (file) => call('stat', file, () => nodeStoreFs.stat(file)),
    readFile: (file, encoding) =>
      call('readFile', file, () => nodeStoreFs.readFile(file, encoding)),
  };
  return { fs, log, openHandles: () => open };
}
