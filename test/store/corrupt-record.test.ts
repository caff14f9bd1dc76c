import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { readJson } from '../../packages/runtime/src/store/atomic-json.js';
import {
  jsonErrorLocation,
  jsonErrorOffset,
} from '../../packages/runtime/src/store/json-error-offset.js';
import { JsonFileCache } from '../../packages/runtime/src/store/json-file-cache.js';
import { CorruptRecordError } from '../../packages/runtime/src/store/store-errors.js';

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A state directory with `harness-runs/r-1.json` holding `text`. */
function recordWith(text: string): { stateDir: string; record: string } {
  const stateDir = mkdtempSync(path.join(tmpdir(), 'corrupt-record-'));
  scratch.push(stateDir);
  mkdirSync(path.join(stateDir, 'harness-runs'));
  const record = path.join(stateDir, 'harness-runs', 'r-1.json');
  writeFileSync(record, text);
  return { stateDir, record };
}

const TRUNCATED = '{\n  "run": {\n    "runId": "r-1",\n    "status": "runn';
const BAD_TOKEN = '{\n  "a": 1,\n  "b": x\n}\n';

function fields(error: unknown) {
  const corrupt = error as CorruptRecordError;
  return {
    isSyntaxError: error instanceof SyntaxError,
    name: corrupt.name,
    message: corrupt.message,
    path: corrupt.path,
    line: corrupt.line,
    column: corrupt.column,
    endsEarly: corrupt.endsEarly,
    cause: (corrupt.cause as Error).name,
  };
}

const readers = {
  readJson: (file: string, root?: string) => readJson(file, root === undefined ? {} : { root }),
  'JsonFileCache.read': (file: string, root?: string) =>
    new JsonFileCache(root === undefined ? {} : { root }).read(file),
};

describe.each(Object.entries(readers))('%s of a record that is not JSON', (_, read) => {
  test('a truncated record: CorruptRecordError at the end, named under the root', async () => {
    const { stateDir, record } = recordWith(TRUNCATED);
    const error = await read(record, stateDir).catch((failure: unknown) => failure);
    expect(fields(error)).toStrictEqual({
      isSyntaxError: true,
      name: 'CorruptRecordError',
      message: 'corrupt record harness-runs/r-1.json: JSON ends early at 4:20',
      path: 'harness-runs/r-1.json',
      line: 4,
      column: 20,
      endsEarly: true,
      cause: 'SyntaxError',
    });
  });

  test('a bad character: the line and column of it; without a root the absolute path', async () => {
    const { record } = recordWith(BAD_TOKEN);
    const error = await read(record).catch((failure: unknown) => failure);
    expect([(error as Error).message, (error as CorruptRecordError).endsEarly]).toStrictEqual([
      `corrupt record ${record}: invalid JSON at 3:8`,
      false,
    ]);
  });

  test('an empty record file is corrupt at 1:1; a missing one is undefined', async () => {
    const { stateDir, record } = recordWith('');
    const error = await read(record, stateDir).catch((failure: unknown) => failure);
    expect([
      (error as Error).message,
      await read(path.join(stateDir, 'harness-runs', 'r-2.json'), stateDir),
    ]).toStrictEqual(['corrupt record harness-runs/r-1.json: JSON ends early at 1:1', undefined]);
  });
});

describe('jsonErrorOffset', () => {
  test.each([
    ['{"n":', 5],
    ['{"n":}', 5],
    ['{"a":1}x', 7],
    ['[1,]', 3],
    ['{"a" 1}', 5],
    ['{"a":"\u0001"}', 6],
    ['{"a":"\\q"}', 7],
    ['{"a":"\\u12G4"}', 10],
    ['01', 1],
    ['-', 1],
    ['1.', 2],
    ['1e+', 3],
    ['tru', 3],
    ['nul!', 3],
    ['\uFEFF{}', 0],
    ['{"a":1,}', 7],
    ['{,}', 1],
    ['[[[[]]]', 7],
    ['"abc', 4],
  ])('%j breaks at offset %i', (text, offset) => {
    expect(jsonErrorOffset(text)).toBe(offset);
  });

  test('jsonErrorLocation gives the offset with its line and column, the end when it ends early', () => {
    expect(
      ['{\n  "a": 1,\n  "b": }', '{\n  "a": [\n', '{}'].map((text) => jsonErrorLocation(text)),
    ).toStrictEqual([
      { offset: 19, line: 3, column: 8 },
      { offset: 11, line: 3, column: 1 },
      { offset: 0, line: 1, column: 1 },
    ]);
  });

  test('-1 for valid JSON, deep nesting included', () => {
    const valid = [
      '{}',
      ' [ ] ',
      '{"a":[1,-2.5e+3,true,false,null,"x\\"\\u00e9"],"b":{"c":{}}}\n',
      '0',
      '"\\/"',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    ];
    expect(valid.map((text) => jsonErrorOffset(text))).toStrictEqual(valid.map(() => -1));
  });

  test('agrees with JSON.parse on every prefix and one-character edit of a record', () => {
    const record = JSON.stringify(
      { run: { runId: 'r-1', steps: [1, -2.5, 3e2], ok: true, note: null, text: 'a\\"\n\u00e9' } },
      null,
      2,
    );
    const variants: string[] = [];
    for (let end = 0; end <= record.length; end += 1) variants.push(record.slice(0, end));
    for (let at = 0; at < record.length; at += 1) {
      for (const char of ['}', ',', '"', '1', ' ', 'x']) {
        variants.push(record.slice(0, at) + char + record.slice(at + 1));
      }
    }
    const disagreements = variants.filter((text) => {
      let parses = true;
      try {
        JSON.parse(text);
      } catch {
        parses = false;
      }
      return parses !== (jsonErrorOffset(text) === -1);
    });
    expect(disagreements).toStrictEqual([]);
  });
});
