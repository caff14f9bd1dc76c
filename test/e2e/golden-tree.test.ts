import { cpSync, mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkTree } from '../../packages/codegen/src/generator/tree-sink.js';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import {
  copyRepoForGenerate,
  GENERATED_DIR,
  GENERATED_PATH,
  repoIr,
  repoTree,
} from '../support/repo-generation.js';
import { hashTree } from '../support/tree.js';

/*
 * The committed generated/ tree is the golden output of specs/. It is updated only by running
 * `npm run codegen` on purpose, never by a test.
 */
describe('the shipped specs produce the committed generated/ tree', () => {
  it('has no stale, missing or extra file', async () => {
    const ir = await repoIr();
    expect(ir.diagnostics.filter((d) => d.severity === 'error')).toStrictEqual([]);
    const files = await repoTree(ir);
    expect(await checkTree(GENERATED_DIR, files)).toStrictEqual({
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
    const root = copyRepoForGenerate('contracts-golden-');
    const copy = join(root, GENERATED_PATH);
    try {
      writeFileSync(join(copy, 'harness/types.ts'), '// edited by hand\n');
      unlinkSync(join(copy, 'agent/client.ts'));
      writeFileSync(join(copy, 'harness/leftover.ts'), 'export {};\n');
      const before = hashTree(copy);
      const result = runCli(['generate', '--check'], root);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`stale: ${GENERATED_PATH}/harness/types.ts`);
      expect(result.stderr).toContain(`missing: ${GENERATED_PATH}/agent/client.ts`);
      expect(result.stderr).toContain(`extra: ${GENERATED_PATH}/harness/leftover.ts`);
      expect(hashTree(copy)).toStrictEqual(before);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('`generate --check --format json` reports the drift as JSON', () => {
    const root = copyRepoForGenerate('contracts-golden-json-');
    const copy = join(root, GENERATED_PATH);
    try {
      unlinkSync(join(copy, 'ir.json'));
      const result = runCli(['generate', '--check', '--format', 'json'], root);
      expect(result.status).toBe(1);
      const report = JSON.parse(result.stdout) as { ok: boolean; drift: unknown };
      expect(report.ok).toBe(false);
      expect(report.drift).toStrictEqual({ stale: [], missing: ['ir.json'], extra: [] });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('`generate` on an up-to-date tree', () => {
  it('says so and rewrites nothing (timestamps kept)', () => {
    const copy = copyRepoForGenerate('contracts-uptodate-');
    try {
      const out = join(copy, GENERATED_PATH);
      const before = statSync(join(out, 'ir.json')).mtimeMs;
      const result = runCli(['generate'], copy);
      expect(result.status).toBe(0);
      expect(result.stderr).toContain('already up to date');
      expect(statSync(join(out, 'ir.json')).mtimeMs).toBe(before);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
