import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

import { compareCodeUnits } from '../../core/code-units.js';
import { problemsOfZodError, type Problem } from '../problems.js';
import { commandExecutorFields } from './run-input.js';

/** An executor name: it names `executors/<name>.json`, so no dots at the start, slashes or colons. */
export const EXECUTOR_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * `executors/<name>.json`, defined by the operator: the command executor of RAGit's `harness run`
 * (`argv` never given to a shell, `cwd` under `--cwd`, `env`, `timeoutMs`), plus `sandbox: "bwrap"`
 * to run each case under bubblewrap (see runtime/process/sandbox.ts) and `network` (default false)
 * to keep the host's network there. `kind` may be given as `"command"`. Unknown keys are refused.
 */
export const executorDefinitionSchema = z.strictObject({
  kind: z
    .literal('command', { error: 'expected "command" (the only executor kind of v1)' })
    .optional(),
  ...commandExecutorFields,
  sandbox: z.literal('bwrap', { error: 'expected "bwrap" (the only sandbox)' }).optional(),
  network: z.boolean().optional(),
});

/** A parsed executor definition. */
export type ExecutorDefinition = z.infer<typeof executorDefinitionSchema>;

/** Why a named executor cannot be used: `problem.path` is relative to the run input. */
export class ExecutorDefinitionError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '));
    this.name = 'ExecutorDefinitionError';
  }
}

/** The executor names of `dir`: `*.json` files, sorted by code units; [] when the folder is missing. */
export async function listExecutorNames(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((name) => EXECUTOR_NAME_PATTERN.test(name))
    .sort(compareCodeUnits);
}

/**
 * Loads `<dir>/<name>.json`. `field` is where the name came from (`executor`, or
 * `metadata.executor` for a contract call); `shownDir` the folder as messages show it.
 * @throws ExecutorDefinitionError at `field` for an unknown name (the message lists the known ones
 *   and the folder searched), and at `field` with the file's own field paths for an invalid file.
 */
export async function loadExecutorDefinition(
  dir: string,
  name: string,
  field: string,
  shownDir: string,
): Promise<ExecutorDefinition> {
  let text: string | undefined;
  if (EXECUTOR_NAME_PATTERN.test(name)) {
    text = await readFile(path.join(dir, `${name}.json`), 'utf8').catch(() => undefined);
  }
  if (text === undefined) {
    const known = await listExecutorNames(dir);
    const message = `unknown executor ${JSON.stringify(name.slice(0, 64))}; known executors in ${shownDir}/: ${
      known.length === 0 ? '(none)' : known.join(', ')
    }`;
    throw new ExecutorDefinitionError([{ path: field, message }]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `${shownDir}/${name}.json is not JSON: ${(error as Error).message}`;
    throw new ExecutorDefinitionError([{ path: field, message }]);
  }
  const parsed = executorDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    throw new ExecutorDefinitionError(
      problemsOfZodError(parsed.error).map((problem) => ({
        path: field,
        message: `${shownDir}/${name}.json: ${problem.path}: ${problem.message}`,
      })),
    );
  }
  return parsed.data;
}
