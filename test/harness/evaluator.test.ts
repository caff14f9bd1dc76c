import { describe, expect, test } from 'vitest';

import {
  caseStatusOf,
  evaluateCase,
  needlesOf,
  type Check,
} from '../../packages/runtime/src/harness/execution/evaluator.js';
import { jsonSubsetMismatch } from '../../packages/runtime/src/harness/execution/json-subset.js';
import { StreamCapture } from '../../packages/runtime/src/process/stream-capture.js';
import type { RuleSet } from '../../packages/runtime/src/harness/suite/suite.js';
import type { RuleSource } from '../../packages/runtime/src/harness/suite/suite-index.js';

function caseSource(rules: RuleSet, id = 'c'): RuleSource {
  return { source: 'case', id, name: `case.${id}`, rules };
}

function oracle(id: string, rules: RuleSet): RuleSource {
  return { source: 'oracle', id, name: `oracle.${id}`, rules };
}

interface Seen {
  stdout?: string | string[];
  stderr?: string;
  exitCode?: number | null;
  signal?: string | null;
  limit?: number;
}

function evaluate(sources: RuleSource[], seen: Seen): Check[] {
  const needles = needlesOf(sources);
  const capture = (text: string | string[], tracked: string[]) => {
    const stream = new StreamCapture(seen.limit ?? 1024, tracked);
    for (const chunk of Array.isArray(text) ? text : [text]) stream.push(Buffer.from(chunk));
    return stream.finish();
  };
  return evaluateCase(sources, {
    exitCode: seen.exitCode === undefined ? 0 : seen.exitCode,
    signal: seen.signal ?? null,
    stdout: capture(seen.stdout ?? '', needles.stdout),
    stderr: capture(seen.stderr ?? '', needles.stderr),
  });
}

describe('exit code', () => {
  test('implicit exit 0 applies when no source declares exitCode', () => {
    expect(
      evaluate([oracle('o', { mustInclude: ['x'] })], { stdout: 'x', exitCode: 1 }),
    ).toStrictEqual([
      { name: 'implicit.exitCode', status: 'failed', message: 'expected exit code 0, saw 1' },
      {
        name: 'oracle.o.mustInclude',
        status: 'passed',
        message: 'expected stdout to include "x"; all found in 1 bytes of stdout',
      },
    ]);
  });

  test('implicit exit 0 also applies with no rule source at all', () => {
    expect(evaluate([], {})).toStrictEqual([
      { name: 'implicit.exitCode', status: 'passed', message: 'expected exit code 0, saw 0' },
    ]);
  });

  test('a declared exitCode in any source replaces the implicit check', () => {
    expect(
      evaluate([caseSource({ mustInclude: ['a'] }), oracle('o', { exitCode: 2 })], {
        stdout: 'a',
        exitCode: 2,
      }),
    ).toStrictEqual([
      {
        name: 'case.c.mustInclude',
        status: 'passed',
        message: 'expected stdout to include "a"; all found in 1 bytes of stdout',
      },
      { name: 'oracle.o.exitCode', status: 'passed', message: 'expected exit code 2, saw 2' },
    ]);
  });

  test('a process killed by a signal has no exit code', () => {
    expect(
      evaluate([caseSource({ exitCode: 0 })], { exitCode: null, signal: 'SIGKILL' }),
    ).toStrictEqual([
      {
        name: 'case.c.exitCode',
        status: 'failed',
        message: 'expected exit code 0, saw no exit code (killed by SIGKILL)',
      },
    ]);
  });
});

describe('substring rules', () => {
  test('mustInclude is case-sensitive and lists what is missing', () => {
    expect(
      evaluate([caseSource({ mustInclude: ['Hello', 'world'] })], { stdout: 'hello world' })[1],
    ).toStrictEqual({
      name: 'case.c.mustInclude',
      status: 'failed',
      message: 'expected stdout to include "Hello", "world"; missing "Hello" in 11 bytes of stdout',
    });
  });

  test('mustNotInclude fails on any occurrence and names it', () => {
    expect(
      evaluate([caseSource({ mustNotInclude: ['error', 'panic'] })], {
        stdout: 'no panic here',
      })[1],
    ).toStrictEqual({
      name: 'case.c.mustNotInclude',
      status: 'failed',
      message:
        'expected stdout not to include "error", "panic"; found "panic" in 13 bytes of stdout',
    });
  });

  test('mustNotInclude passes when the needle differs only in case', () => {
    expect(
      evaluate([caseSource({ mustNotInclude: ['ERROR'] })], { stdout: 'error' })[1]?.status,
    ).toBe('passed');
  });

  test('stderr rules read stderr only', () => {
    const checks = evaluate(
      [caseSource({ stderrMustInclude: ['warn'], stderrMustNotInclude: ['out'] })],
      {
        stdout: 'warn',
        stderr: 'out',
      },
    );
    expect(checks.slice(1)).toStrictEqual([
      {
        name: 'case.c.stderrMustInclude',
        status: 'failed',
        message: 'expected stderr to include "warn"; missing "warn" in 3 bytes of stderr',
      },
      {
        name: 'case.c.stderrMustNotInclude',
        status: 'failed',
        message: 'expected stderr not to include "out"; found "out" in 3 bytes of stderr',
      },
    ]);
  });

  test('a needle split across chunks is found', () => {
    expect(
      evaluate([caseSource({ mustInclude: ['boundary'] })], { stdout: ['..bou', 'nda', 'ry..'] })[1]
        ?.status,
    ).toBe('passed');
  });

  test('needles beyond the capture limit are still seen', () => {
    const checks = evaluate([caseSource({ mustInclude: ['END'], mustNotInclude: ['BAD'] })], {
      stdout: ['a'.repeat(100), 'END', 'BA', 'D'],
      limit: 10,
    });
    expect(checks.slice(1).map((check) => [check.name, check.status])).toStrictEqual([
      ['case.c.mustInclude', 'passed'],
      ['case.c.mustNotInclude', 'failed'],
    ]);
  });
});

