import type { HarnessEvaluation } from '../../generated/harness/types.js';
import { readJson, writeJsonAtomic } from '../store/atomic-json.js';
import { isStoreId } from './harness-ids.js';
import type { HarnessStateLayout } from './state-layout.js';

/**
 * The evaluations of a state directory: one `HarnessEvaluation` per file,
 * `evaluations/<evaluationId>.json` (issue #3, "State"), written atomically.
 */
export class EvaluationStore {
  constructor(private readonly layout: HarnessStateLayout) {}

  /** Writes (or replaces) an evaluation. */
  async put(evaluation: HarnessEvaluation): Promise<void> {
    await writeJsonAtomic(
      this.layout.absolute(this.layout.evaluationRelative(evaluation.evaluationId)),
      evaluation,
    );
  }

  /** The evaluation with this id; undefined when missing or when the id is not a store id. */
  async get(evaluationId: string): Promise<HarnessEvaluation | undefined> {
    if (!isStoreId(evaluationId)) return undefined;
    return (await readJson(this.layout.absolute(this.layout.evaluationRelative(evaluationId)))) as
      HarnessEvaluation | undefined;
  }
}
