/**
 * The harness application runtime, after RAGit's `harness run`: suites and their JSON Schema
 * format, the command executor, the deterministic evaluator, run records, evidence, and the
 * harness domain's handlers (`createHarnessRuntime`).
 */
export {
  caseStatusOf,
  evaluateCase,
  type CaseObservation,
  type Check,
} from './execution/evaluator.js';
export { createHarnessRuntime, type HarnessRuntimeOverrides } from './harness-runtime.js';
export { watchHarnessEvents, type HarnessEventListener } from './harness-events.js';
export { formatProblem, HarnessInputError, type Problem } from './problems.js';
export {
  parseRunInput,
  runInputSchema,
  type CommandExecutorSpec,
  type RunInput,
} from './planning/run-input.js';
export {
  runSuite,
  summarize,
  type CaseResult,
  type CaseStatus,
  type RunSuiteOptions,
  type RunSummary,
  type SuiteRunResult,
} from './execution/run-suite.js';
export {
  locateSuite,
  readSuiteDocument,
  SUITES_DIR,
  SuiteSourceError,
} from './suite/suite-source.js';
export { verifySuite, type SuiteVerification } from './suite/verify-suite.js';
