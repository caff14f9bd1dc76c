import path from 'node:path';

import { describe, expect, test } from 'vitest';

import { HarnessStateLayout } from '../../packages/runtime/src/harness/records/state-layout.js';

describe('HarnessStateLayout.absolute', () => {
  test('is path.join(stateDir, ...segments) for plain and unusual relative paths alike', () => {
    const stateDirs = [
      '/tmp/state',
      '/tmp/state/',
      '/tmp//a/./b/',
      '/',
      'relative/state',
      '/a/../b',
    ];
    const relatives = [
      'harness-runs/hr-1.json',
      'evidence/hr-1/group%3Acase%20one.json',
      'evidence/hr-1/...json',
      'evaluations/he-1.json',
      'a/../b',
      './a',
      'a//b',
      '..',
      'a/.',
      '.hidden/b',
      'a/b/',
      '',
    ];
    const mismatches = stateDirs.flatMap((stateDir) => {
      const layout = new HarnessStateLayout(stateDir);
      return relatives
        .filter(
          (relative) => layout.absolute(relative) !== path.join(stateDir, ...relative.split('/')),
        )
        .map((relative) => [stateDir, relative]);
    });
    expect(mismatches).toStrictEqual([]);
    expect(new HarnessStateLayout('/tmp/state/').absolute('harness-runs/hr-1.json')).toBe(
      '/tmp/state/harness-runs/hr-1.json',
    );
  });
});
