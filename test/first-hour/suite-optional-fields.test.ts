import { readFileSync } from 'node:fs';

import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, test } from 'vitest';

import { parseSuite, suiteSchema } from '../../packages/runtime/src/harness/suite/suite.js';
import { verifySuite } from '../../packages/runtime/src/harness/suite/verify-suite.js';

/** Only `id`, `cases` and each case's `id` are required, in the zod schema and the JSON Schema alike. */

const jsonSchema = JSON.parse(
  readFileSync(
    new URL('../../packages/runtime/schemas/harness-suite.schema.json', import.meta.url),
    'utf8',
  ),
) as object;
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(jsonSchema);

const MINIMAL = { id: 'mine', cases: [{ id: 'prints-hi', expected: { mustInclude: ['hi'] } }] };

describe('optional title and input', () => {
  test('both schemas accept the README suite; the parse fills title and input', () => {
    expect([validate(MINIMAL), suiteSchema.safeParse(MINIMAL).success]).toStrictEqual([true, true]);
    const suite = parseSuite(MINIMAL);
    expect([suite.title, suite.cases[0]]).toStrictEqual([
      'mine',
      { id: 'prints-hi', title: 'prints-hi', input: {}, expected: { mustInclude: ['hi'] } },
    ]);
  });

  test('a given title and input are kept, null input included', () => {
    const suite = parseSuite({
      id: 's',
      title: 'S',
      cases: [{ id: 'c', title: 'C', input: null }],
    });
    expect([suite.title, suite.cases[0]?.title, suite.cases[0]?.input]).toStrictEqual([
      'S',
      'C',
      null,
    ]);
  });

  test.each([
    ['no id', { cases: [] }],
    ['no cases', { id: 's' }],
    ['a case without id', { id: 's', cases: [{ title: 'T' }] }],
  ])('both schemas still refuse %s', (_name, document) => {
    expect([validate(document), suiteSchema.safeParse(document).success]).toStrictEqual([
      false,
      false,
    ]);
  });

  test('verify: a suite without id reports it and still checks the references', () => {
    expect(verifySuite({ cases: [{ id: 'c', oracleRefs: ['ghost'] }] }).problems).toStrictEqual([
      { path: 'id', message: 'required' },
      {
        path: 'cases[0].oracleRefs[0]',
        message: 'unresolved reference "ghost"; valid rule resource ids: (none)',
      },
    ]);
  });
});
