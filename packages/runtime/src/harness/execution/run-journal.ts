/** How often, at most, a running run's record is rewritten, in milliseconds. */
export const CHECKPOINT_INTERVAL_MS = 250;

/**
 * What a queued write is: an `event` (a timeline append), a `file` (an evidence file, a live-folder
 * entry), or a `task` that must run alone (a record checkpoint).
 */
export type JournalKind = 'event' | 'file' | 'task';

interface Item {
  kind: JournalKind;
  run: () => Promise<void>;
}

/** Most evidence files written at once. */
const FILE_PARALLELISM = 16;

/**
 * The write queue of one executing run. Writes run off the case loop, so the next case starts while the last one's evidence
 * is written. The queue is taken in batches: all queued evidence files are written (in parallel),
 * then all queued timeline events are appended in queue order (the timeline commits them as one
 * group), then the queued tasks (record checkpoints) run one by one. So an evidence file is on
 * disk before the event announcing it, events keep their order, and a run whose writes fall behind
 * catches up in bigger batches. The record is rewritten at most every `intervalMs`. A failed write
 * does not stop the queue; `drain` rethrows the first failure.
 */
export class RunJournal {
  private readonly queue: Item[] = [];
  private pumping: Promise<void> | undefined;
  private failure: unknown;
  private lastSave = 0;
  private saveQueued = false;
  private timer: NodeJS.Timeout | undefined;

  /** `save` writes the current record (called from the queue, never twice at once). */
  constructor(
    private readonly save: () => Promise<void>,
    private readonly intervalMs: number = CHECKPOINT_INTERVAL_MS,
  ) {}

  /** Queues a write after every write queued before it (see the class comment for grouping). */
  enqueue(kind: JournalKind, run: () => Promise<void>): void {
    this.queue.push({ kind, run });
    this.kick();
  }

  /** Asks for a record checkpoint: now if the last one is old enough, else once it is. */
  checkpoint(): void {
    if (this.saveQueued || this.timer) return;
    const wait = this.lastSave + this.intervalMs - Date.now();
    if (wait <= 0) {
      this.queueSave();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.queueSave();
    }, wait);
    this.timer.unref();
  }

  /** Waits for every queued write (dropping a pending checkpoint); rethrows the first failure. */
  async drain(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    while (this.pumping) await this.pumping;
    if (this.failure !== undefined) throw this.failure;
  }

  /**
   * Starts the pump unless it runs. It starts on the next microtask, so writes queued together in
   * one turn form one batch, and restarts itself when writes arrived as it was finishing.
   */
  private kick(): void {
    if (this.pumping) return;
    this.pumping = Promise.resolve()
      .then(() => this.pump())
      .finally(() => {
        this.pumping = undefined;
        if (this.queue.length > 0) this.kick();
      });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.queue.length);
      const files = batch.filter((item) => item.kind === 'file');
      for (let start = 0; start < files.length; start += FILE_PARALLELISM) {
        await this.settle(files.slice(start, start + FILE_PARALLELISM));
      }
      await this.settle(batch.filter((item) => item.kind === 'event'));
      for (const task of batch.filter((item) => item.kind === 'task')) await this.settle([task]);
    }
  }

  private async settle(items: readonly Item[]): Promise<void> {
    const outcomes = await Promise.allSettled(items.map((item) => item.run()));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') this.failure ??= outcome.reason;
    }
  }

  private queueSave(): void {
    this.saveQueued = true;
    this.enqueue('task', async () => {
      this.saveQueued = false;
      this.lastSave = Date.now();
      await this.save();
    });
  }
}
