import { nodeStoreFs, type StoreFs } from './store-fs.js';

/** Errors of fsync on a directory that mean the platform cannot do it (Windows: EPERM). */
const UNSUPPORTED = new Set(['EISDIR', 'EINVAL', 'ENOTSUP', 'EPERM', 'EBADF']);

interface Waiters {
  readonly promise: Promise<void>;
  resolve(): void;
  reject(error: unknown): void;
}

function waiters(): Waiters {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((done, fail) => {
    resolve = done;
    reject = fail;
  });
  return { promise, resolve, reject };
}

interface DirectoryState {
  /** Callers covered by the fsync in flight. */
  current: Waiters;
  /** Callers that came while it was in flight: covered by the next one. */
  next: Waiters | undefined;
}

/** Options of {@link CommitQueue}. */
export interface CommitQueueOptions {
  /**
   * Whether callers share directory fsyncs (default true); false gives one fsync per call, as a
   * baseline for the benchmark.
   */
  readonly grouped?: boolean;
}

/**
 * Group commit of directory fsyncs. A rename is durable once the directory holding it has been
 * fsynced after it (fsync(2) of the directory; PostgreSQL's `durable_rename` does the same), and one
 * fsync makes every rename done before it started durable. So {@link syncDirectory} resolves after
 * an fsync of the directory that started after the call: it starts one at once when none is in
 * flight for that directory, else it waits for the next one, which starts when the one in flight
 * ends and covers every caller that came meanwhile. Under load, the writers to one directory share
 * one directory fsync per fsync duration instead of making one each.
 *
 * An fsync the platform does not support (EPERM, EINVAL, ENOTSUP, EISDIR, EBADF on open or sync)
 * counts as done, as the rename itself is still atomic; any other error (EIO, ENOSPC) rejects
 * every caller it covered.
 */
export class CommitQueue {
  private readonly directories = new Map<string, DirectoryState>();
  private readonly grouped: boolean;

  constructor(
    private readonly fs: StoreFs,
    options: CommitQueueOptions = {},
  ) {
    this.grouped = options.grouped ?? true;
  }

  /**
   * Resolves once an fsync of `directory` that started after this call has ended.
   * @throws the file system's error (a Node ErrnoException) when opening or fsyncing fails.
   */
  syncDirectory(directory: string): Promise<void> {
    if (!this.grouped) return this.fsyncDirectory(directory);
    const state = this.directories.get(directory);
    if (state !== undefined) {
      state.next ??= waiters();
      return state.next.promise;
    }
    const current = waiters();
    this.directories.set(directory, { current, next: undefined });
    this.runRound(directory);
    return current.promise;
  }

  private runRound(directory: string): void {
    const state = this.directories.get(directory)!;
    this.fsyncDirectory(directory).then(
      () => this.endRound(directory, state, (round) => round.resolve()),
      (error: unknown) => this.endRound(directory, state, (round) => round.reject(error)),
    );
  }

  private endRound(
    directory: string,
    state: DirectoryState,
    settle: (round: Waiters) => void,
  ): void {
    settle(state.current);
    if (state.next === undefined) {
      this.directories.delete(directory);
      return;
    }
    state.current = state.next;
    state.next = undefined;
    this.runRound(directory);
  }

  private async fsyncDirectory(directory: string): Promise<void> {
    let handle;
    try {
      handle = await this.fs.open(directory, 'r');
    } catch (error) {
      if (isUnsupported(error)) return;
      throw error;
    }
    try {
      await handle.sync();
    } catch (error) {
      if (!isUnsupported(error)) throw error;
    } finally {
      // Closing a read-only descriptor undoes nothing the fsync made durable.
      await handle.close().catch(() => undefined);
    }
  }
}

function isUnsupported(error: unknown): boolean {
  return UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * The directory fsyncs of every writer on the real file system (atomic JSON writes, new timeline
 * day files), so they group across stores.
 */
export const sharedCommits = new CommitQueue(nodeStoreFs);
