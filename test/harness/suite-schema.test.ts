import { readFileSync } from 'node:fs';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';

import { HarnessInputError } from '../../packages/runtime/src/harness/problems.js';
import { parseRunInput } from '../../packages/runtime/src/harness/planning/run-input.js';
import { parseSuite, suiteSchema } from '../../packages/runtime/src/harness/suite/suite.js';

const jsonSchema = JSON.parse(
  readFileSync(
    new URL('../../packages/runtime/schemas/harness-suite.schema.json', import.meta.url),
    'utf8',
  ),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema);

const minimal = { id: 's', title: 'S', cases: [{ id: 'c', title: 'C', input: null }] };
const full = JSON.parse(
  readFileSync(new URL('../../examples/harness/suite.json', import.meta.url), 'utf8'),
) as unknown;
const withCase = (patch: object) => ({
  ...minimal,
  cases: [{ id: 'c', title: 'C', input: {}, ...patch }],
});

const accepted: [string, unknown][] = [
  ['minimal suite', minimal],
  ['example suite', full],
  ['empty cases (verify reports it, the schema does not)', { ...minimal, cases: [] }],
  [
    'every rule',
    withCase({
      expected: {
        exitCode: -1,
        mustInclude: ['a'],
        mustNotInclude: ['b'],
        stderrMustInclude: ['c'],
        stderrMustNotInclude: ['d'],
        jsonSubset: [1, { a: null }],
      },
    }),
  ],
  ['jsonSubset object', withCase({ expected: { jsonSubset: { a: { b: [1] } } } })],
  ['input of any JSON type', withCase({ input: 'text' })],
  ['oracle without rules', { ...minimal, oracles: [{ id: 'o' }] }],
  ['oracle with empty rules', { ...minimal, checkers: [{ id: 'o', title: 'O', rules: {} }] }],
  ['support resource with extra fields', { ...minimal, fixtures: [{ id: 'f', data: { x: 1 } }] }],
  ['ids with dots, colons, dashes', { ...minimal, id: 'a.b:c-d_e' }],
  ['$schema key', { ...minimal, $schema: '../schemas/harness-suite.schema.json' }],
  ['missing title', { id: 's', cases: [] }],
  ['case without input', { ...minimal, cases: [{ id: 'c', title: 'C' }] }],
  ['case with only an id', { ...minimal, cases: [{ id: 'c' }] }],
];

const rejected: [string, unknown][] = [
  ['not an object', []],
  ['missing id', { title: 'S', cases: [] }],
  ['missing cases', { id: 's', title: 'S' }],
  ['case without id', { ...minimal, cases: [{ title: 'C', input: {} }] }],
  ['unknown top-level field', { ...minimal, extra: 1 }],
  ['needle not a string', withCase({ expected: { mustInclude: [3] } })],
  ['empty needle', withCase({ expected: { mustNotInclude: [''] } })],
  ['fractional exitCode', withCase({ expected: { exitCode: 1.5 } })],
  ['exitCode beyond safe integers', withCase({ expected: { exitCode: 2 ** 60 } })],
  ['jsonSubset primitive', withCase({ expected: { jsonSubset: 'x' } })],
  ['jsonSubset null', withCase({ expected: { jsonSubset: null } })],
  ['unknown rule field', withCase({ expected: { mustIncludes: ['x'] } })],
  ['unknown case field', withCase({ refs: [] })],
  ['id with a space', { ...minimal, id: 'a b' }],
  ['id with a slash', withCase({ id: '../x' })],
  ['empty id', { ...minimal, id: '' }],
  ['id longer than 200', { ...minimal, id: 'a'.repeat(201) }],
  ['oracleRefs not strings', withCase({ oracleRefs: [1] })],
  ['unknown oracle field', { ...minimal, oracles: [{ id: 'o', rule: {} }] }],
  ['support resource without id', { ...minimal, traces: [{ name: 't' }] }],
  ['collection not an array', { ...minimal, goldens: {} }],
];

describe('suite schema: zod and JSON Schema agree', () => {
  test.each(accepted)('both accept: %s', (_, document) => {
    expect([suiteSchema.safeParse(document).success, validate(document)]).toStrictEqual([
      true,
      true,
    ]);
  });
  test.each(rejected)('both reject: %s', (_, document) => {
    expect([suiteSchema.safeParse(document).success, validate(document)]).toStrictEqual([
      false,
      false,
    ]);
  });
});

