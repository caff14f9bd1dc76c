import { randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compareCodeUnits } from '../core/code-units.js';
import { readJson, writeJsonAtomic } from '../store/atomic-json.js';
import { withFileLock } from '../store/file-lock.js';
import type { AgentRunRecord } from './run-record.js';
import { makeFolders } from '../core/make-folders.js';

const RUN_ID = /^run-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A fresh run id, `run-<uuid v4>`. */
export function newRunId(): string {
  return `run-${randomUUID()}`;
}

/** Oldest first: `submittedAt`, then `runId` (code units), so listings and pages are stable. */
export function compareSubmission(a: AgentRunRecord, b: AgentRunRecord): number {
  return compareCodeUnits(a.submittedAt, b.submittedAt) || compareCodeUnits(a.runId, b.runId);
}

/**
 * The agent run queue of a state directory: `<stateDir>/agent/runs/<runId>/run.json`
 * per run (atomic writes), next to the run's `artifacts/` folder and its captured `stdout.txt` and
 * `stderr.txt`. Every change of an existing record happens under one lock file,
 * `<stateDir>/agent/queue.lock` (runtime/store/file-lock.ts), so a claim, a cancel and an approval
 * never interleave, across processes too.
 */
export class AgentRunStore {
  /** `<stateDir>/agent`. */
  readonly root: string;
  readonly runsDir: string;

  constructor(private readonly stateDir: string) {
    this.root = join(stateDir, 'agent');
    this.runsDir = join(this.root, 'runs');
  }

  /** True for a well-formed run id; anything else can never name a run (no path tricks). */
  static isRunId(runId: string): boolean {
    return RUN_ID.test(runId);
  }

  runDir(runId: string): string {
    return join(this.runsDir, runId);
  }

  /** The folder given to the agent as `AGENT_ARTIFACTS_DIR`. */
  artifactsDir(runId: string): string {
    return join(this.runDir(runId), 'artifacts');
  }

  /** Where the worker writes the agent's pid (= its process group id) when it spawns it. */
  pidFile(runId: string): string {
    return join(this.runDir(runId), 'agent.pid');
  }

  /** Writes a new record and creates its artifacts folder. */
  async create(record: AgentRunRecord): Promise<void> {
    await makeFolders(this.artifactsDir(record.runId));
    await writeJsonAtomic(join(this.runDir(record.runId), 'run.json'), record, {
      root: this.stateDir,
    });
  }

  /** The record of `runId`; undefined when there is none (or the id is malformed). */
  async read(runId: string): Promise<AgentRunRecord | undefined> {
    if (!AgentRunStore.isRunId(runId)) return undefined;
    return (await readJson(join(this.runDir(runId), 'run.json'), {
      root: this.stateDir,
    })) as AgentRunRecord | undefined;
  }

  /** Overwrites a record; callers hold the queue lock. */
  async write(record: AgentRunRecord): Promise<void> {
    await writeJsonAtomic(join(this.runDir(record.runId), 'run.json'), record, {
      root: this.stateDir,
    });
  }

  /** Every record, oldest submission first ({@link compareSubmission}). */
  async list(): Promise<AgentRunRecord[]> {
    let names: string[];
    try {
      names = await readdir(this.runsDir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const records: AgentRunRecord[] = [];
    for (const name of names) {
      if (!AgentRunStore.isRunId(name)) continue;
      const record = await this.read(name).catch(() => undefined);
      if (record) records.push(record);
    }
    return records.sort(compareSubmission);
  }

  /** Runs `action` under the queue lock. */
  withQueueLock<T>(action: () => Promise<T>): Promise<T> {
    return withFileLock(join(this.root, 'queue.lock'), action, { root: this.stateDir });
  }

  /**
   * Reads `runId` under the queue lock, lets `change` mutate it, and writes it back unless `change`
   * returns false. Resolves with the record as stored afterwards; undefined when there is none.
   */
  async update(
    runId: string,
    change: (record: AgentRunRecord) => boolean | void,
  ): Promise<AgentRunRecord | undefined> {
    await makeFolders(this.root);
    return this.withQueueLock(async () => {
      const record = await this.read(runId);
      if (!record) return undefined;
      if (change(record) !== false) await this.write(record);
      return record;
    });
  }
}
