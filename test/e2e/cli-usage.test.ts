import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../support/cli.js';

describe('contracts CLI usage and exit codes', () => {
  it('no command prints the usage and exits 2', () => {
    const result = runCli([], PROJECT_ROOT);
    expect(result.stderr).toContain('Usage: contracts');
    expect(result.status).toBe(2);
  });

  it('npm links the `contracts` bin of the workspace, and it runs (npm run codegen)', () => {
    const bin = join(PROJECT_ROOT, 'node_modules/.bin/contracts');
    const result = spawnSync(bin, ['--version'], { encoding: 'utf8' });
    expect([result.error?.message, result.stdout?.trim()]).toStrictEqual([undefined, '0.1.0']);
  });

  it('--help on every generator command exits 0', () => {
    for (const command of ['generate', 'ir']) {
      const result = runCli([command, '--help'], PROJECT_ROOT);
      expect(result.stdout).toContain(`Usage: contracts ${command}`);
      expect(result.status).toBe(0);
    }
  });

  it('an unknown option or a bad --format value exits 2', () => {
    expect(runCli(['generate', '--bogus'], PROJECT_ROOT).status).toBe(2);
    const badFormat = runCli(['generate', '--format', 'xml'], PROJECT_ROOT);
    expect(badFormat.stderr).toContain('Allowed choices are text, json');
    expect(badFormat.status).toBe(2);
  });

  it('a spec folder that does not exist exits 2 and names it', () => {
    const result = runCli(['generate', '--check', '--specs', 'no-such-folder'], PROJECT_ROOT);
    expect(result.stderr).toContain('spec folder not found: no-such-folder');
    expect(result.status).toBe(2);
  });

  it('`contracts ir` prints the 40 specs with no diagnostic and resolved emits', () => {
    const result = runCli(['ir'], PROJECT_ROOT);
    expect(result.status).toBe(0);
    const ir = JSON.parse(result.stdout) as {
      specs: {
        key: string;
        meta: { tags: string[] };
        emits?: { key: string; version: string; when: string }[];
      }[];
      models: unknown[];
      diagnostics: { severity: string }[];
    };
    expect(ir.specs).toHaveLength(40);
    expect(ir.models).toHaveLength(47);
    expect(ir.diagnostics).toStrictEqual([]);
    const start = ir.specs.find((spec) => spec.key === 'harness.run.start')!;
    expect(start.meta.tags).toStrictEqual([
      'automation',
      'harness',
      'evidence',
      'evaluation',
      'run',
      'start',
    ]);
    expect(start.emits?.map(({ key, version, when }) => ({ key, version, when }))).toStrictEqual([
      {
        key: 'harness.run.started',
        version: '1.0.0',
        when: 'A new harness run is created and execution begins.',
      },
    ]);
  });
});

describe('contracts serve flags', () => {
  it('refuses a non-positive --agent-concurrency with exit 2', () => {
    const result = runCli(['serve', '--port', '0', '--agent-concurrency', '0'], PROJECT_ROOT);
    expect(result.stderr).toContain('a whole number >= 1');
    expect(result.status).toBe(2);
  });
});
