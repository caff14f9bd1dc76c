import type { HarnessTarget, HarnessTargetResolveInput } from '../../generated/harness/types.js';
import { compareCodeUnits } from '../../core/code-units.js';
import { invalidInput } from './run-metadata.js';

/** The isolation levels of the harness contracts (catalog: `preview | task | shared | sandbox`). */
export const ISOLATIONS = ['preview', 'task', 'shared', 'sandbox'] as const;

/** Isolation of a target when the caller names none: a task-scoped local process tree. */
export const DEFAULT_ISOLATION = 'task';

/**
 * `harness.target.resolve` for this runtime: every run executes local commands, so the
 * resolution is local and deterministic, the same input always giving the same target:
 * `{targetId: input.targetId ?? 'local-<isolation>', kind: 'local-command', isolation:
 * input.isolation ?? 'task', environment: 'local'}` plus `baseUrl`, `allowlistedDomains` (unique,
 * sorted by code units) and `metadata` when given.
 * @throws ContractError VALIDATION_FAILED naming `input.isolation` for a level outside
 *   {@link ISOLATIONS}.
 */
export function resolveTarget(
  input: HarnessTargetResolveInput,
  operation = 'harness.target.resolve',
): HarnessTarget {
  const isolation = input.isolation ?? DEFAULT_ISOLATION;
  if (!(ISOLATIONS as readonly string[]).includes(isolation)) {
    throw invalidInput(operation, [
      { path: 'isolation', message: `expected one of ${ISOLATIONS.join(', ')}` },
    ]);
  }
  const target: HarnessTarget = {
    targetId: input.targetId ?? `local-${isolation}`,
    kind: 'local-command',
    isolation,
    environment: 'local',
  };
  if (input.baseUrl !== undefined) target.baseUrl = input.baseUrl;
  if (input.allowlistedDomains !== undefined) {
    target.allowlistedDomains = [...new Set(input.allowlistedDomains)].sort(compareCodeUnits);
  }
  if (input.metadata !== undefined) target.metadata = input.metadata;
  return target;
}
