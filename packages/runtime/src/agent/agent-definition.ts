import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { z } from 'zod';
import { compareCodeUnits } from '../core/code-units.js';
import { nearestName } from '../core/did-you-mean.js';
import { ContractError } from '../errors.js';

/** How long an agent may run when its definition gives no `timeoutMs`: 10 minutes. */
export const DEFAULT_AGENT_TIMEOUT_MS = 600_000;

const AGENT_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * `agents/<agentKey>.json`: the command that runs the agent. `argv` is never
 * given to a shell; `cwd` resolves against the runtime's cwd; `env` is added to the agent's clean
 * environment (runtime/process/child-env.ts) and its values are masked wherever the run's output
 * is kept; `timeoutMs` defaults to {@link DEFAULT_AGENT_TIMEOUT_MS}; `sandbox: "bwrap"` runs it
 * under bubblewrap (runtime/process/sandbox.ts) with its artifacts folder writable, `network`
 * (default false) keeping the host's network there. Unknown keys are refused.
 */
export const AgentDefinitionSchema = z.strictObject({
  argv: z.array(z.string().min(1)).min(1),
  cwd: z.string().min(1).optional(),
  env: z.record(z.string(), z.string()).optional(),
  timeoutMs: z.int().positive().optional(),
  requiresApproval: z.boolean().optional(),
  sandbox: z.literal('bwrap', { error: 'expected "bwrap" (the only sandbox)' }).optional(),
  network: z.boolean().optional(),
});

/** A parsed agent definition. */
export type AgentDefinition = z.infer<typeof AgentDefinitionSchema>;

/** The agent keys of `agentsDir`: file names ending in `.json`, sorted by code units; [] when missing. */
export async function listAgentKeys(agentsDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(agentsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .filter((key) => AGENT_KEY.test(key))
    .sort(compareCodeUnits);
}

/**
 * Loads and validates `agents/<agentKey>.json`.
 * @throws ContractError VALIDATION_FAILED (details at `input.agentKey`) for an unknown key, whose
 *   message names the key, the nearest known key, the folder searched (relative to `cwd`) and the
 *   known keys; INTERNAL naming the file (relative to `cwd`)
 *   and the issues when the file is not a valid definition.
 */
export async function loadAgentDefinition(
  agentsDir: string,
  agentKey: string,
  cwd: string,
): Promise<AgentDefinition> {
  const file = join(agentsDir, `${agentKey}.json`);
  let text: string | undefined;
  if (AGENT_KEY.test(agentKey)) {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  if (text === undefined) {
    const known = await listAgentKeys(agentsDir);
    const folder = relative(cwd, agentsDir) || '.';
    const shownFolder = folder.startsWith('..') ? agentsDir : `${folder}/`;
    const guess = nearestName(agentKey, known);
    const message = `unknown agent ${JSON.stringify(agentKey)}${
      guess === undefined ? '' : `; did you mean ${JSON.stringify(guess)}?`
    }; known agents in ${shownFolder}: ${known.length === 0 ? '(none)' : known.join(', ')}`;
    throw new ContractError('VALIDATION_FAILED', `input.agentKey: ${message}`, {
      details: [{ path: 'input.agentKey', message }],
    });
  }
  const shown = relative(cwd, file) || file;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ContractError(
      'INTERNAL',
      `agent definition ${shown} is not JSON: ${(error as Error).message}`,
    );
  }
  const parsed = AgentDefinitionSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new ContractError('INTERNAL', `agent definition ${shown} is invalid: ${issues}`);
  }
  return parsed.data;
}
