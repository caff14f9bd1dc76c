import type { HarnessTarget } from '../../generated/harness/types.js';
import { compareCodeUnits } from '../../core/code-units.js';
import { ContractError } from '../../errors.js';
import { caseDocument } from '../suite/case-document.js';
import { maskSecrets } from '../../secrets/mask-secrets.js';
import { confinePath } from './path-confinement.js';
import { HarnessInputError, type Problem } from '../problems.js';
import type { ExecutorSummary, Preflight } from '../records/run-record.js';
import { DEFAULT_TIMEOUT_MS, hasControlCharacters, type CommandExecutorSpec } from './run-input.js';
import type { RuntimeOptions } from '../../runtime-options.js';
import { ExecutorDefinitionError, loadExecutorDefinition } from './executor-catalog.js';
import type { RunMetadata } from './run-metadata.js';
import { invalidInput, parseRunMetadata } from './run-metadata.js';
import { selectCases } from '../execution/run-suite.js';
import type { Suite, SuiteCase } from '../suite/suite.js';
import type { CaseOutline } from '../suite/verify-suite.js';
import { SuiteIndex } from '../suite/suite-index.js';
import {
  locateSuite,
  readSuiteDocument,
  SUITES_DIR,
  SuiteSourceError,
} from '../suite/suite-source.js';
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
  /** Set when the executor runs each case under bubblewrap; `network` as its definition says. */
  sandbox: { network: boolean } | undefined;
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

/** The `cwd`-relative form of `dir` for messages (`executors`), or `dir` itself outside `cwd`. */
function shown(cwd: string, dir: string): string {
  const relative = dir.startsWith(`${cwd}/`) ? dir.slice(cwd.length + 1) : dir;
  return relative === '' ? '.' : relative;
}

/** The executor a run uses: named (loaded from the executors folder) or inline. */
async function resolveExecutor(
  metadata: RunMetadata,
  options: RuntimeOptions,
  operation: string,
): Promise<{
  spec: CommandExecutorSpec;
  name: string | null;
  sandbox: { network: boolean } | undefined;
}> {
  if (typeof metadata.executor !== 'string') {
    return { spec: metadata.executor, name: null, sandbox: undefined };
  }
  try {
    const definition = await loadExecutorDefinition(
      options.executorsDir,
      metadata.executor,
      'metadata.executor',
      shown(options.cwd, options.executorsDir),
    );
    const { sandbox, network, kind: _kind, ...fields } = definition;
    return {
      spec: { kind: 'command', ...fields },
      name: metadata.executor,
      sandbox: sandbox === 'bwrap' ? { network: network ?? false } : undefined,
    };
  } catch (error) {
    if (error instanceof ExecutorDefinitionError) throw invalidInput(operation, error.problems);
    throw error;
  }
}

/** VALIDATION_FAILED problems for what a caller asked above the runtime's limits. */
function overLimits(metadata: RunMetadata, options: RuntimeOptions): Problem[] {
  const problems: Problem[] = [];
  const { maxCaptureBytes, maxConcurrency } = options.limits;
  if (metadata.captureLimitBytes !== undefined && metadata.captureLimitBytes > maxCaptureBytes) {
    problems.push({
      path: 'metadata.captureLimitBytes',
      message: `must be <= ${maxCaptureBytes} (this runtime's limit)`,
    });
  }
  if (metadata.concurrency !== undefined && metadata.concurrency > maxConcurrency) {
    problems.push({
      path: 'metadata.concurrency',
      message: `must be <= ${maxConcurrency} (this runtime's limit)`,
    });
  }
  return problems;
}

/**
 * Validates a run request against the runtime's options and plans it (RAGit's `harness run`): the
 * suite reference is `suiteKey`, else `scenarioKey`, resolved under `options.cwd` (and only inside
 * `suites/` when `options.suitesOnly`); `metadata` names the executor (see `runMetadataSchema`;
 * inline only when `options.inlineExecutors`); the suite is read and verified; the cases are
 * selected. Verify problems do not throw: they are the plan's `preflight`, which the caller turns
 * into warnings (dry run) or a blocked run.
 * @throws ContractError SCENARIO_OR_SUITE_REQUIRED (declared by harness.run.start) when neither key
 *   is given; VALIDATION_FAILED naming the field (`input.suiteKey`, `input.mode`,
 *   `input.metadata.executor`, `input.metadata.executor.argv`, `input.metadata.cases[1]`, ...) for
 *   bad metadata, an inline executor where none is allowed, an unknown executor name, an executor
 *   without the sandbox the runtime requires, a limit above the runtime's, a suite or executor cwd
 *   leaving `cwd` (`..` or a symlink), control characters, a missing or non-JSON suite file, an
 *   unknown case id.
 */
