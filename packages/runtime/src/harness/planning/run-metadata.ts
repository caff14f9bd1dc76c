import { z } from 'zod';

import { ContractError, type ValidationIssue } from '../../errors.js';
import { problemsOfZodError, type Problem } from '../problems.js';
import { namedRunInputSchema, namesItsExecutor, runInputSchema } from './run-input.js';

/** Largest per-stream capture the schema admits: 256 MiB (a runtime's limits may be lower). */
export const MAX_CAPTURE_LIMIT_BYTES = 256 * 1024 * 1024;

const metadataFields = {
  dryRun: z.boolean().optional(),
  background: z.boolean().optional(),
  captureLimitBytes: z
    .number()
    .int()
    .min(0, 'must be >= 0')
    .max(MAX_CAPTURE_LIMIT_BYTES, `must be <= ${MAX_CAPTURE_LIMIT_BYTES}`)
    .optional(),
};

/**
 * How a contract call carries what `harness.run.start@1.0.0` and `harness.evaluation.run@1.0.0`
 * cannot express in their own fields: the `metadata` object of the input holds
 * `{ executor, cases?, concurrency?, dryRun?, background?, captureLimitBytes? }`, while `suiteKey`
 * (else `scenarioKey`) is the suite reference. `executor` is the name of an executor the runtime
 * defines (`executors/<name>.json`); `cases` and `concurrency` are the CLI's run input; `dryRun`
 * plans without writing anything; `background` (run.start only) answers as soon as the run is
 * recorded and executes it in this process; `captureLimitBytes` overrides the 8 MiB per-stream
 * capture. Unknown fields are refused.
 */
export const runMetadataSchema = namedRunInputSchema
  .omit({ suiteRef: true })
  .extend(metadataFields);

/**
 * {@link runMetadataSchema} with an inline command executor, accepted only where the runtime allows
 * inline executors (the local `contracts harness run`, `serve --allow-inline-executors`).
 */
export const inlineRunMetadataSchema = runInputSchema
  .omit({ suiteRef: true })
  .extend(metadataFields);

/** A parsed run metadata object. */
export type RunMetadata =
  z.infer<typeof runMetadataSchema> | z.infer<typeof inlineRunMetadataSchema>;

/**
 * Parses `input.metadata` of a run or evaluation call. An inline executor (an object) is refused
 * unless `inlineExecutors` is true: its `argv` (else `cwd`, else the executor itself) is named.
 * @throws ContractError VALIDATION_FAILED whose details name each field under `input.metadata`
 *   (e.g. `input.metadata.executor.argv: inline executors are refused; …`).
 */
export function parseRunMetadata(
  metadata: unknown,
  operation: string,
  inlineExecutors: boolean,
): RunMetadata {
  if (metadata === undefined) {
    throw invalidInput(operation, [{ path: 'metadata.executor', message: 'required' }]);
  }
  const named = namesItsExecutor(metadata);
  const executor = (metadata as { executor?: unknown } | null)?.executor;
  if (!named && !inlineExecutors && typeof executor === 'object' && executor !== null) {
    const field = 'argv' in executor ? 'argv' : 'cwd' in executor ? 'cwd' : undefined;
    throw invalidInput(operation, [
      {
        path: field === undefined ? 'metadata.executor' : `metadata.executor.${field}`,
        message:
          'inline executors are refused: this runtime runs only the executors its operator defined; give the name of one (executors/<name>.json)',
      },
    ]);
  }
  const schema = named || !inlineExecutors ? runMetadataSchema : inlineRunMetadataSchema;
  const parsed = schema.safeParse(metadata, { reportInput: true });
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
