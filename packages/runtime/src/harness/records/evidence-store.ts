import { readdir } from 'node:fs/promises';

import type { EvidenceArtifact } from '../../generated/harness/types.js';
import { compareCodeUnits } from '../../core/code-units.js';
import { AtomicJsonWriter } from '../../store/atomic-json.js';
import { isStoreId, parseArtifactId } from './harness-ids.js';
import { JsonFileCache } from '../../store/json-file-cache.js';
import type { HarnessStateLayout } from './state-layout.js';

/** What one case's evidence file holds. */
interface CaseEvidenceFile {
  artifacts: EvidenceArtifact[];
}

/** A {@link EvidenceStore.putCase} waiting for the write of its turn. */
interface PendingCase {
  readonly filePath: string;
  readonly file: CaseEvidenceFile;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The evidence artifacts of a state directory: the artifacts of one case
 * (stdout, stderr, failure) share one file, `evidence/<runId>/<caseId>.json`, written atomically
 * once when the case ends and never rewritten, so a cancel keeps every one already written. An
 * artifact's `uri` is that file, relative to the state directory, with `#<part>` naming the
 * artifact in it. One file per case rather than per artifact keeps the writes per case low.
 */
export class EvidenceStore {
  private readonly cache: JsonFileCache;
  private readonly writer: AtomicJsonWriter;
  private pending: PendingCase[] = [];

  constructor(private readonly layout: HarnessStateLayout) {
    this.cache = new JsonFileCache({ root: layout.stateDir });
    this.writer = new AtomicJsonWriter({ root: layout.stateDir });
  }

  /**
   * Writes the artifacts of one case (all of one run and case) atomically (AtomicJsonWriter).
   * The cases put in one event-loop turn (a run's write queue starts a batch's files at once) are
   * written together, sharing their directory's fsync (AtomicJsonWriter.writeAll).
   * @throws StoreWriteError naming the evidence file on an I/O error.
   */
  putCase(runId: string, caseId: string, artifacts: readonly EvidenceArtifact[]): Promise<void> {
    const file: CaseEvidenceFile = { artifacts: [...artifacts] };
    const filePath = this.layout.absolute(this.layout.evidenceRelative(runId, caseId));
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) queueMicrotask(() => this.writePending());
      this.pending.push({ filePath, file, resolve, reject });
    });
  }

  private writePending(): void {
    const cases = this.pending;
    this.pending = [];
    const written = this.writer.writeAll(
      cases.map(({ filePath, file }) => ({ path: filePath, value: file })),
    );
    cases.forEach(({ filePath, resolve, reject }, index) => {
      written[index]!.then(() => {
        this.cache.forget(filePath);
        resolve();
      }, reject);
    });
  }

  /** The artifact with this id (`<runId>:<caseId>:<part>`), deeply frozen, or undefined. */
  async get(artifactId: string): Promise<EvidenceArtifact | undefined> {
    const parts = parseArtifactId(artifactId);
    const colon = parts?.name.lastIndexOf(':') ?? -1;
    if (!parts || colon <= 0) return undefined;
    const relative = this.layout.evidenceRelative(parts.runId, parts.name.slice(0, colon));
    const file = (await this.cache.read(this.layout.absolute(relative))) as
      CaseEvidenceFile | undefined;
    return file?.artifacts.find((artifact) => artifact.artifactId === artifactId);
  }

  /**
   * Every artifact of `runId` (each deeply frozen, in a new array), optionally only those of one
   * step and/or kind, sorted by `createdAt` then `artifactId` (code units). An unknown run has none.
   */
  async list(
    runId: string,
    filter: { stepId?: string; kind?: string } = {},
  ): Promise<EvidenceArtifact[]> {
    if (!isStoreId(runId)) return [];
    const dir = this.layout.evidenceDir(runId);
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const artifacts: EvidenceArtifact[] = [];
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const file = (await this.cache.read(`${dir}/${name}`)) as CaseEvidenceFile | undefined;
      for (const artifact of file?.artifacts ?? []) {
        if (artifact.runId !== runId) continue;
        if (filter.stepId !== undefined && artifact.stepId !== filter.stepId) continue;
        if (filter.kind !== undefined && artifact.kind !== filter.kind) continue;
        artifacts.push(artifact);
      }
    }
    return artifacts.sort(
      (a, b) =>
        compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.artifactId, b.artifactId),
    );
  }
}