export async function planRun(
  request: RunRequest,
  options: RuntimeOptions,
  operation: string,
): Promise<RunPlan> {
  const cwd = options.cwd;
  const suiteRef = request.suiteKey ?? request.scenarioKey;
  if (suiteRef === undefined) {
    throw new ContractError('SCENARIO_OR_SUITE_REQUIRED', 'A scenario or suite key is required.');
  }
  const refField = request.suiteKey !== undefined ? 'suiteKey' : 'scenarioKey';
  const metadata = parseRunMetadata(request.metadata, operation, options.inlineExecutors);
  const limitProblems = overLimits(metadata, options);
  if (limitProblems.length > 0) throw invalidInput(operation, limitProblems);
  const resolved = await resolveExecutor(metadata, options, operation);
  const executor = resolved.spec;
  if (options.sandbox === 'required' && resolved.sandbox === undefined) {
    const what = resolved.name === null ? 'an inline executor' : `executor ${resolved.name}`;
    throw invalidInput(operation, [
      {
        path: 'metadata.executor',
        message: `${what} has no sandbox; this runtime requires "sandbox": "bwrap" in every executor definition`,
      },
    ]);
  }
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
  const executorCwd = confinePath(cwd, executor.cwd ?? '.');
  if (!executorCwd.ok) {
    throw invalidInput(operation, [{ path: 'metadata.executor.cwd', message: executorCwd.reason }]);
  }
  let document: unknown;
  let suitePath: string;
  try {
    const location = locateSuite(cwd, suiteRef);
    if (options.suitesOnly && !location.relative.startsWith(`${SUITES_DIR}/`)) {
      throw new SuiteSourceError(
        `${JSON.stringify(suiteRef.slice(0, 64))} is not in this runtime's suite folder (${SUITES_DIR}/); name a suite by its key`,
        'refused',
      );
    }
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
  const cases = suite
    ? planCases(suite, metadata.cases, operation)
    : outlineCases(verification.cases, metadata.cases);
  const literals = Object.values(executor.env ?? {});
  const executorSummary: ExecutorSummary = {
    kind: 'command',
    ...(resolved.name === null ? {} : { name: resolved.name }),
    argv: executor.argv.map((arg) => maskSecrets(arg, literals)),
    cwd: executorCwd.path.relative,
    envKeys: Object.keys(executor.env ?? {}).sort(compareCodeUnits),
    timeoutMs: executor.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    ...(resolved.sandbox === undefined ? {} : { sandbox: 'bwrap' as const }),
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
    executor,
    executorSummary,
    executorCwd: executorCwd.path.absolute,
    sandbox: resolved.sandbox,
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
      // The preflight problem is the root cause: the case only points at it.
      if (error instanceof HarnessInputError) {
        return { testCase, problem: `see ${error.problems.map((p) => p.path).join(', ')}` };
      }
      return { testCase, problem: error instanceof Error ? error.message : String(error) };
    }
  });
}

/**
 * The cases of a suite that does not parse, as verify outlined them, so a dry run still names each
 * one (and a blocked run blocks each one): `problem` points at the case's own problems.
 */
function outlineCases(outline: readonly CaseOutline[], ids: string[] | undefined): PlannedCase[] {
  const wanted = ids === undefined ? undefined : new Set(ids);
  return outline
    .filter((entry) => wanted === undefined || wanted.has(entry.id))
    .map((entry) => ({
      testCase: { id: entry.id, title: entry.id, input: {} },
      problem:
        entry.problemPaths.length === 0
          ? null
          : `see ${[...new Set(entry.problemPaths)].join(', ')}`,
    }));
}
