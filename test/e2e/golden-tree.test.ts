import { cpSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emitAll } from '../../packages/codegen/src/generator/emit-all.js';
import { buildIr } from '../../packages/codegen/src/generator/ir/build-ir.js';
import { diffTree } from '../../packages/codegen/src/generator/write-tree.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import { hashTree } from '../support/tree.js';

/*
 * The committed generated/ tree is the golden output of specs/. It is updated only by running
 * `npm run codegen` on purpose, never by a test.
 */
describe('the shipped specs produce the committed generated/ tree', () => {
  it('has no stale, missing or extra file', async () => {
    const ir = buildIr({ specsDir: join(PROJECT_ROOT, 'specs'), rootDir: PROJECT_ROOT });
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const files = await emitAll(ir);
    expect(await diffTree(join(PROJECT_ROOT, 'generated'), files)).toStrictEqual({
      stale: [],
      missing: [],
      extra: [],
    });
  });

  it('`generate --check` exits 0 on the committed tree', () => {
    const result = runCli(['generate', '--check'], PROJECT_ROOT);
    expect(result.stderr).toContain('is up to date');
    expect(result.status).toBe(0);
  });

  it('`generate --check` lists stale, missing and extra files, exits 1 and writes nothing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'contracts-golden-'));
    try {
      cpSync(join(PROJECT_ROOT, 'generated'), copy, { recursive: true });
      writeFileSync(join(copy, 'harness/types.ts'), '// edited by hand\n');
      unlinkSync(join(copy, 'agent/client.ts'));
      writeFileSync(join(copy, 'harness/leftover.ts'), 'export {};\n');
      const before = hashTree(copy);
      const result = runCli(['generate', '--check', '--out', copy], PROJECT_ROOT);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`stale: ${copy}/harness/types.ts`);
      expect(result.stderr).toContain(`missing: ${copy}/agent/client.ts`);
      expect(result.stderr).toContain(`extra: ${copy}/harness/leftover.ts`);
      expect(hashTree(copy)).toStrictEqual(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });

  it('`generate --check --format json` reports the drift as JSON', () => {
    const copy = mkdtempSync(join(tmpdir(), 'contracts-golden-json-'));
    try {
      cpSync(join(PROJECT_ROOT, 'generated'), copy, { recursive: true });
      unlinkSync(join(copy, 'ir.json'));
      const result = runCli(['generate', '--check', '--format', 'json', '--out', copy], PROJECT_ROOT);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { ok: boolean; drift: unknown };
      expect(report.ok).toBe(false);
      expect(report.drift).toStrictEqual({ stale: [], missing: ['ir.json'], extra: [] });
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

describe('`generate` on an up-to-date tree', () => {
  it('says so and rewrites nothing (timestamps kept)', () => {
    const copy = mkdtempSync(join(tmpdir(), 'contracts-uptodate-'));
    try {
      const out = join(copy, 'generated');
      cpSync(join(PROJECT_ROOT, 'generated'), out, { recursive: true, preserveTimestamps: true });
      const before = statSync(join(out, 'ir.json')).mtimeMs;
      const result = runCli(['generate', '--out', out], PROJECT_ROOT);
      expect(result.status).toBe(0);
      expect(result.stderr).toContain('already up to date');
      expect(statSync(join(out, 'ir.json')).mtimeMs).toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
