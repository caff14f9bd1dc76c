import { writeFileSync } from 'node:fs';
import { stat, unlink, writeFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { hiddenPathsOf } from '../runtime-options.js';
import { childEnvironment } from '../process/child-env.js';
import { runCommand, type CommandRunResult } from '../process/run-command.js';
import { maskLiterals, maskSecrets } from '../secrets/mask-secrets.js';
import {
  DEFAULT_AGENT_TIMEOUT_MS,
  loadAgentDefinition,
  type AgentDefinition,
} from './agent-definition.js';
import { appendAgentEvent } from './agent-events.js';
import type { AgentServices } from './agent-services.js';
import { readPidFile } from '../process/process-group.js';
import { transition, type AgentFailureReason } from './run-lifecycle.js';
import type { AgentRunRecord } from './run-record.js';
import type { ContextSnapshot } from './snapshot-store.js';

/** How often a running run checks for a cancel from another process and for its pid file, in ms. */
const MONITOR_MS = 100;

/**
 * Why a worker aborts a run it executes: `cancel` (the record says cancelled) or `shutdown` (the
 * worker stops; the run fails as `interrupted`).
 */
export type AbortReason = 'cancel' | 'shutdown';

/** `agent exited with code 3: <last stderr line>` and friends; the run's `lastError`. */
function describeFailure(
  result: CommandRunResult,
  literals: readonly string[],
): {
  reason: AgentFailureReason;
  message: string;
} {
  if (result.outcome === 'timed-out')
    return { reason: 'timed-out', message: maskSecrets(result.error ?? 'timed out', literals) };
  if (result.outcome === 'spawn-error')
    return { reason: 'spawn-error', message: maskSecrets(result.error ?? 'spawn error', literals) };
  const lastLine = result.stderr.captured
    .toString('utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .at(-1);
  const how = result.signal
    ? `was killed by ${result.signal}`
    : `exited with code ${result.exitCode}`;
  const line = lastLine === undefined ? '' : maskSecrets(lastLine, literals).slice(0, 200);
  return { reason: 'exit-code', message: `agent ${how}${line ? `: ${line}` : ''}` };
}

/**
 * A captured stream as the run keeps it: the values of the definition's `env` masked (`***`), so
 * the artifacts never hold what the operator put there; other bytes are kept as they are.
 */
function maskCaptured(captured: Buffer, literals: readonly string[]): Buffer {
  if (literals.length === 0) return captured;
  return Buffer.from(maskLiterals(captured.toString('utf8'), literals), 'utf8');
}

/**
 * Ends a claimed run as failed (worker-side): writes the record unless it already left `running`
 * (a cancel won the race) and appends agent.run.failed. Resolves with the stored record.
 */
export async function failAgentRun(
  services: AgentServices,
  runId: string,
  reason: AgentFailureReason,
  message: string,
  extra: (record: AgentRunRecord) => void = () => undefined,
): Promise<AgentRunRecord | undefined> {
  const at = new Date().toISOString();
  let changed = false;
  const record = await services.store.update(runId, (stored) => {
    extra(stored);
    if (stored.status !== 'running') return;
    stored.failureReason = reason;
    stored.lastError = message;
    transition(stored, 'failed', at);
    changed = true;
  });
  if (record && changed) {
    await appendAgentEvent(services.timeline, 'agent.run.failed', {
      runId,
      agentKey: record.agentKey,
      status: 'failed',
      failedAt: at,
      errorMessage: message,
      problem: {
        reason,
        ...(record.exit ? { exitCode: record.exit.exitCode, signal: record.exit.signal } : {}),
      },
      contextSnapshotId: record.contextSnapshotId,
    });
  }
  return record;
}

async function setUp(
  services: AgentServices,
  record: AgentRunRecord,
): Promise<{ definition: AgentDefinition; snapshot: ContextSnapshot } | string> {
  let definition: AgentDefinition;
  try {
    definition = await loadAgentDefinition(
      services.options.agentsDir,
      record.agentKey,
      services.options.cwd,
    );
  } catch (error) {
    const details = (error as { details?: { message?: string }[] }).details;
    return details?.[0]?.message ?? (error as Error).message;
  }
  const snapshot = await services.snapshots.get(record.contextSnapshotId);
  if (!snapshot) return `context snapshot ${record.contextSnapshotId} is missing`;
  return { definition, snapshot };
}

/**
 * Executes one claimed run (status `running`): loads its
 * agent definition and snapshot, records the provenance (argv, cwd, env keys, timeout), appends
 * agent.run.started, runs the agent through the harness command executor with the JSON payload
 * `{runId, agentKey, prompt, input, contextSnapshotId, mode, metadata}` on stdin and
 * `AGENT_ARTIFACTS_DIR`/`AGENT_RUN_ID` in its environment, records its process group, keeps its
 * stdout and stderr as `stdout.txt`/`stderr.txt`, and ends it: completed (exit 0, agent.run.completed),
 * failed (agent.run.failed with errorMessage), or cancelled when a cancel marked it meanwhile.
 * `signal` aborts the agent (its process group is killed); the abort reason is an
 * {@link AbortReason}. Never rejects for a failing agent.
 */
export async function executeAgentRun(
  services: AgentServices,
  claimed: AgentRunRecord,
  signal: AbortSignal,
): Promise<AgentRunRecord | undefined> {
  const { store, options } = services;
  const { runId } = claimed;
  if (signal.aborted && signal.reason === 'shutdown') {
    // Claimed while the worker was stopping: back to the queue, untouched, for the next worker.
    return store.update(runId, (record) => {
      if (record.status !== 'running') return false;
      transition(record, 'queued', new Date().toISOString());
      delete record.startedAt;
      delete record.worker;
    });
  }
  const ready = await setUp(services, claimed);
  if (typeof ready === 'string') return failAgentRun(services, runId, 'setup', ready);
  const { definition, snapshot } = ready;
  const cwd = definition.cwd ? resolve(options.cwd, definition.cwd) : options.cwd;
  if (
    !(await stat(cwd).then(
      (info) => info.isDirectory(),
      () => false,
    ))
  ) {
    return failAgentRun(
      services,
      runId,
      'setup',
      `agent cwd ${definition.cwd ?? '.'} is not a directory`,
    );
  }
  const timeoutMs = definition.timeoutMs ?? DEFAULT_AGENT_TIMEOUT_MS;
  const artifactsDir = store.artifactsDir(runId);
  const added = { ...definition.env, AGENT_ARTIFACTS_DIR: artifactsDir, AGENT_RUN_ID: runId };
  const env = childEnvironment(process.env, options.childEnv, added);
  const literals = Object.values(definition.env ?? {});
  const started = await store.update(runId, (record) => {
    record.execution = {
      argv: [...definition.argv],
      cwd: isAbsolute(definition.cwd ?? '.') ? cwd : relative(options.cwd, cwd) || '.',
      envKeys: Object.keys(added).sort(),
      ...(definition.sandbox === undefined ? {} : { sandbox: definition.sandbox }),
      timeoutMs,
    };
  });
  if (!started || started.status !== 'running') return started;
  await appendAgentEvent(services.timeline, 'agent.run.started', {
    runId,
    agentKey: started.agentKey,
    status: 'running',
    startedAt: started.startedAt ?? new Date().toISOString(),
    contextSnapshotId: started.contextSnapshotId,
  });

  const payload = {
    runId,
    agentKey: started.agentKey,
    prompt: snapshot.prompt,
    input: snapshot.input,
    contextSnapshotId: started.contextSnapshotId,
    mode: started.mode ?? null,
    metadata: started.metadata ?? null,
  };
  const controller = new AbortController();
  const forward = () => controller.abort(signal.reason);
  if (signal.aborted) forward();
  else signal.addEventListener('abort', forward, { once: true });
  const pidFile = store.pidFile(runId);
  let running = true;
  const monitor = (async () => {
    let groupKnown = false;
    while (running) {
      await new Promise((resolve) => setTimeout(resolve, MONITOR_MS));
      if (!running) break;
      const pid = groupKnown ? undefined : await readPidFile(pidFile);
      const record = await (pid
        ? store.update(runId, (stored) => {
            stored.processGroup = pid;
          })
        : store.read(runId));
      if (pid) groupKnown = true;
      if (record?.status === 'cancelled' && !controller.signal.aborted) controller.abort('cancel');
    }
  })();

  const result = await runCommand({
    argv: definition.argv,
    cwd,
    env,
    ...(definition.sandbox === 'bwrap'
      ? {
          sandbox: {
            kind: 'bwrap' as const,
            network: definition.network ?? false,
            hidden: hiddenPathsOf(options),
            readable: [options.cwd, cwd],
            writable: [artifactsDir],
          },
        }
      : {}),
    stdin: `${JSON.stringify(payload)}\n`,
    timeoutMs,
    killGraceMs: services.killGraceMs,
    signal: controller.signal,
    // The executor starts the agent as a process-group leader, so its pid is the group a cancel
    // from any process kills; the file makes it findable before the monitor records it.
    onSpawn: (pid) => writeFileSync(pidFile, `${pid}\n`),
  });
  running = false;
  await monitor;
  signal.removeEventListener('abort', forward);
  const runDir = store.runDir(runId);
  await writeFile(join(runDir, 'stdout.txt'), maskCaptured(result.stdout.captured, literals));
  await writeFile(join(runDir, 'stderr.txt'), maskCaptured(result.stderr.captured, literals));
  await unlink(pidFile).catch(() => undefined);

  const exit = {
    outcome: result.outcome,
    exitCode: result.exitCode,
    signal: result.signal,
    durationMs: result.durationMs,
  };
  const recordExit = (record: AgentRunRecord) => {
    record.exit = exit;
  };
  if (result.outcome === 'aborted' && controller.signal.reason === 'shutdown') {
    return failAgentRun(
      services,
      runId,
      'interrupted',
      'interrupted: the worker stopped while the run was running',
      recordExit,
    );
  }
  if (result.outcome === 'exited' && result.exitCode === 0) {
    const at = new Date().toISOString();
    let completed = false;
    const record = await store.update(runId, (stored) => {
      recordExit(stored);
      if (stored.status !== 'running') return;
      transition(stored, 'completed', at);
      completed = true;
    });
    if (record && completed) {
      await appendAgentEvent(services.timeline, 'agent.run.completed', {
        runId,
        agentKey: record.agentKey,
        status: 'completed',
        completedAt: at,
        contextSnapshotId: record.contextSnapshotId,
      });
    }
    return record;
  }
  const failure = describeFailure(result, literals);
  return failAgentRun(services, runId, failure.reason, failure.message, recordExit);
}
