import { accessSync, constants, existsSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * How a child runs under bubblewrap (`bwrap`, Debian package `bubblewrap`): the whole file system
 * read-only, a fresh `/dev`, `/proc` and `/tmp`, new PID, IPC and UTS namespaces (`--unshare-pid`,
 * so every process the child starts dies with it, `setsid` or not), `--die-with-parent`, no
 * network unless `network` is true, `readable` folders shown again read-only, `hidden` folders
 * replaced by empty read-only ones and `hidden` files by `/dev/null`, and only `scratch` (its cwd) and
 * `writable` folders writable.
 */
export interface SandboxSpec {
  readonly kind: 'bwrap';
  /** Private writable folder, created by the caller; the child's cwd. */
  readonly scratch: string;
  /** An empty regular file, created by the caller, shown in place of each hidden file. */
  readonly emptyFile: string;
  /** Further folders bound writable (an agent's artifacts folder). */
  readonly writable: readonly string[];
  /**
   * Folders shown read-only again over the private `/tmp` (the project folder, when it lives
   * under `/tmp`), before anything is hidden.
   */
  readonly readable: readonly string[];
  /** Paths the child must not see: the state directory, definition folders, the tokens file. */
  readonly hidden: readonly string[];
  /** Whether the child keeps the host's network; default none (`--unshare-net`). */
  readonly network: boolean;
  /**
   * The bwrap binary (absolute), as {@link locateBwrap} found it once for many children (a harness
   * run looks it up when it starts); default looked up on `PATH` for this child.
   */
  readonly bwrap?: string;
}

/** Why a sandboxed child cannot start; its message says what to install. */
export class SandboxUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SandboxUnavailableError';
  }
}

/**
 * The absolute path of `bwrap` on `PATH` (of `env`), or undefined. Looked up on each call (one
 * access(2) per `PATH` entry), so an install while a server runs is seen by the next run.
 */
export function locateBwrap(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'bwrap');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/**
 * The argv that runs `argv` inside the sandbox `spec` (see {@link SandboxSpec}); bind order
 * matters to bubblewrap: hiding mounts come before the writable binds that may lie inside them.
 * @throws SandboxUnavailableError when bwrap is not installed: a sandboxed definition never runs
 *   unsandboxed.
 */
export function sandboxedArgv(spec: SandboxSpec, argv: readonly string[]): string[] {
  const bwrap = spec.bwrap ?? locateBwrap();
  if (bwrap === undefined) {
    throw new SandboxUnavailableError(
      'sandbox "bwrap" requested but bubblewrap is not installed (no bwrap on PATH); install the Debian package bubblewrap',
    );
  }
  const args = [
    bwrap,
    '--die-with-parent',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    ...(spec.network ? [] : ['--unshare-net']),
    '--ro-bind',
    '/',
    '/',
    '--dev',
    '/dev',
    '--proc',
    '/proc',
    '--tmpfs',
    '/tmp',
  ];
  for (const dir of [...spec.readable].sort()) {
    if (existsSync(dir)) args.push('--ro-bind', dir, dir);
  }
  const hiddenDirs: string[] = [];
  for (const hidden of [...spec.hidden].sort()) {
    if (!existsSync(hidden)) continue;
    if (statSync(hidden).isDirectory()) {
      args.push('--tmpfs', hidden);
      hiddenDirs.push(hidden);
    } else args.push('--ro-bind', spec.emptyFile, hidden);
  }
  for (const dir of [...spec.writable, spec.scratch]) args.push('--bind', dir, dir);
  // Hidden folders are empty and, once the writable binds inside them exist, read-only too.
  for (const dir of hiddenDirs) args.push('--remount-ro', dir);
  args.push('--chdir', spec.scratch, '--', ...argv);
  return args;
}
