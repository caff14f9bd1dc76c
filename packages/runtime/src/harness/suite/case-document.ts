import type { RuleSet, SuiteCase } from './suite.js';
import type { CaseResources, SuiteIndex } from './suite-index.js';

/**
 * The JSON document a case's executor reads on stdin:
 * `{version: 1, suite: {id, title}, case: {id, title, input, expected}, resources}`. `expected` is
 * null when the case declares none; `resources` holds only what the case references.
 */
export interface CaseDocument {
  version: 1;
  suite: { id: string; title: string };
  case: { id: string; title: string; input: unknown; expected: RuleSet | null };
  resources: CaseResources;
}

/** Builds the case document of `testCase`. Throws `HarnessInputError` on an unresolved reference. */
export function caseDocument(index: SuiteIndex, testCase: SuiteCase): CaseDocument {
  return {
    version: 1,
    suite: { id: index.suite.id, title: index.suite.title },
    case: {
      id: testCase.id,
      title: testCase.title,
      input: testCase.input,
      expected: testCase.expected ?? null,
    },
    resources: index.resourcesOf(testCase),
  };
}
