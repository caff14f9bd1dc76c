import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseSources,
  parseSpecs,
} from '../../packages/codegen/src/generator/parse/parse-specs.js';

const event = (
  key: string,
  name: string,
) => `import { defineEvent, SchemaModel } from '@lssm-tech/lib.schema';
export const ${name} = defineEvent({
  meta: { key: '${key}', version: '1.0.0' },
  payload: new SchemaModel({ name: '${name}Payload', fields: {} }),
});
`;

const SOURCES = {
  'specs/z/last.ts': event('z.last', 'Last'),
  'specs/a.ts': event('a.first', 'First'),
  'specs/a.test.ts': event('a.test', 'Tested'),
  'specs/types.d.ts': `export declare const Declared: number;\n${event('d.ts', 'Declared')}`,
  'specs/B.ts': event('b.upper', 'Upper'),
  'other/outside.ts': event('o.outside', 'Outside'),
};

const keysOf = (ir: { specs: { key: string; source: { file: string } }[] }) =>
  ir.specs.map((spec) => `${spec.source.file} ${spec.key}`);

describe('which files are spec files', () => {
  it('reads *.ts in code-unit order of their paths, skipping *.test.ts and *.d.ts', () => {
    expect(keysOf(parseSources(SOURCES))).toStrictEqual([
      'other/outside.ts o.outside',
      'specs/B.ts b.upper',
      'specs/a.ts a.first',
      'specs/z/last.ts z.last',
    ]);
  });

  it('reads *.test.ts with includeTests, never *.d.ts', () => {
    expect(keysOf(parseSources(SOURCES, { includeTests: true }))).toStrictEqual([
      'other/outside.ts o.outside',
      'specs/B.ts b.upper',
      'specs/a.test.ts a.test',
      'specs/a.ts a.first',
      'specs/z/last.ts z.last',
    ]);
  });

  it('scans only the spec folder for specs', () => {
    expect(keysOf(parseSources(SOURCES, { specsDir: 'specs' }))).toStrictEqual([
      'specs/B.ts b.upper',
      'specs/a.ts a.first',
      'specs/z/last.ts z.last',
    ]);
  });
});

describe('parseSpecs on disk', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'parse-specs-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(files: Record<string, string>): void {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
  }

  it('gives the IR parseSources gives for the same files, paths relative to rootDir', () => {
    const { 'other/outside.ts': _outside, ...specs } = SOURCES;
    write(specs);
    const ir = parseSpecs({ specsDir: join(root, 'specs'), rootDir: root });
    expect(keysOf(ir)).toStrictEqual([
      'specs/B.ts b.upper',
      'specs/a.ts a.first',
      'specs/z/last.ts z.last',
    ]);
    expect(ir).toStrictEqual(parseSources(specs));
  });

  it('reports NO_SPECS at the spec folder when it holds no spec', () => {
    write({ 'specs/empty/constants.ts': "export const A = 'a';\n" });
    const expected = {
      severity: 'error',
      code: 'NO_SPECS',
      message: 'no spec (`const X = define*(...)`) found in specs',
      file: 'specs',
      line: 1,
      column: 1,
    };
    expect(parseSpecs({ specsDir: join(root, 'specs'), rootDir: root })).toStrictEqual({
      specs: [],
      models: [],
      enums: [],
      diagnostics: [expected],
    });
    expect(
      parseSpecs({ specsDir: join(root, 'specs', 'missing'), rootDir: root }).diagnostics,
    ).toStrictEqual([
      {
        ...expected,
        message: 'no spec (`const X = define*(...)`) found in specs/missing',
        file: 'specs/missing',
      },
    ]);
  });
});
