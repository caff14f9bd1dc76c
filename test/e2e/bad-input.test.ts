import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT, runCli } from '../support/cli.js';
import { hashTree } from '../support/tree.js';

const DEMO_SPECS = join(PROJECT_ROOT, 'test/fixtures/demo-specs');

let workspace: string;

beforeEach(() => {
  workspace = mkdtempSync(join(tmpdir(), 'contracts-bad-input-'));
  cpSync(DEMO_SPECS, join(workspace, 'specs'), { recursive: true });
  const first = runCli(['generate', '--specs', 'specs', '--out', 'generated'], workspace);
  expect(first.stderr).toContain('wrote');
  expect(first.status).toBe(0);
});

afterEach(() => rmSync(workspace, { recursive: true, force: true }));

function replaceInSpec(file: string, from: string, to: string): void {
  const path = join(workspace, 'specs', file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

function expectRefused(expected: RegExp): void {
  const before = hashTree(join(workspace, 'generated'));
  expect(Object.keys(before).length).toBeGreaterThan(0);
  const result = runCli(['generate', '--specs', 'specs', '--out', 'generated'], workspace);
  expect(result.stderr).toMatch(expected);
  expect(result.status).toBe(1);
  expect(hashTree(join(workspace, 'generated'))).toStrictEqual(before);
}

describe('contracts generate refuses bad input and leaves generated/ untouched', () => {
  it('an empty spec folder', () => {
    rmSync(join(workspace, 'specs'), { recursive: true });
    mkdirSync(join(workspace, 'specs'));
    expectRefused(/^specs:1:1 - error NO_SPECS: /m);
  });

  it('a TypeScript syntax error', () => {
    replaceInSpec('ping.command.ts', "title: 'Ping',", "title: 'Ping',,");
    expectRefused(/^specs\/ping\.command\.ts:\d+:\d+ - error SYNTAX_ERROR: /m);
  });

  it('an unresolved identifier', () => {
    replaceInSpec('ping.command.ts', 'owners: DEMO_OWNERS,', 'owners: MISSING_OWNERS,');
    expectRefused(
      /^specs\/ping\.command\.ts:\d+:\d+ - error UNRESOLVED_IDENTIFIER: .*MISSING_OWNERS/m,
    );
  });

  it('a duplicate key', () => {
    writeFileSync(
      join(workspace, 'specs', 'ping-again.command.ts'),
      readFileSync(join(workspace, 'specs', 'ping.command.ts'), 'utf8')
        .replaceAll('PingInput', 'PingAgainInput')
        .replaceAll('PingOutput', 'PingAgainOutput')
        .replace('PingCommand', 'PingAgainCommand'),
    );
    expectRefused(
      /^specs\/ping(-again)?\.command\.ts:\d+:\d+ - error DUPLICATE_SPEC: .*demo\.ping@1\.0\.0/m,
    );
  });

  it('an unknown scalar', () => {
    replaceInSpec(
      'ping.command.ts',
      'ScalarTypeEnum.NonEmptyString()',
      'ScalarTypeEnum.NonEmptyStrng()',
    );
    expectRefused(/^specs\/ping\.command\.ts:\d+:\d+ - error UNKNOWN_SCALAR: .*NonEmptyStrng/m);
  });

  it('a dangling emits reference', () => {
    replaceInSpec(
      'ping.command.ts',
      'ref: PingedEvent.meta',
      "ref: { key: 'demo.pinged.gone', version: '1.0.0' }",
    );
    expectRefused(
      /^specs\/ping\.command\.ts:\d+:\d+ - error UNRESOLVED_REFERENCE: .*demo\.pinged\.gone@1\.0\.0/m,
    );
  });
});
