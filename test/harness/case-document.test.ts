import { describe, expect, test } from 'vitest';

import { caseDocument } from '../../packages/runtime/src/harness/suite/case-document.js';
import { HarnessInputError } from '../../packages/runtime/src/harness/problems.js';
import { parseSuite } from '../../packages/runtime/src/harness/suite/suite.js';
import { SuiteIndex } from '../../packages/runtime/src/harness/suite/suite-index.js';

const suite = parseSuite({
  id: 'smoke',
  title: 'Smoke',
  cases: [
    {
      id: 'greets',
      title: 'Greets',
      input: { name: 'world' },
      expected: { mustInclude: ['hello'] },
      oracleRefs: ['says-world', 'strict'],
      resourceRefs: ['fixture-1', 'env-1', 'fixture-1'],
    },
    { id: 'bare', title: 'Bare', input: null },
    { id: 'dangling', title: 'Dangling', input: 1, oracleRefs: ['fixture-2'] },
  ],
  oracles: [
    { id: 'says-world', rules: { mustInclude: ['world'] } },
    { id: 'unused', rules: { exitCode: 1 } },
  ],
  checkers: [{ id: 'strict', title: 'Strict', rules: { stderrMustNotInclude: ['warn'] } }],
  fixtures: [
    { id: 'fixture-1', data: [1, 2] },
    { id: 'fixture-2', data: [] },
  ],
  envAssumptions: [{ id: 'env-1', os: 'linux' }],
});
const index = new SuiteIndex(suite);

describe('caseDocument', () => {
  test('holds the case and only the resources it references', () => {
    expect(caseDocument(index, suite.cases[0]!)).toStrictEqual({
      version: 1,
      suite: { id: 'smoke', title: 'Smoke' },
      case: {
        id: 'greets',
        title: 'Greets',
        input: { name: 'world' },
        expected: { mustInclude: ['hello'] },
      },
      resources: {
        oracles: [{ id: 'says-world', rules: { mustInclude: ['world'] } }],
        checkers: [{ id: 'strict', title: 'Strict', rules: { stderrMustNotInclude: ['warn'] } }],
        rubrics: [],
        goldens: [],
        fixtures: [{ id: 'fixture-1', data: [1, 2] }],
        traces: [],
        envAssumptions: [{ id: 'env-1', os: 'linux' }],
      },
    });
  });

  test('expected is null when the case declares none', () => {
    expect(caseDocument(index, suite.cases[1]!).case).toStrictEqual({
      id: 'bare',
      title: 'Bare',
      input: null,
      expected: null,
    });
  });

  test('a reference to the wrong kind of resource is an input error', () => {
    expect(() => caseDocument(index, suite.cases[2]!)).toThrow(
      new HarnessInputError([
        { path: 'cases[2].oracleRefs[0]', message: 'unresolved reference "fixture-2"' },
      ]),
    );
  });
});

describe('SuiteIndex.ruleSourcesOf', () => {
  test('the case first, then its oracleRefs in order', () => {
    expect(index.ruleSourcesOf(suite.cases[0]!)).toStrictEqual([
      { source: 'case', id: 'greets', name: 'case.greets', rules: { mustInclude: ['hello'] } },
      {
        source: 'oracle',
        id: 'says-world',
        name: 'oracle.says-world',
        rules: { mustInclude: ['world'] },
      },
      {
        source: 'checker',
        id: 'strict',
        name: 'checker.strict',
        rules: { stderrMustNotInclude: ['warn'] },
      },
    ]);
    expect(index.ruleSourcesOf(suite.cases[1]!)).toStrictEqual([]);
  });
});
