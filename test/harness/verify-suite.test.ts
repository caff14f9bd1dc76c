import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { verifySuite } from '../../packages/runtime/src/harness/suite/verify-suite.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/harness/suite.json', import.meta.url), 'utf8'),
) as unknown;

describe('verifySuite', () => {
  test('the example suite is clean', () => {
    const result = verifySuite(example);
    expect([result.ok, result.problems, result.suite?.cases.length]).toStrictEqual([true, [], 4]);
  });

  test('reports schema problems and returns no suite', () => {
    expect(
      verifySuite({
        id: 's',
        title: 'S',
        cases: [{ id: 'c', title: 'C', input: 1, expected: { exitCode: '0' } }],
      }),
    ).toStrictEqual({
      ok: false,
      problems: [{ path: 'cases[0].expected.exitCode', message: 'expected number' }],
      cases: [{ id: 'c', problemPaths: ['cases[0].expected.exitCode'] }],
    });
  });

  test('a schema failure still gets the cross-checks, one problem per root cause', () => {
    const result = verifySuite({
      id: 's',
      cases: [
        { id: 'c', expected: { mustInclud: ['x'] }, oracleRefs: ['broken', 'typo', 'nope'] },
        { id: 'd' },
      ],
      oracles: [
        { id: 'broken', rules: { exitCode: 'x' } },
        { id: 'typo', rules: { mustNotInclud: ['y'] } },
      ],
    });
    const ruleFields =
      'valid rule fields: exitCode, mustInclude, mustNotInclude, stderrMustInclude, stderrMustNotInclude, jsonSubset';
    expect([result.ok, result.problems, result.cases, result.suite]).toStrictEqual([
      false,
      [
        {
          path: 'cases[0].expected.mustInclud',
          message: `unknown field; did you mean "mustInclude"?; ${ruleFields}`,
        },
        { path: 'oracles[0].rules.exitCode', message: 'expected number' },
        {
          path: 'oracles[1].rules.mustNotInclud',
          message: `unknown field; did you mean "mustNotInclude"?; ${ruleFields}`,
        },
        {
          path: 'cases[0].oracleRefs[2]',
          message: 'unresolved reference "nope"; valid rule resource ids: broken, typo',
        },
      ],
      [
        { id: 'c', problemPaths: ['cases[0].expected.mustInclud', 'cases[0].oracleRefs[2]'] },
        { id: 'd', problemPaths: [] },
      ],
      undefined,
    ]);
  });

  test('a suite without cases', () => {
    const result = verifySuite({ id: 's', title: 'S', cases: [] });
    expect([result.ok, result.problems]).toStrictEqual([
      false,
      [{ path: 'cases', message: 'the suite has no case' }],
    ]);
  });

  test('duplicate ids, unresolved, misplaced and repeated refs, resources without rules', () => {
    const suite = {
      id: 's',
      title: 'S',
      cases: [
        {
          id: 'one',
          title: 'One',
          input: {},
          oracleRefs: ['has-rule', 'missing', 'fixture-a', 'empty', 'has-rule', 'no-rules'],
          resourceRefs: ['fixture-a', 'has-rule', 'nowhere', 'one', 'fixture-a'],
        },
        { id: 'one', title: 'Again', input: {} },
      ],
      oracles: [
        { id: 'has-rule', rules: { exitCode: 0 } },
        { id: 'empty', rules: {} },
      ],
      goldens: [{ id: 'no-rules', title: 'No rules at all' }],
      rubrics: [{ id: 'unused-without-rules' }],
      fixtures: [{ id: 'fixture-a' }],
      traces: [{ id: 'has-rule' }],
    };
    const result = verifySuite(suite);
    expect(result.ok).toBe(false);
    expect(result.problems).toStrictEqual([
      { path: 'cases[1].id', message: 'duplicate id "one" (first used at cases[0])' },
      { path: 'traces[0].id', message: 'duplicate id "has-rule" (first used at oracles[0])' },
      {
        path: 'cases[0].oracleRefs[1]',
        message:
          'unresolved reference "missing"; valid rule resource ids: has-rule, empty, unused-without-rules, no-rules',
      },
      {
        path: 'cases[0].oracleRefs[2]',
        message:
          '"fixture-a" is a fixture (fixtures[0]), expected an oracle, checker, rubric or golden',
      },
      { path: 'cases[0].oracleRefs[3]', message: 'oracle "empty" (oracles[1]) carries no rule' },
      { path: 'cases[0].oracleRefs[4]', message: 'duplicate reference "has-rule"' },
      { path: 'cases[0].oracleRefs[5]', message: 'golden "no-rules" (goldens[0]) carries no rule' },
      {
        path: 'cases[0].resourceRefs[1]',
        message: '"has-rule" is an oracle (oracles[0]), expected a fixture, trace or envAssumption',
      },
      {
        path: 'cases[0].resourceRefs[2]',
        message: 'unresolved reference "nowhere"; valid support resource ids: fixture-a',
      },
      {
        path: 'cases[0].resourceRefs[3]',
        message: '"one" is a case (cases[0]), expected a fixture, trace or envAssumption',
      },
      { path: 'cases[0].resourceRefs[4]', message: 'duplicate reference "fixture-a"' },
    ]);
  });
});
