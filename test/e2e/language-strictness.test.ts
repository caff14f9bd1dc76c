import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/cli.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
let dir: string;

const VALID = `import { defineCommand, ScalarTypeEnum, SchemaModel } from '../packages/codegen/src/language/index.js';

const Input = new SchemaModel({
  name: 'StrictnessInput',
  fields: { id: { type: ScalarTypeEnum.__SCALAR__(), isOptional: false } },
});

export const StrictnessCommand = defineCommand({
  meta: {
    key: 'demo.strict',
    version: '1.0.0',
    __TITLE__: 'Strict',
    description: 'Checks the language types.',
    goal: 'Fail tsc on typos.',
    context: 'Tests.',
    owners: ['team.demo'],
    tags: ['demo'],
    stability: 'experimental',
  },
  io: { input: Input, output: Input },
  policy: { auth: 'user' },
});
`;

/** Type-checks one spec file against the language and returns tsc's output. */
function typecheck(name: string, source: string): { status: number | null; output: string } {
  const file = join(dir, name);
  writeFileSync(file, source);
  const result = spawnSync(
    process.execPath,
    [
      tsc,
      '--noEmit',
      '--strict',
      '--module',
      'NodeNext',
      '--moduleResolution',
      'NodeNext',
      '--target',
      'ES2022',
      '--skipLibCheck',
      file,
    ],
    { cwd: PROJECT_ROOT, encoding: 'utf8' },
  );
  return { status: result.status, output: result.stdout + result.stderr };
}

beforeAll(() => {
  dir = mkdtempSync(join(PROJECT_ROOT, '.tmp-strictness-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the contract language fails tsc on mistakes', () => {
  it('accepts a correct spec', () => {
    const result = typecheck(
      'valid.ts',
      VALID.replace('__SCALAR__', 'ID').replace('__TITLE__', 'title'),
    );
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it('refuses a misspelt meta field', () => {
    const result = typecheck(
      'typo.ts',
      VALID.replace('__SCALAR__', 'ID').replace('__TITLE__', 'titel'),
    );
    expect(result.output).toMatch(/error TS2561: .*'titel'/);
    expect(result.status).not.toBe(0);
  });

  it('refuses a scalar that does not exist', () => {
    const result = typecheck(
      'scalar.ts',
      VALID.replace('__SCALAR__', 'Strng').replace('__TITLE__', 'title'),
    );
    expect(result.output).toMatch(/error TS2339: Property 'Strng' does not exist/);
    expect(result.status).not.toBe(0);
  });
});