describe("suite schema defaults (RAGit's `harness run`)", () => {
  test('a missing title is the id, a missing input is {}; given values are kept', () => {
    expect(
      suiteSchema.parse({
        id: 's',
        cases: [
          { id: 'bare' },
          { id: 'titled', title: 'Titled', input: null },
          { id: 'in', input: 0 },
        ],
      }),
    ).toStrictEqual({
      id: 's',
      title: 's',
      cases: [
        { id: 'bare', title: 'bare', input: {} },
        { id: 'titled', title: 'Titled', input: null },
        { id: 'in', title: 'in', input: 0 },
      ],
    });
    expect(suiteSchema.parse({ ...minimal, title: 'Given' }).title).toBe('Given');
  });
});

function problemsOf(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    if (error instanceof HarnessInputError) return error.problems;
    throw error;
  }
  throw new Error('expected a HarnessInputError');
}

describe('parseSuite names the field of each problem', () => {
  test('paths and messages', () => {
    const document = {
      id: 's',
      title: 'S',
      cases: [
        { id: 'a', title: 'A', input: 1 },
        { id: 'b', input: 1 },
        {
          id: 'c',
          title: 'C',
          input: 1,
          expected: { mustInclude: ['ok', 7], exitCode: 'zero', jsonSubset: 3, typo: 1 },
        },
      ],
      oracles: [{ id: 'bad id', rules: { mustInclude: [''] } }],
    };
    expect(problemsOf(() => parseSuite(document))).toStrictEqual([
      { path: 'cases[2].expected.exitCode', message: 'expected number' },
      { path: 'cases[2].expected.mustInclude[1]', message: 'expected string' },
      { path: 'cases[2].expected.jsonSubset', message: 'expected object or array' },
      { path: 'cases[2].expected.typo', message: 'unknown field' },
      {
        path: 'oracles[0].id',
        message:
          'must start with a letter or digit and hold only letters, digits, ".", "_", ":", "-"',
      },
      { path: 'oracles[0].rules.mustInclude[0]', message: 'must not be empty' },
    ]);
  });

  test('the error message lists path: message lines', () => {
    expect(() => parseSuite({ id: 's', title: 'S', cases: 'none' })).toThrow(
      new HarnessInputError([{ path: 'cases', message: 'expected array' }]),
    );
    expect(() => parseSuite(null)).toThrow('(root): expected object');
  });
});

describe('parseRunInput', () => {
  const executor = { kind: 'command', argv: ['node', 'case.mjs'] };

  test('accepts the documented shape', () => {
    const input = {
      suiteRef: 'suites/smoke.json',
      executor: { ...executor, cwd: '.', env: { TOKEN: 'abc' }, timeoutMs: 1000 },
      cases: ['greets'],
      concurrency: 2,
    };
    expect(parseRunInput(input)).toStrictEqual(input);
  });

  test('refuses control characters anywhere, naming the field', () => {
    const input = {
      suiteRef: 'a\u0000b',
      executor: {
        ...executor,
        argv: ['node', 'x\ny'],
        cwd: '\u001b[31m',
        env: { OK: 'tab\there', 'BAD\u0007': 'v' },
      },
      cases: ['c\u007f'],
    };
    expect(problemsOf(() => parseRunInput(input))).toStrictEqual([
      { path: 'suiteRef', message: 'control characters are not allowed' },
      { path: 'executor.argv[1]', message: 'control characters are not allowed' },
      { path: 'executor.cwd', message: 'control characters are not allowed' },
      { path: 'executor.env.OK', message: 'control characters are not allowed' },
      {
        path: 'executor.env["BAD\\u0007"]',
        message: 'invalid key: control characters are not allowed',
      },
      { path: 'cases[0]', message: 'control characters are not allowed' },
    ]);
  });

  test('checks kind, argv, env keys, timeout and concurrency', () => {
    const input = {
      executor: { kind: 'shell', argv: [''], env: { 'A=B': 'x', N: 1 }, timeoutMs: 0 },
      concurrency: 1.5,
      extra: true,
    };
    expect(problemsOf(() => parseRunInput(input))).toStrictEqual([
      { path: 'suiteRef', message: 'required' },
      { path: 'executor.kind', message: 'expected "command" (the only executor kind of v1)' },
      { path: 'executor.argv[0]', message: 'the program must not be empty' },
      { path: 'executor.env["A=B"]', message: 'invalid key: must not contain "="' },
      { path: 'executor.env.N', message: 'expected string' },
      { path: 'executor.timeoutMs', message: 'must be >= 1' },
      { path: 'concurrency', message: 'expected integer' },
      { path: 'extra', message: 'unknown field' },
    ]);
    expect(
      problemsOf(() => parseRunInput({ suiteRef: 's', executor: { kind: 'command', argv: [] } })),
    ).toStrictEqual([{ path: 'executor.argv', message: 'must hold at least the program' }]);
  });
});
