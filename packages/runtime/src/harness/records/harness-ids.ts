import { randomBytes } from 'node:crypto';

/**
 * Ids of the harness runtime. Run and evaluation ids are random; every id derived from
 * them is deterministic, so that a retried write (or a second process, e.g. a cancel) names the
 * same step, artifact or timeline event and the timeline drops the repeat.
 */

/** Shape of a run or evaluation id: it names files, so no dots, slashes or colons. */
export const STORE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

/** A fresh run id: `hr-` + 16 hex digits (64 random bits). */
export function newRunId(): string {
  return `hr-${randomBytes(8).toString('hex')}`;
}

/** A fresh evaluation id: `he-` + 16 hex digits. */
export function newEvaluationId(): string {
  return `he-${randomBytes(8).toString('hex')}`;
}

/** True when `id` may name a file of the state directory (see {@link STORE_ID_PATTERN}). */
export function isStoreId(id: string): boolean {
  return STORE_ID_PATTERN.test(id);
}

/** The step of case `caseId`: `<runId>:<caseId>` (case ids never hold `/`). */
export function stepIdOf(runId: string, caseId: string): string {
  return `${runId}:${caseId}`;
}

/** What an evidence artifact of a case holds. */
export type ArtifactPart = 'stdout' | 'stderr' | 'failure';

/** `<runId>:<caseId>:<part>`, e.g. `hr-0123456789abcdef:greets:stdout`. */
export function artifactIdOf(runId: string, caseId: string, part: ArtifactPart): string {
  return `${runId}:${caseId}:${part}`;
}

/**
 * Splits an artifact id at its first colon: `{runId, name}` where `name` is `<caseId>:<part>`;
 * undefined when the run part is not a store id (so a lookup can never leave the state directory).
 */
export function parseArtifactId(artifactId: string): { runId: string; name: string } | undefined {
  const colon = artifactId.indexOf(':');
  if (colon <= 0) return undefined;
  const runId = artifactId.slice(0, colon);
  const name = artifactId.slice(colon + 1);
  return isStoreId(runId) && name.length > 0 ? { runId, name } : undefined;
}

/**
 * The timeline id of a harness event: `<runId>:<event key>` plus `:<subject>` (a case or artifact
 * id) for events that happen once per subject.
 */
export function eventIdOf(runId: string, key: string, subject?: string): string {
  return subject === undefined ? `${runId}:${key}` : `${runId}:${key}:${subject}`;
}
