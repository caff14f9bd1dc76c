import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/cli.js';

const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

describe('generated/ type-checks', () => {
  it('tsc --noEmit over generated/ and the runtime it imports reports no error', () => {
    const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.generated.json'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
