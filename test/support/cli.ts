import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The project root, whatever folder vitest runs from. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The `contracts` command as installed: its bin, which runs the bundled CLI (`npm test` builds it
 * first, in `pretest`).
 */
export const CLI = fileURLToPath(
  new URL('../../packages/codegen/bin/contracts.mjs', import.meta.url),
);

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `contracts <args>` in `cwd` and waits for it. */
export function runCli(
  args: readonly string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): CliResult {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1' },
    input: '',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
