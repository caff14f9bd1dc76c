import { compareSubmission } from './run-store.js';
import { appendAgentEvent } from './agent-events.js';
import type { AgentServices } from './agent-services.js';
import { executeAgentRun, type AbortReason } from './execute-agent-run.js';
import { isProcessAlive, killProcessGroup, readPidFile } from '../process/process-group.js';
import { transition } from './run-lifecycle.js';
import type { AgentRunRecord } from './run-record.js';
import { makeFolders } from '../core/make-folders.js';

/** Runs executing at once when nothing else is configured. */
export const DEFAULT_AGENT_CONCURRENCY = 2;

/** Settings of an {@link AgentWorker}; times in milliseconds. */
export interface AgentWorkerSettings {
  /** Runs executing at once, >= 1. */
  readonly concurrency: number;
  /** How often the queue is re-read when nobody wakes the worker (runs queued by other processes). */
  readonly pollMs: number;
  /** Called after each run this worker executed reached its end (for `contracts agent work` output). */
  readonly onFinished?: (record: AgentRunRecord) => void;
}

/** Highest `priority` first, then oldest submission. */
export function compareClaimOrder(a: AgentRunRecord, b: AgentRunRecord): number {
  return b.priority - a.priority || compareSubmission(a, b);
}

/**
 * A queue worker: it repeatedly recovers runs whose
 * worker died (`running` -> `failed`, reason `interrupted`, their leftover process group killed),
 * claims queued runs in {@link compareClaimOrder} under the queue lock (so two workers, in one
 * process or many, never run one run) up to `concurrency` at once, and executes them.
 */
export class AgentWorker {
  private readonly active = new Map<string, { controller: AbortController; done: Promise<void> }>();
  private stopping = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private finished = 0;

  constructor(
    private readonly services: AgentServices,
    private readonly settings: AgentWorkerSettings,
  ) {}

  /** Runs this worker executed to their end so far. */
  get finishedCount(): number {
    return this.finished;
  }

  /** Starts the loop in the background (`in-process` mode); a second call does nothing. */
  start(): void {
    this.loop ??= this.run(undefined);
  }

  /**
   * Runs the loop until nothing was claimable and nothing ran for `idleExitMs` (`contracts agent
   * work`). Resolves with the number of runs executed.
   */
  async drain(idleExitMs: number): Promise<number> {
    this.loop ??= this.run(idleExitMs);
    await this.loop;
    return this.finished;
  }

  /** Makes the loop look at the queue now (a run was queued or approved). */
  wake(): void {
    this.wakeUp?.();
  }

  /** Aborts run `runId` when this worker executes it (an in-process cancel); true if it did. */
  abort(runId: string, reason: AbortReason): boolean {
    const entry = this.active.get(runId);
    if (!entry) return false;
    entry.controller.abort(reason);
    return true;
  }

  /**
   * Stops claiming, aborts the runs in flight (they end `failed`, reason `interrupted`, their
   * process groups killed) and waits for the loop and their bookkeeping.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake();
    for (const runId of this.active.keys()) this.abort(runId, 'shutdown');
    await this.loop;
    await Promise.all([...this.active.values()].map((entry) => entry.done));
  }

  /** True when some run is queued and claimable (for the idle-exit race of detached workers). */
  async hasClaimable(): Promise<boolean> {
    return (await this.services.store.list()).some((record) => record.status === 'queued');
  }

  private async run(idleExitMs: number | undefined): Promise<void> {
    let idleSince = Date.now();
    while (!this.stopping) {
      const claimed = await this.claim();
      for (const record of claimed) this.launch(record);
      if (claimed.length > 0 || this.active.size > 0) idleSince = Date.now();
      else if (idleExitMs !== undefined && Date.now() - idleSince >= idleExitMs) break;
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.settings.pollMs);
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeUp = undefined;
    }
    await Promise.all([...this.active.values()].map((entry) => entry.done));
  }

  private launch(record: AgentRunRecord): void {
    const controller = new AbortController();
    const done = executeAgentRun(this.services, record, controller.signal)
      .catch(async (error: unknown) => {
        process.emitWarning(`agent run ${record.runId} crashed: ${(error as Error).name}`);
        return this.services.store.read(record.runId);
      })
      .then((ended) => {
        this.active.delete(record.runId);
        this.finished += 1;
        if (ended) this.settings.onFinished?.(ended);
        this.wake();
      });
    this.active.set(record.runId, { controller, done });
    if (this.stopping) controller.abort('shutdown' satisfies AbortReason);
  }

  /** One pass under the queue lock: recover dead workers' runs, then claim what fits. */
  private async claim(): Promise<AgentRunRecord[]> {
    const room = this.settings.concurrency - this.active.size;
    const { store } = this.services;
    await makeFolders(store.root);
    const at = new Date().toISOString();
    const { claimed, interrupted } = await store.withQueueLock(async () => {
      const records = await store.list();
      const interrupted: AgentRunRecord[] = [];
      for (const record of records) {
        if (record.status !== 'running' || this.active.has(record.runId)) continue;
        if (record.worker && isProcessAlive(record.worker.pid)) continue;
        record.failureReason = 'interrupted';
        record.lastError = `interrupted: worker ${record.worker?.pid ?? '(unknown)'} died while the run was running`;
        transition(record, 'failed', at);
        await store.write(record);
        interrupted.push(record);
      }
      const claimed: AgentRunRecord[] = [];
      if (room > 0 && !this.stopping) {
        const queued = records
          .filter((record) => record.status === 'queued')
          .sort(compareClaimOrder);
        for (const record of queued.slice(0, room)) {
          record.worker = { pid: process.pid };
          record.startedAt = at;
          transition(record, 'running', at);
          await store.write(record);
          claimed.push(record);
        }
      }
      return { claimed, interrupted };
    });
    for (const record of interrupted) {
      const group = record.processGroup ?? (await readPidFile(store.pidFile(record.runId)));
      if (group) await killProcessGroup(group, this.services.killGraceMs);
      await appendAgentEvent(this.services.timeline, 'agent.run.failed', {
        runId: record.runId,
        agentKey: record.agentKey,
        status: 'failed',
        failedAt: at,
        errorMessage: record.lastError,
        problem: { reason: 'interrupted' },
        contextSnapshotId: record.contextSnapshotId,
      });
    }
    return claimed;
  }
}
