import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIr, hasErrors } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { sortIr } from '../../packages/codegen/src/generator/ir/sort-ir.js';
import type { Diagnostic, Ir } from '../../packages/codegen/src/generator/ir/ir-schema.js';
import { diag, loc } from '../parse/support.js';

const LANG = `import { defineCommand, defineEvent, ScalarTypeEnum, SchemaModel } from '@lssm-tech/lib.schema';`;
const META = `description: 'd', owners: ['o'], tags: [], stability: 'beta'`;
const SOURCES = {
  'specs/z.ts': `${LANG}
export const Zed = new SchemaModel({ name: 'Zed', fields: {} });
export const Evt = defineEvent({ meta: { key: 'a.evt', version: '1.0.0', ${META} }, payload: Zed });
`,
  'specs/a.ts': `${LANG}
import { Evt } from './z.js';
const Alpha = new SchemaModel({ name: 'Alpha', fields: { id: { type: ScalarTypeEnum.ID(), isOptional: false } } });
export const Cmd = defineCommand({
  meta: { key: 'b.cmd', version: '1.0.0', title: 1, goal: 'g', context: 'c', ${META} },
  io: { input: Alpha, output: Alpha },
  policy: { auth: 'user' },
  sideEffects: { emits: [{ ref: Evt.meta, when: 'w' }] },
});
`,
};

describe('buildIr: parse, validate, sort, self-check', () => {
  let root: string;
  let ir: Ir;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'build-ir-'));
    for (const [path, text] of Object.entries(SOURCES)) {
      mkdirSync(join(root, 'specs'), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    ir = buildIr({ specsDir: join(root, 'specs'), rootDir: root });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('sorts specs by key and models by name', () => {
    expect(ir.specs.map((spec) => spec.key)).toStrictEqual(['a.evt', 'b.cmd']);
    expect(ir.models.map((model) => model.name)).toStrictEqual(['Alpha', 'Zed']);
  });

  it('merges parser and validator diagnostics, sorted by file, line, column, code', () => {
    // `meta.title: 1` is one cause, one error: title is optional (published OwnerShipMeta), so only
    // its wrong type is reported.
    expect(ir.diagnostics).toStrictEqual([
      diag(
        'error',
        'INVALID_SPEC_SHAPE',
        '`meta.title` must be a string, found a number',
        loc(SOURCES, 'specs/a.ts', '1, goal'),
      ),
      diag(
        'warning',
        'EVENT_WITHOUT_CAPABILITY',
        'event a.evt@1.0.0 is provided by no capability',
        loc(SOURCES, 'specs/z.ts', 'Evt ='),
      ),
    ]);
    expect(hasErrors(ir)).toBe(true);
  });

  it('counts only errors in hasErrors', () => {
    const warningsOnly = {
      ...ir,
      diagnostics: ir.diagnostics.filter((d) => d.severity === 'warning'),
    };
    expect(hasErrors(warningsOnly)).toBe(false);
  });
});

describe('sortIr', () => {
  it('orders diagnostics by file, line, column, then code and message', () => {
    const at = (
      file: string,
      line: number,
      column: number,
      code: string,
      message = 'm',
    ): Diagnostic => ({
      severity: 'error',
      code,
      message,
      file,
      line,
      column,
    });
    const diagnostics = [
      at('b.ts', 1, 1, 'A'),
      at('a.ts', 10, 1, 'A'),
      at('a.ts', 2, 5, 'B'),
      at('a.ts', 2, 5, 'A', 'z'),
      at('a.ts', 2, 5, 'A', 'y'),
      at('B.ts', 1, 1, 'A'),
    ];
    expect(sortIr({ specs: [], models: [], enums: [], diagnostics }).diagnostics).toStrictEqual([
      at('B.ts', 1, 1, 'A'),
      at('a.ts', 2, 5, 'A', 'y'),
      at('a.ts', 2, 5, 'A', 'z'),
      at('a.ts', 2, 5, 'B'),
      at('a.ts', 10, 1, 'A'),
      at('b.ts', 1, 1, 'A'),
    ]);
  });
});
