import path from 'node:path';

/**
 * Where the harness runtime keeps its state under the state directory. Paths
 * returned as `relative` use `/` and are relative to the state directory: they are what records
 * and artifact `uri`s hold, so no absolute path ever enters a record.
 *
 * ```
 * harness-runs/<runId>.json          run record (HarnessRun + case results), atomic writes
 * harness-runs/<runId>.lock          held while the record is read-modified-written
 * harness-runs/<runId>.cancel.json   cancel marker, written by harness.run.cancel before it kills
 * harness-runs/<runId>.live/         while the run executes: `owner` (pid), `pgid-<n>` per case
 * evidence/<runId>/<caseId>.json   the EvidenceArtifacts of one case: {artifacts: [...]}
 * evaluations/<evaluationId>.json    one HarnessEvaluation each
 * events/<YYYY-MM-DD>.jsonl          the shared timeline (runtime/timeline.ts)
 * ```
 */
export class HarnessStateLayout {
  /** `stateDir` normalized, when absolute: the prefix that {@link absolute} joins to directly. */
  private readonly base: string | undefined;

  constructor(readonly stateDir: string) {
    const normalized = path.normalize(stateDir);
    this.base = path.isAbsolute(normalized) ? normalized.replace(/\/+$/, '') : undefined;
  }

  /** `harness-runs/<runId>.json`, relative. */
  runRecordRelative(runId: string): string {
    return `harness-runs/${runId}.json`;
  }

  runRecord(runId: string): string {
    return this.absolute(this.runRecordRelative(runId));
  }

  /** `harness-runs/`, absolute: records, locks, cancel markers and live folders. */
  runsDir(): string {
    return this.absolute('harness-runs');
  }

  runLock(runId: string): string {
    return this.absolute(`harness-runs/${runId}.lock`);
  }

  cancelMarker(runId: string): string {
    return this.absolute(`harness-runs/${runId}.cancel.json`);
  }

  liveDir(runId: string): string {
    return this.absolute(`harness-runs/${runId}.live`);
  }

  evidenceDir(runId: string): string {
    return this.absolute(`evidence/${runId}`);
  }

  /**
   * `evidence/<runId>/<caseId>.json`, relative: the evidence file of one case. Characters of the
   * case id outside `[A-Za-z0-9._-]` (a `:`) are percent-encoded, so the file name is portable.
   */
  evidenceRelative(runId: string, caseId: string): string {
    return `evidence/${runId}/${encodeName(caseId)}.json`;
  }

  evaluationRelative(evaluationId: string): string {
    return `evaluations/${evaluationId}.json`;
  }

  /**
   * A relative state path made absolute, as `path.join(stateDir, ...relative.split('/'))`; a
   * plain relative path (no empty, `.` or `..` segment) is appended to the normalized state
   * directory directly, which gives the same string.
   */
  absolute(relative: string): string {
    if (this.base !== undefined && path.sep === '/' && PLAIN_RELATIVE.test(relative)) {
      return `${this.base}/${relative}`;
    }
    return path.join(this.stateDir, ...relative.split('/'));
  }
}

/** Segments of `[A-Za-z0-9._%-]`, none of them `.` or `..`, joined by single slashes. */
const PLAIN_RELATIVE = /^(?!\.\.?(?:\/|$))[\w.%-]+(?:\/(?!\.\.?(?:\/|$))[\w.%-]+)*$/;

function encodeName(name: string): string {
  return name.replace(
    /[^A-Za-z0-9._-]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
