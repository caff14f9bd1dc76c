import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, test } from 'vitest';

import { confinePath } from '../../packages/runtime/src/harness/planning/path-confinement.js';
import { HarnessStateLayout } from '../../packages/runtime/src/harness/records/state-layout.js';
import {
  locateSuite,
  readSuiteDocument,
  SuiteSourceError,
} from '../../packages/runtime/src/harness/suite/suite-source.js';

const scratch: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'suite-source-'));
  scratch.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('confinePath', () => {
  test('paths inside the base, also not yet existing ones, are relative with /', () => {
    const base = tempDir();
    mkdirSync(path.join(base, 'a'));
    expect(confinePath(base, 'a/../a/b/c.json')).toStrictEqual({
      ok: true,
      path: { absolute: path.join(base, 'a/b/c.json'), relative: 'a/b/c.json' },
    });
    expect(confinePath(base, '.')).toStrictEqual({
      ok: true,
      path: { absolute: base, relative: '.' },
    });
    expect(confinePath(base, path.join(base, 'a'))).toStrictEqual({
      ok: true,
      path: { absolute: path.join(base, 'a'), relative: 'a' },
    });
  });

  test('.., absolute paths elsewhere and symlinks out are refused', () => {
    const base = tempDir();
    const outside = tempDir();
    symlinkSync(outside, path.join(base, 'out'));
    symlinkSync(path.join(base, 'out'), path.join(base, 'chain'));
    const reasons = ['..', '../x', 'a/../../x', outside, 'out', 'out/x/y.json', 'chain/z'].map(
      (target) => {
        const result = confinePath(base, target);
        return result.ok ? 'ok' : result.reason;
      },
    );
    expect(reasons).toStrictEqual([
      'leaves the working directory',
      'leaves the working directory',
      'leaves the working directory',
      'leaves the working directory',
      'leaves the working directory through a symlink',
      'leaves the working directory through a symlink',
      'leaves the working directory through a symlink',
    ]);
  });
});

describe('locateSuite / readSuiteDocument', () => {
  test('a key reads suites/<key>.json; anything with / or .json is a path', () => {
    const base = tempDir();
    expect(
      ['smoke', 'smoke.v2', 'smoke.json', 'suites/smoke.json', 'x/y'].map(
        (ref) => locateSuite(base, ref).relative,
      ),
    ).toStrictEqual([
      'suites/smoke.json',
      'suites/smoke.v2.json',
      'smoke.json',
      'suites/smoke.json',
      'x/y',
    ]);
  });

  test('errors say what is wrong without absolute paths', async () => {
    const base = tempDir();
    mkdirSync(path.join(base, 'suites'));
    writeFileSync(path.join(base, 'suites/bad.json'), '{');
    const reasons: [string, string][] = [];
    for (const ref of ['absent', 'bad', '../up.json']) {
      try {
        await readSuiteDocument(locateSuite(base, ref));
      } catch (error) {
        if (!(error instanceof SuiteSourceError)) throw error;
        reasons.push([error.reason, error.message.split(':')[0]!]);
      }
    }
    expect(reasons).toStrictEqual([
      ['not-found', 'no suite file suites/absent.json'],
      ['invalid', 'suites/bad.json is not valid JSON at line 1, column 2'],
      ['refused', '"../up.json" leaves the working directory'],
    ]);
  });
});

describe('HarnessStateLayout', () => {
  test('relative paths; case ids are percent-encoded into portable file names', () => {
    const layout = new HarnessStateLayout('/state');
    expect([
      layout.runRecordRelative('hr-1'),
      layout.evidenceRelative('hr-1', 'group:case one'),
      layout.evidenceRelative('hr-1', 'plain.case-1_x'),
      layout.evaluationRelative('he-1'),
      layout.absolute('evidence/hr-1/a.json'),
    ]).toStrictEqual([
      'harness-runs/hr-1.json',
      'evidence/hr-1/group%3Acase%20one.json',
      'evidence/hr-1/plain.case-1_x.json',
      'evaluations/he-1.json',
      path.join('/state', 'evidence', 'hr-1', 'a.json'),
    ]);
  });
});
