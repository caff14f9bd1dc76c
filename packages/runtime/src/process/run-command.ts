import { spawn, type ChildProcess } from 'node:child_process';
import {
  accessSync,
  constants,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

import { childEnvironment } from './child-env.js';
import { sandboxedArgv, type SandboxSpec } from './sandbox.js';
import { DEFAULT_KILL_GRACE_MS, signalGroup } from './process-group.js';
import {
  DEFAULT_CAPTURE_LIMIT_BYTES,
  StreamCapture,
  type CapturedStream,
} from './stream-capture.js';

/**
 * Where `program` (an `argv[0]`) is found the way `spawn` without a shell finds it (execvp, POSIX
 * exec): a name with a `/` is a path relative to `cwd`; a bare name is looked up in each folder of
 * `pathVariable` (`PATH`, entries separated by `:`; an empty entry is `cwd`). Answers the absolute
 * file when it exists and is executable, else undefined.
 */
export function locateProgram(
  program: string,
  cwd: string,
  pathVariable: string | undefined,
): string | undefined {
  const candidates = program.includes('/')
    ? [path.resolve(cwd, program)]
    : (pathVariable ?? '').split(':').map((dir) => path.resolve(cwd, dir, program));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/**
 * The message of a spawn that failed: `command not found: X (searched PATH)` for a bare name,
 * `command not found: ./x (no such file)` for a path, `working directory not found: /abs` when
 * the cwd is missing, else Node's own message.
 */
export function spawnErrorMessage(
  thrown: NodeJS.ErrnoException,
  program: string,
  cwd: string | undefined,
): string {
  if (thrown.code !== 'ENOENT') return thrown.message;
  if (cwd !== undefined && !existsSync(cwd)) return `working directory not found: ${cwd}`;
  return program.includes('/')
    ? `command not found: ${program} (no such file)`
    : `command not found: ${program} (searched PATH)`;
}

/** How long a command may run when its caller gives no timeout: 60 s (RAGit's `harness run`). */
export const DEFAULT_TIMEOUT_MS = 60_000;

/** How one command run ended. */
export type CommandOutcome = 'exited' | 'timed-out' | 'spawn-error' | 'aborted';

/** Options of `runCommand`. Times are milliseconds, sizes bytes. */
export interface CommandRunOptions {
  /** Program and arguments; never given to a shell. */
  argv: readonly string[];
  /** Working directory (absolute, already resolved by the caller); default: this process's. */
  cwd?: string;
  /**
   * The child's whole environment; default `childEnvironment(process.env, [])` (child-env.ts), so a
   * child never inherits the runtime's variables unless the caller puts them here.
   */
  env?: Readonly<Record<string, string>>;
  /**
   * Run under bubblewrap (sandbox.ts). A private folder is made here under the system temp folder,
   * holding the scratch folder (the child's cwd; `cwd` is then ignored) and the empty file shown
   * for hidden files, and removed once the child has settled.
   */
  sandbox?: Omit<SandboxSpec, 'scratch' | 'emptyFile'>;
  /** Written to the child's stdin, which is then closed. */
  stdin: string | Buffer;
  /** Default 60000. On expiry the whole process group is killed and the outcome is `timed-out`. */
  timeoutMs?: number;
  /** Per-stream capture limit; default 8 MiB. */
  captureLimitBytes?: number;
  /** SIGTERM -> SIGKILL grace, and how long to wait for the pipes after the child exits; default 500. */
  killGraceMs?: number;
  /** Substrings tracked over the whole stream (see `StreamingMatcher`). */
  needles?: { stdout?: readonly string[]; stderr?: readonly string[] };
  /** Aborting kills the process group; the outcome is `aborted` (used by cancel). */
  signal?: AbortSignal;
  /**
   * Called once the child is spawned, with its pid, which is also its process-group id (the child
   * leads its group): the run records it so that `harness.run.cancel` in another process can kill
   * the group.
   */
  onSpawn?: (pid: number) => void;
}

/** What `runCommand` observed. `error` explains any outcome other than `exited`. */
export interface CommandRunResult {
  outcome: CommandOutcome;
  exitCode: number | null;
  signal: string | null;
  error: string | null;
  stdout: CapturedStream;
  stderr: CapturedStream;
  durationMs: number;
}

/**
 * Runs one command the way RAGit's `harness run` does: `spawn` without a shell and with
 * `detached: true`, so the child leads its own process group; stdin gets `options.stdin` and is
 * closed, and EPIPE/ECONNRESET from a child that never reads it are ignored; both streams are
 * captured up to the limit while hashed and matched in full. On timeout or abort the group gets
 * SIGTERM, then SIGKILL after the grace. The result never waits for grandchildren that hold the
 * pipes: it settles on the pipes closing, or at the latest one grace after the child's exit, then
 * destroys the pipes and SIGKILLs what is left of the group: no process of the child's group
 * outlives the command, whether it passed or not (a process that left the group with `setsid`
 * escapes, unless the sandbox's PID namespace holds it). A spawn error (missing binary, bad cwd,
 * bubblewrap missing for a sandboxed command) settles as `spawn-error` with its message. Never
 * rejects.
 */
export function runCommand(options: CommandRunOptions): Promise<CommandRunResult> {
  const started = performance.now();
  const limit = options.captureLimitBytes ?? DEFAULT_CAPTURE_LIMIT_BYTES;
  const grace = options.killGraceMs ?? DEFAULT_KILL_GRACE_MS;
  const stdout = new StreamCapture(limit, options.needles?.stdout ?? []);
  const stderr = new StreamCapture(limit, options.needles?.stderr ?? []);

  return new Promise((resolve) => {
    let outcome: CommandOutcome = 'exited';
    let error: string | null = null;
    let exitCode: number | null = null;
    let exitSignal: string | null = null;
    let killing = false;
    let settled = false;
    let child: ChildProcess | undefined;
    let scratch: string | undefined;
    const timers = new Set<NodeJS.Timeout>();
    const after = (ms: number, action: () => void): NodeJS.Timeout => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        action();
      }, ms);
      timers.add(timer);
      return timer;
    };

    const settle = (): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      // No process of the group may outlive the command: leftovers of a killed group, processes
      // still holding the pipes, and background children that closed their stdio alike.
      if (child?.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
      if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
      child?.stdout?.destroy();
      child?.stderr?.destroy();
      child?.stdin?.destroy();
      resolve({
        outcome,
        exitCode,
        signal: exitSignal,
        error,
        stdout: stdout.finish(),
        stderr: stderr.finish(),
        durationMs: Math.round(performance.now() - started),
      });
    };

    const killGroup = (why: CommandOutcome, message: string): void => {
      if (killing || settled || child?.pid === undefined) return;
      killing = true;
      outcome = why;
      error = message;
      signalGroup(child.pid, 'SIGTERM');
      after(grace, () => {
        if (child?.pid !== undefined) signalGroup(child.pid, 'SIGKILL');
        after(grace, () => settle());
      });
    };

    function onAbort(): void {
      killGroup('aborted', 'cancelled');
    }

    if (options.signal?.aborted) {
      outcome = 'aborted';
      error = 'cancelled before start';
      settle();
      return;
    }
    let argv = options.argv;
    let cwd = options.cwd;
    try {
      if (options.sandbox !== undefined) {
        scratch = mkdtempSync(path.join(tmpdir(), 'contracts-sandbox-'));
        const work = path.join(scratch, 'scratch');
        const emptyFile = path.join(scratch, 'empty');
        mkdirSync(work);
        writeFileSync(emptyFile, '', { mode: 0o444 });
        argv = sandboxedArgv({ ...options.sandbox, scratch: work, emptyFile }, argv);
        cwd = work;
      }
    } catch (thrown) {
      outcome = 'spawn-error';
      error = thrown instanceof Error ? thrown.message : String(thrown);
      settle();
      return;
    }
    const [program, ...args] = argv;
    try {
      child = spawn(program ?? '', args, {
        cwd,
        env: options.env ?? childEnvironment(process.env, []),
        stdio: ['pipe', 'pipe', 'pipe'],
        detached: true,
        shell: false,
        windowsHide: true,
      });
    } catch (thrown) {
      outcome = 'spawn-error';
      error = thrown instanceof Error ? thrown.message : String(thrown);
      settle();
      return;
    }

    child.on('error', (thrown: NodeJS.ErrnoException) => {
      if (child?.pid !== undefined) return;
      outcome = 'spawn-error';
      error = spawnErrorMessage(thrown, program ?? '', cwd);
      settle();
    });
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    // A child may exit without reading its stdin: EPIPE/ECONNRESET are expected, never fatal.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(options.stdin);

    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timeout = after(timeoutMs, () =>
      killGroup('timed-out', `timed out after ${timeoutMs} ms`),
    );
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    // onSpawn may abort (a cancel seen right after spawning): the listener came too late for it.
    if (options.signal?.aborted) onAbort();

    child.on('exit', (code, signal) => {
      exitCode = code;
      exitSignal = signal;
      clearTimeout(timeout);
      timers.delete(timeout);
      // Grandchildren may hold the pipes open: wait one grace for 'close', then stop waiting.
      after(grace, () => settle());
    });
    child.on('close', () => settle());
  });
}
