import { describe, expect, it } from 'vitest';
import { isSemver } from '../../packages/codegen/src/generator/validate/semver.js';

describe('isSemver (semver 2.0.0)', () => {
  it('accepts MAJOR.MINOR.PATCH with optional prerelease and build', () => {
    const valid = [
      '0.0.0',
      '1.0.0',
      '10.20.30',
      '1.0.0-alpha',
      '1.0.0-rc.1',
      '1.0.0-0.3.7',
      '1.0.0-x-y.z--',
      '1.0.0+build.5',
      '1.0.0-beta+exp.sha.5114f85',
    ];
    expect(valid.filter((version) => !isSemver(version))).toStrictEqual([]);
  });

  it('rejects partial versions, leading zeros, prefixes and empty identifiers', () => {
    const invalid = [
      '',
      '1',
      '1.0',
      'v1.0.0',
      '01.0.0',
      '1.02.0',
      '1.0.0-',
      '1.0.0-01',
      '1.0.0+',
      '1.0.0-a..b',
      ' 1.0.0',
      '1.0.0.0',
    ];
    expect(invalid.filter((version) => isSemver(version))).toStrictEqual([]);
  });
});
