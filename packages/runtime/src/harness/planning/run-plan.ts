import type { HarnessTarget } from '../../generated/harness/types.js';
import { compareCodeUnits } from '../../core/code-units.js';
import { ContractError } from '../../errors.js';
import { caseDocument } from '../suite/case-document.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import { confinePath } from './path-confinement.js';
import { HarnessInputError, type Problem } from '../problems.js';
import type { ExecutorSummary, Preflight } from '../records/run-record.js';
import { DEFAULT_TIMEOUT_MS, hasControlCharacters, type CommandExecutorSpec } from './run-input.js';
import { invalidInput, parseRunMetadata } from './run-metadata.js';
import { selectCases } from '../execution/run-suite.js';
import type { Suite, SuiteCase } from '../suite/suite.js';
import { SuiteIndex } from '../suite/suite-index.js';
import { locateSuite, readSuiteDocument, SuiteSourceError } from '../suite/suite-source.js';
import { resolveTarget } from './target.js';
import { verifySuite } from '../suite/verify-suite.js';

/** The only execution mode of the command executor (catalog value `code-execution`). */
export const CODE_EXECUTION = 'code-execution';

/** What `harness.run.start` and `harness.evaluation.run` share of their input. */
export interface RunRequest {
  scenarioKey?: string;
  suiteKey?: string;
  mode?: string;
  targetId?: string;
  controlPlaneExecutionId?: string;
  metadata?: Record<string, unknown>;
}

/** One selected case: `problem` says why it cannot be planned (only in a dry run of a bad suite). */
export interface PlannedCase {
  testCase: SuiteCase;
  problem: string | null;
}

/**
 * A validated run, ready to execute or to report as a dry run. Paths in it are relative to the
 * working directory except `executorCwd` (absolute, for spawning).
 */
export interface RunPlan {
  suiteRef: string;
  scenarioKey: string;
  suiteKey: string | undefined;
  suitePath: string;
  suite: Suite | undefined;
  preflight: Preflight;
  cases: PlannedCase[];
  executor: CommandExecutorSpec;
  executorSummary: ExecutorSummary;
  executorCwd: string;
  /** The values of `executor.env`, masked wherever they appear. */
  literals: string[];
  selection: { cases: string[] | null; concurrency: number };
  dryRun: boolean;
  background: boolean;
  captureLimitBytes: number | undefined;
  target: HarnessTarget;
  /** Copied onto the run (`harness.run.start` only). */
  controlPlaneExecutionId: string | undefined;
}

/**
 * Validates a run request against the working directory `cwd` and plans it (RAGit's `harness run`): the suite reference is `suiteKey`, else `scenarioKey`; `metadata` carries the
 * executor (see `runMetadataSchema`); the suite is read and verified; the cases are selected.
 * Verify problems do not throw: they are the plan's `preflight`, which the caller turns into
 * warnings (dry run) or a blocked run.
 * @throws ContractError SCENARIO_OR_SUITE_REQUIRED (declared by harness.run.start) when neither key
 *   is given; VALIDATION_FAILED naming the field (`input.suiteKey`, `input.mode`,
 *   `input.metadata.executor.cwd`, `input.metadata.cases[1]`, ...) for bad metadata, a suite or
 *   executor cwd leaving `cwd` (`..` or a symlink), control characters, a missing or non-JSON
 *   suite file, an unknown case id.
 */
export async function planRun(
  request: RunRequest,
  cwd: string,
  operation: string,
): Promise<RunPlan> {
  const suiteRef = request.suiteKey ?? request.scenarioKey;
  if (suiteRef === undefined) {
    throw new ContractError('SCENARIO_OR_SUITE_REQUIRED', 'A scenario or suite key is required.');
  }
  const refField = request.suiteKey !== undefined ? 'suiteKey' : 'scenarioKey';
  const metadata = parseRunMetadata(request.metadata, operation);
  if (request.mode !== undefined && request.mode !== CODE_EXECUTION) {
    throw invalidInput(operation, [
      { path: 'mode', message: `expected "${CODE_EXECUTION}" (the command executor's only mode)` },
    ]);
  }
  if (hasControlCharacters(suiteRef)) {
    throw invalidInput(operation, [
      { path: refField, message: 'control characters are not allowed' },
    ]);
  }
  const executorCwd = confinePath(cwd, metadata.executor.cwd ?? '.');
  if (!executorCwd.ok) {
    throw invalidInput(operation, [{ path: 'metadata.executor.cwd', message: executorCwd.reason }]);
  }
  let document: unknown;
  let suitePath: string;
  try {
    const location = locateSuite(cwd, suiteRef);
    suitePath = location.relative;
    document = await readSuiteDocument(location);
  } catch (error) {
    if (error instanceof SuiteSourceError) {
      throw invalidInput(operation, [{ path: refField, message: error.message }]);
    }
    throw error;
  }
  const verification = verifySuite(document);
  const suite = verification.suite;
  const cases = suite ? planCases(suite, metadata.cases, operation) : [];
  const literals = Object.values(metadata.executor.env ?? {});
  const executorSummary: ExecutorSummary = {
    kind: 'command',
    argv: metadata.executor.argv.map((arg) => maskSecrets(arg, literals)),
    cwd: executorCwd.path.relative,
    envKeys: Object.keys(metadata.executor.env ?? {}).sort(compareCodeUnits),
    timeoutMs: metadata.executor.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  };
  const target = resolveTarget(
    request.targetId === undefined ? {} : { targetId: request.targetId },
    operation,
  );
  target.metadata = { executor: executorSummary };
  return {
    suiteRef,
    scenarioKey: request.scenarioKey ?? suite?.id ?? suiteRef,
    suiteKey: request.suiteKey,
    suitePath,
    suite,
    preflight: { ok: verification.ok, problems: verification.problems },
    cases,
    executor: metadata.executor,
    executorSummary,
    executorCwd: executorCwd.path.absolute,
    literals,
    selection: { cases: metadata.cases ?? null, concurrency: metadata.concurrency ?? 1 },
    dryRun: metadata.dryRun ?? false,
    background: metadata.background ?? false,
    captureLimitBytes: metadata.captureLimitBytes,
    target,
    controlPlaneExecutionId: request.controlPlaneExecutionId,
  };
}

function planCases(suite: Suite, ids: string[] | undefined, operation: string): PlannedCase[] {
  let selected: SuiteCase[];
  try {
    selected = selectCases(suite, ids);
  } catch (error) {
    if (error instanceof HarnessInputError) {
      throw invalidInput(
        operation,
        error.problems.map((problem: Problem) => ({
          ...problem,
          path: `metadata.${problem.path}`,
        })),
      );
    }
    throw error;
  }
  const index = new SuiteIndex(suite);
  return selected.map((testCase) => {
    try {
      index.ruleSourcesOf(testCase);
      caseDocument(index, testCase);
      return { testCase, problem: null };
    } catch (error) {
      return { testCase, problem: error instanceof Error ? error.message : String(error) };
    }
  });
}
