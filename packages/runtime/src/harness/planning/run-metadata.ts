import { z } from 'zod';

import { ContractError, type ValidationIssue } from '../../errors.js';
import { problemsOfZodError, type Problem } from '../problems.js';
import { runInputSchema } from './run-input.js';

/** Largest per-stream capture a call may ask for: 256 MiB. */
export const MAX_CAPTURE_LIMIT_BYTES = 256 * 1024 * 1024;

/**
 * How a contract call carries what `harness.run.start@1.0.0` and `harness.evaluation.run@1.0.0`
 * cannot express in their own fields: the `metadata` object of the input holds
 * `{ executor, cases?, concurrency?, dryRun?, background?, captureLimitBytes? }`, while `suiteKey`
 * (else `scenarioKey`) is the suite reference. `executor`, `cases` and `concurrency` are exactly
 * the CLI's run input; `dryRun` plans without writing anything; `background` (run.start only)
 * answers as soon as the run is recorded and executes it in this process; `captureLimitBytes`
 * overrides the 8 MiB per-stream capture. Unknown fields are refused.
 */
export const runMetadataSchema = runInputSchema.omit({ suiteRef: true }).extend({
  dryRun: z.boolean().optional(),
  background: z.boolean().optional(),
  captureLimitBytes: z
    .number()
    .int()
    .min(0, 'must be >= 0')
    .max(MAX_CAPTURE_LIMIT_BYTES, `must be <= ${MAX_CAPTURE_LIMIT_BYTES}`)
    .optional(),
});

/** A parsed run metadata object. */
export type RunMetadata = z.infer<typeof runMetadataSchema>;

/**
 * Parses `input.metadata` of a run or evaluation call.
 * @throws ContractError VALIDATION_FAILED whose details name each field under `input.metadata`
 *   (e.g. `input.metadata.executor.argv[1]: control characters are not allowed`).
 */
export function parseRunMetadata(metadata: unknown, operation: string): RunMetadata {
  if (metadata === undefined) {
    throw invalidInput(operation, [{ path: 'metadata.executor', message: 'required' }]);
  }
  const parsed = runMetadataSchema.safeParse(metadata, { reportInput: true });
  if (!parsed.success) {
    throw invalidInput(
      operation,
      problemsOfZodError(parsed.error).map((problem) => ({
        path:
          problem.path === '(root)' ? 'metadata' : `metadata.${problem.path}`.replace('.[', '['),
        message: problem.message,
      })),
    );
  }
  return parsed.data;
}

/**
 * The router's VALIDATION_FAILED (400) for problems found by a handler: each problem's path is
 * rooted at `input` (`suiteKey` -> `input.suiteKey`), like the issues of the router's own input
 * validation, so callers handle both the same way.
 */
export function invalidInput(operation: string, problems: readonly Problem[]): ContractError {
  const details: ValidationIssue[] = problems.map((problem) => ({
    path: `input.${problem.path}`,
    message: problem.message,
  }));
  const text = details.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return new ContractError('VALIDATION_FAILED', `invalid input for ${operation}: ${text}`, {
    details,
  });
}
