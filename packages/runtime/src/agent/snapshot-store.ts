import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { compareCodeUnits } from '../core/code-units.js';
import { readJson, writeJsonAtomic } from '../store/atomic-json.js';

/** What a context snapshot holds: the prompt and input an agent run sees (null when absent). */
export interface ContextSnapshot {
  readonly prompt: string | null;
  readonly input: Record<string, unknown> | null;
}

const SNAPSHOT_ID = /^ctx-[0-9a-f]{64}$/;

/**
 * JSON text with object keys sorted by code units at every depth and no whitespace, so equal
 * values always give equal text (the canonical form of RFC 8785 for the values JSON parsing gives;
 * number formatting is JavaScript's, which RFC 8785 also uses).
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value))
    return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => compareCodeUnits(a, b));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `ctx-<sha256 hex of the canonical JSON of {input, prompt}>`: the snapshot's content address. */
export function snapshotIdOf(snapshot: ContextSnapshot): string {
  const text = canonicalJson({ input: snapshot.input, prompt: snapshot.prompt });
  return `ctx-${createHash('sha256').update(text).digest('hex')}`;
}

/**
 * Content-addressed context snapshots, `<stateDir>/agent/snapshots/<id>.json`. A
 * snapshot is written once and never changes.
 */
export class SnapshotStore {
  readonly dir: string;

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'agent', 'snapshots');
  }

  /** Stores `snapshot` (unless already there) and resolves with its id. */
  async put(snapshot: ContextSnapshot): Promise<string> {
    const id = snapshotIdOf(snapshot);
    const file = join(this.dir, `${id}.json`);
    if ((await readJson(file)) === undefined) {
      await writeJsonAtomic(file, {
        contextSnapshotId: id,
        prompt: snapshot.prompt,
        input: snapshot.input,
      });
    }
    return id;
  }

  /** The snapshot `id` names; undefined when none is stored (or `id` is not a snapshot id). */
  async get(id: string): Promise<ContextSnapshot | undefined> {
    if (!SNAPSHOT_ID.test(id)) return undefined;
    const stored = (await readJson(join(this.dir, `${id}.json`))) as
      { prompt: string | null; input: Record<string, unknown> | null } | undefined;
    return stored && { prompt: stored.prompt, input: stored.input };
  }
}