describe('jsonSubset', () => {
  const run = (jsonSubset: RuleSet['jsonSubset'], stdout: string, limit?: number) =>
    evaluate([caseSource({ jsonSubset })], { stdout, limit })[1]!;

  test('objects match as a subset, with surrounding whitespace trimmed', () => {
    expect(
      run({ a: 1, b: { c: true } }, '\n  {"a":1,"b":{"c":true,"d":2},"e":null}\n'),
    ).toStrictEqual({
      name: 'case.c.jsonSubset',
      status: 'passed',
      message: 'expected stdout JSON to contain {"a":1,"b":{"c":true}}; matched',
    });
  });

  test('arrays match by position as a prefix', () => {
    expect(run([1, { x: 'y' }], '[1,{"x":"y","z":0},3]').status).toBe('passed');
    expect(run([2, 1], '[1,2]').message).toBe(
      'expected stdout JSON to contain [2,1]; at $[0]: expected 2, saw 1',
    );
    expect(run([1, 2, 3], '[1,2]').message).toBe(
      'expected stdout JSON to contain [1,2,3]; at $: expected an array of at least 3 items (prefix), saw 2 items',
    );
  });

  test('primitives match by strict equality', () => {
    expect(run({ n: 1 }, '{"n":"1"}').message).toBe(
      'expected stdout JSON to contain {"n":1}; at $.n: expected 1, saw "1"',
    );
    expect(run({ n: null }, '{"n":false}').status).toBe('failed');
    expect(run({ n: null }, '{"n":null}').status).toBe('passed');
  });

  test('missing keys and wrong container types are named by path', () => {
    expect(run({ a: { 'b c': 1 } }, '{"a":{}}').message).toBe(
      'expected stdout JSON to contain {"a":{"b c":1}}; at $.a["b c"]: expected 1, saw no such key',
    );
    expect(run({ a: [] }, '{"a":{}}').message).toBe(
      'expected stdout JSON to contain {"a":[]}; at $.a: expected an array, saw object {}',
    );
    expect(run({ a: 1 }, '[1]').message).toBe(
      'expected stdout JSON to contain {"a":1}; at $: expected an object, saw array [1]',
    );
  });

  test('non-JSON stdout fails with what was seen', () => {
    expect(run({ a: 1 }, 'hello {"a":1}').message).toBe(
      'expected stdout JSON to contain {"a":1}; stdout is not JSON starting with "{" or "[": "hello {\\"a\\":1}"',
    );
    expect(run({ a: 1 }, '42').status).toBe('failed');
    expect(
      run({ a: 1 }, '{"a":1} trailing').message.startsWith(
        'expected stdout JSON to contain {"a":1}; stdout is not valid JSON: ',
      ),
    ).toBe(true);
  });

  test('truncated stdout fails with a clear message', () => {
    expect(run({ a: 1 }, '{"a":1,"pad":"xxxxxxxxxxxxxxxx"}', 8).message).toBe(
      'expected stdout JSON to contain {"a":1}; stdout was truncated at 8 of 32 bytes (jsonSubset parses at most the capture limit)',
    );
  });

  test('jsonSubsetMismatch reports null on a match', () => {
    expect(jsonSubsetMismatch({ a: [1, { b: 2 }] }, { a: [1, { b: 2, c: 3 }, 4], d: 5 })).toBe(
      null,
    );
  });
});

describe('AND across sources', () => {
  const sources = [
    caseSource({ exitCode: 0, mustInclude: ['hello'] }),
    oracle('says-world', { mustInclude: ['world'] }),
    {
      source: 'checker',
      id: 'quiet',
      name: 'checker.quiet',
      rules: { stderrMustNotInclude: ['warn'] },
    } as RuleSource,
  ];

  test('every check passes: the case passes', () => {
    const checks = evaluate(sources, { stdout: 'hello world' });
    expect([checks.map((check) => check.name), caseStatusOf(checks, false)]).toStrictEqual([
      [
        'case.c.exitCode',
        'case.c.mustInclude',
        'oracle.says-world.mustInclude',
        'checker.quiet.stderrMustNotInclude',
      ],
      'passed',
    ]);
  });

  test('one failing source fails the case', () => {
    const checks = evaluate(sources, { stdout: 'hello there' });
    expect([checks.map((check) => check.status), caseStatusOf(checks, false)]).toStrictEqual([
      ['passed', 'passed', 'failed', 'passed'],
      'failed',
    ]);
  });

  test('errored wins over passing checks', () => {
    expect(caseStatusOf(evaluate(sources, { stdout: 'hello world' }), true)).toBe('errored');
  });

  test('needles are tracked once per stream', () => {
    expect(
      needlesOf([
        caseSource({ mustInclude: ['a', 'b'], mustNotInclude: ['a'], stderrMustInclude: ['a'] }),
        oracle('o', { mustInclude: ['b', 'c'] }),
      ]),
    ).toStrictEqual({
      stdout: ['a', 'b', 'c'],
      stderr: ['a'],
    });
  });
});
