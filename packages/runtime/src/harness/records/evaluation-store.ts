import type { HarnessEvaluation } from '../../generated/harness/types.js';
import { writeJsonAtomic } from '../../store/atomic-json.js';
import { isStoreId } from './harness-ids.js';
import { JsonFileCache } from '../../store/json-file-cache.js';
import type { HarnessStateLayout } from './state-layout.js';

/**
 * The evaluations of a state directory: one `HarnessEvaluation` per file,
 * `evaluations/<evaluationId>.json`, written atomically.
 */
export class EvaluationStore {
  private readonly cache: JsonFileCache;

  constructor(private readonly layout: HarnessStateLayout) {
    this.cache = new JsonFileCache({ root: layout.stateDir });
  }

  /** Writes (or replaces) an evaluation. */
  async put(evaluation: HarnessEvaluation): Promise<void> {
    const file = this.layout.absolute(this.layout.evaluationRelative(evaluation.evaluationId));
    await writeJsonAtomic(file, evaluation, { root: this.layout.stateDir });
    this.cache.forget(file);
  }

  /**
   * The evaluation with this id, deeply frozen (see JsonFileCache); undefined when missing or when
   * the id is not a store id.
   */
  async get(evaluationId: string): Promise<HarnessEvaluation | undefined> {
    if (!isStoreId(evaluationId)) return undefined;
    const file = this.layout.absolute(this.layout.evaluationRelative(evaluationId));
    return (await this.cache.read(file)) as HarnessEvaluation | undefined;
  }
}
