import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createAgentClient,
  type AgentClient,
} from '../../packages/runtime/src/generated/agent/client.js';
import { createAgentRouter } from '../../packages/runtime/src/generated/agent/handlers.js';
import type { Actor } from '../../packages/runtime/src/actor.js';
import {
  createAgentRuntime,
  type AgentRuntimeSettings,
} from '../../packages/runtime/src/agent/agent-runtime.js';
import { isProcessAlive } from '../../packages/runtime/src/process/process-group.js';
import type { AgentRunRecord } from '../../packages/runtime/src/agent/run-record.js';
import { AgentRunStore } from '../../packages/runtime/src/agent/run-store.js';
import { localTransport } from '../../packages/runtime/src/local-transport.js';
import type { Router } from '../../packages/runtime/src/router.js';
import {
  resolveRuntimeOptions,
  type RuntimeOptions,
} from '../../packages/runtime/src/runtime-options.js';
import { Timeline } from '../../packages/runtime/src/timeline.js';

/** A test agent script by file name (test/agent/scripts). */
export function script(name: string): string {
  return fileURLToPath(new URL(`./scripts/${name}`, import.meta.url));
}

export const ADMIN: Actor = { kind: 'admin', id: 'ada' };
export const USER: Actor = { kind: 'user', id: 'uma' };

/** Polls `probe` every 50 ms until it returns a value other than undefined; throws after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A temporary project: `agents/`, a state dir, and a tracked list of pids to kill at the end. */
export class AgentProject {
  readonly dir = mkdtempSync(join(tmpdir(), 'agent-test-'));
  readonly pids: number[] = [];
  private readonly closers: (() => Promise<void>)[] = [];

  constructor() {
    mkdirSync(join(this.dir, 'agents'));
  }

  /** Writes `agents/<key>.json`. */
  agent(key: string, definition: Record<string, unknown>): this {
    writeFileSync(join(this.dir, 'agents', `${key}.json`), JSON.stringify(definition));
    return this;
  }

  options(agentWorker: RuntimeOptions['agentWorker']): RuntimeOptions {
    return resolveRuntimeOptions({ cwd: this.dir, agentWorker }, {});
  }

  get stateDir(): string {
    return join(this.dir, '.contracts');
  }

  get store(): AgentRunStore {
    return new AgentRunStore(this.stateDir);
  }

  /**
   * The agent runtime behind the generated router, started; closed by {@link cleanup}. Returns
   * the router and generated clients for an admin and a user.
   */
  async runtime(
    agentWorker: RuntimeOptions['agentWorker'],
    settings: AgentRuntimeSettings = {},
  ): Promise<{
    router: Router;
    admin: AgentClient;
    user: AgentClient;
    timeline: Timeline;
    close: () => Promise<void>;
  }> {
    const timeline = new Timeline(this.stateDir);
    const runtime = createAgentRuntime(
      { options: this.options(agentWorker), timeline },
      { pollMs: 100, ...settings },
    );
    await runtime.start?.();
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await runtime.close?.();
    };
    this.closers.push(close);
    const router = createAgentRouter(runtime.handlers);
    const client = (actor: Actor) => createAgentClient(localTransport(router, { actor }));
    return { router, admin: client(ADMIN), user: client(USER), timeline, close };
  }

  /** The stored record of `runId`. */
  async record(runId: string): Promise<AgentRunRecord> {
    const record = await this.store.read(runId);
    if (!record) throw new Error(`no record ${runId}`);
    return record;
  }

  /** Waits until run `runId` has `status`. */
  waitForStatus(runId: string, status: string, timeoutMs = 30_000): Promise<AgentRunRecord> {
    return waitFor(
      `${runId} to be ${status}`,
      async () => {
        const record = await this.store.read(runId);
        return record?.status === status ? record : undefined;
      },
      timeoutMs,
    );
  }

  /** The timeline of the state dir. */
  timeline(): Timeline {
    return new Timeline(this.stateDir);
  }

  /** Every byte of the timeline files, concatenated. */
  timelineText(): string {
    const dir = join(this.stateDir, 'events');
    let names: string[] = [];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.jsonl'));
    } catch {
      return '';
    }
    return names.map((name) => readFileSync(join(dir, name), 'utf8')).join('');
  }

  async cleanup(): Promise<void> {
    for (const close of this.closers) await close();
    for (const pid of this.pids) {
      if (!isProcessAlive(pid)) continue;
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone meanwhile
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
