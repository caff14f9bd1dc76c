/**
 * Helpers of the outside-project tests: run a command with a timeout, pack both workspace packages
 * (once per test file) into a temp folder, and create throw-away projects under os.tmpdir() —
 * outside this repository, so nothing resolves through the workspace's node_modules.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where `npm pack -w …` runs). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The fixtures copied into the outside project. */
export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** The two workspace packages, by npm name -> folder under the repo root. */
export const PACKAGES = {
  'contracts-runtime': 'packages/runtime',
  'contracts-codegen': 'packages/codegen',
} as const;

export type PackageName = keyof typeof PACKAGES;

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** The command line, stdout and stderr together: what an assertion message should show. */
  readonly output: string;
}

/**
 * The environment of a child npm/npx/node: the current one without the `npm_*` variables an
 * outer `npm test` sets (`npm_config_local_prefix`, `npm_package_*` …), which would point npm back
 * at this repository; the registry, cache and user config stay.
 */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const keep = new Set(['npm_config_registry', 'npm_config_cache', 'npm_config_userconfig']);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    const lower = key.toLowerCase();
    if (lower.startsWith('npm_') && !keep.has(lower)) continue;
    if (key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return { ...env, NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}

/** Runs `command args` in `cwd` and waits (at most `timeoutMs`); never throws on a failure. */
export function run(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): RunResult {
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    encoding: 'utf8',
    env: childEnv(options.env),
    timeout: options.timeoutMs,
    killSignal: 'SIGKILL',
    input: '',
    maxBuffer: 64 * 1024 * 1024,
  });
  const stdout = result.stdout ?? '';
  const stderr = result.stderr ?? '';
  const why = result.error ? `\n(spawn error: ${result.error.message})` : '';
  const status = result.error ? null : result.status;
  return {
    status,
    stdout,
    stderr,
    output: `$ (cd ${options.cwd} && ${command} ${args.join(' ')})\n-> exit ${status}${why}\n--- stdout\n${stdout}\n--- stderr\n${stderr}`,
  };
}

/** `run`, throwing with the whole output unless the command exits 0. */
export function runOk(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs: number; env?: NodeJS.ProcessEnv },
): RunResult {
  const result = run(command, args, options);
  if (result.status !== 0) throw new Error(`command failed:\n${result.output}`);
  return result;
}

/** One file of `npm pack --json`. */
export interface PackFile {
  readonly path: string;
  readonly size: number;
}

/** One tarball of `npm pack --json`. */
export interface PackEntry {
  readonly name: string;
  readonly version: string;
  readonly filename: string;
  readonly size: number;
  readonly unpackedSize: number;
  readonly entryCount: number;
  readonly files: readonly PackFile[];
}

/**
 * Throws unless both packages are built: the tests pack `dist/` as it is (the root `npm test`
 * builds it in `pretest`; by hand: `npx tsc -b packages/runtime packages/codegen`).
 */
export function assertBuilt(): void {
  for (const [name, folder] of Object.entries(PACKAGES)) {
    const entry = path.join(REPO_ROOT, folder, 'dist', 'index.js');
    if (!existsSync(entry)) {
      throw new Error(
        `${name} is not built (${entry} is missing): run npx tsc -b packages/runtime packages/codegen`,
      );
    }
  }
}

/** Parses `npm pack --json` output (npm 10/11 print one array). */
export function parsePackJson(stdout: string): PackEntry[] {
  const start = stdout.indexOf('[');
  if (start < 0) throw new Error(`npm pack printed no JSON:\n${stdout}`);
  return JSON.parse(stdout.slice(start)) as PackEntry[];
}

/**
 * `npm pack --json --ignore-scripts -w contracts-runtime -w contracts-codegen [...extra]` from the
 * repo root. `prepack` (a clean rebuild) is skipped: `npm test` has just built `dist/`, and a
 * rebuild would delete the CLI under the tests running beside this one.
 */
export function npmPack(extra: readonly string[]): PackEntry[] {
  assertBuilt();
  const result = runOk(
    'npm',
    [
      'pack',
      '--json',
      '--ignore-scripts',
      ...extra,
      '-w',
      'contracts-runtime',
      '-w',
      'contracts-codegen',
    ],
    { cwd: REPO_ROOT, timeoutMs: 120_000 },
  );
  return parsePackJson(result.stdout);
}

/** The packed tarballs: their folder and each tarball's absolute path. */
export interface Packed {
  readonly dir: string;
  readonly runtime: string;
  readonly codegen: string;
  readonly entries: readonly PackEntry[];
}

let packed: Packed | undefined;

/**
 * Packs both packages once (per test file: vitest runs each file in its own process) into a fresh
 * folder under os.tmpdir(); {@link cleanupPacked} removes it.
 */
export function packOnce(): Packed {
  if (packed) return packed;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'contracts-pack-'));
  const entries = npmPack(['--pack-destination', dir]);
  const tarball = (name: PackageName) => {
    const entry = entries.find((candidate) => candidate.name === name);
    if (!entry) throw new Error(`npm pack made no ${name} tarball`);
    const file = path.join(dir, entry.filename);
    if (!existsSync(file)) throw new Error(`npm pack did not write ${file}`);
    return file;
  };
  packed = {
    dir,
    runtime: tarball('contracts-runtime'),
    codegen: tarball('contracts-codegen'),
    entries,
  };
  return packed;
}

/** Removes the folder of {@link packOnce}, if it ran. */
export function cleanupPacked(): void {
  if (packed) rmSync(packed.dir, { recursive: true, force: true });
  packed = undefined;
}

/**
 * A new project folder under os.tmpdir() with a `package.json` (`"type": "module"`, private),
 * outside this repository.
 */
export function createTempProject(prefix: string, extra: Record<string, unknown> = {}): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const relative = path.relative(REPO_ROOT, dir);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) {
    throw new Error(`${dir} is inside the repository; the outside project must not be`);
  }
  const pkg = { name: prefix, version: '0.0.0', private: true, type: 'module', ...extra };
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  return dir;
}

/** Copies `fixtures/<from>` (a file or folder) to `<project>/<to>`. */
export function copyFixture(project: string, from: string, to: string = from): void {
  cpSync(path.join(FIXTURES, from), path.join(project, to), { recursive: true });
}

/** Reads a JSON file. */
export function readJson<T = unknown>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

/** Removes a temp folder (never one inside the repository). */
export function removeDir(dir: string | undefined): void {
  if (!dir) return;
  const relative = path.relative(REPO_ROOT, dir);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return;
  rmSync(dir, { recursive: true, force: true });
}
