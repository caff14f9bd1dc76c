import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

import { HarnessInputError } from '../../packages/runtime/src/harness/problems.js';
import { parseRunInput } from '../../packages/runtime/src/harness/planning/run-input.js';
import { runSuite } from '../../packages/runtime/src/harness/execution/run-suite.js';
import { parseSuite, type Suite } from '../../packages/runtime/src/harness/suite/suite.js';

const respond = fileURLToPath(new URL('./scripts/respond.mjs', import.meta.url));
const projectRoot = fileURLToPath(new URL('../../', import.meta.url));
const executor = { kind: 'command' as const, argv: [process.execPath, respond] };

const scratch: string[] = [];
afterEach(() => {
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function suiteOf(cases: object[], extra: object = {}): Suite {
  return parseSuite({ id: 's', title: 'S', cases, ...extra });
}

describe('runSuite', () => {
  test('runs the example suite: every case passes, masked excerpts, hashed streams', async () => {
    const input = parseRunInput(
      JSON.parse(readFileSync(path.join(projectRoot, 'examples/harness/run-input.json'), 'utf8')),
    );
    const suite = parseSuite(
      JSON.parse(readFileSync(path.join(projectRoot, input.suiteRef), 'utf8')),
    );
    if (typeof input.executor === 'string') throw new Error('the example names no executor');
    const result = await runSuite({
      suite,
      executor: input.executor,
      baseDir: projectRoot,
      concurrency: input.concurrency,
    });
    expect(result.summary).toStrictEqual({
      total: 4,
      passed: 4,
      failed: 0,
      errored: 0,
      skipped: 0,
    });
    const greets = result.caseResults[0]!;
    expect({ ...greets, durationMs: 0 }).toStrictEqual({
      caseId: 'greets',
      status: 'passed',
      exitCode: 0,
      signal: null,
      durationMs: 0,
      truncated: { stdout: false, stderr: false },
      bytes: { stdout: 13, stderr: 42 },
      checks: [
        { name: 'case.greets.exitCode', status: 'passed', message: 'expected exit code 0, saw 0' },
        {
          name: 'case.greets.mustInclude',
          status: 'passed',
          message: 'expected stdout to include "hello"; all found in 13 bytes of stdout',
        },
        {
          name: 'oracle.says-world.mustInclude',
          status: 'passed',
          message: 'expected stdout to include "world"; all found in 13 bytes of stdout',
        },
      ],
      stdoutExcerpt: 'hello, world',
      stderrExcerpt: 'debug: using key ***',
      // sha256("hello, world\n")
      stdoutSha256: '853ff93762a06ddbf722c4ebe9ddd66d8f63ddaea97f521c3ecc20da7c976020',
      // sha256("debug: using key example-key-not-a-secret\n")
      stderrSha256: '1395bc65755211132bec4ae6e21e2873cbcfcdfa445c0d11c97008b954638aea',
      error: null,
    });
    expect(
      result.caseResults.map((caseResult) => [
        caseResult.caseId,
        caseResult.checks.map((check) => check.name),
      ]),
    ).toStrictEqual([
      [
        'greets',
        ['case.greets.exitCode', 'case.greets.mustInclude', 'oracle.says-world.mustInclude'],
      ],
      ['json-report', ['implicit.exitCode', 'case.json-report.jsonSubset']],
      [
        'warns',
        [
          'implicit.exitCode',
          'case.warns.stderrMustInclude',
          'checker.no-crash.stderrMustNotInclude',
        ],
      ],
      [
        'exits-three',
        [
          'case.exits-three.exitCode',
          'case.exits-three.mustNotInclude',
          'checker.no-crash.stderrMustNotInclude',
        ],
      ],
    ]);
  });

  test('concurrency overlaps cases, results stay in suite order', async () => {
    const suite = suiteOf([
      { id: 'slow', title: 'Slow', input: { sleepMs: 900, stdout: ['slow'] } },
      { id: 'medium', title: 'Medium', input: { sleepMs: 450, stdout: ['medium'] } },
      { id: 'fast', title: 'Fast', input: { stdout: ['fast'] } },
    ]);
    const events: string[] = [];
    const result = await runSuite({
      suite,
      executor,
      concurrency: 3,
      onCaseStart: (caseId) => events.push(`start ${caseId}`),
      onCaseResult: (caseResult, index) => events.push(`done ${caseResult.caseId} #${index}`),
    });
    expect(events).toStrictEqual([
      'start slow',
      'start medium',
      'start fast',
      'done fast #2',
      'done medium #1',
      'done slow #0',
    ]);
    expect(
      result.caseResults.map((caseResult) => [caseResult.caseId, caseResult.stdoutExcerpt]),
    ).toStrictEqual([
      ['slow', 'slow'],
      ['medium', 'medium'],
      ['fast', 'fast'],
    ]);
  });

  test('concurrency 1 runs one case after the other', async () => {
    const suite = suiteOf([
      { id: 'a', title: 'A', input: { sleepMs: 200 } },
      { id: 'b', title: 'B', input: {} },
    ]);
    const events: string[] = [];
    await runSuite({
      suite,
      executor,
      onCaseStart: (caseId) => events.push(`start ${caseId}`),
      onCaseResult: (caseResult) => events.push(`done ${caseResult.caseId}`),
    });
    expect(events).toStrictEqual(['start a', 'done a', 'start b', 'done b']);
  });

  test('selects cases by id in suite order; an unknown id names the field', async () => {
    const suite = suiteOf(['a', 'b', 'c'].map((id) => ({ id, title: id, input: {} })));
    const result = await runSuite({ suite, executor, cases: ['c', 'a'] });
    expect(result.caseResults.map((caseResult) => caseResult.caseId)).toStrictEqual(['a', 'c']);
    await expect(runSuite({ suite, executor, cases: ['a', 'zzz'] })).rejects.toStrictEqual(
      new HarnessInputError([{ path: 'cases[1]', message: 'unknown case id "zzz"' }]),
    );
    await expect(runSuite({ suite, executor, concurrency: 0 })).rejects.toThrow(
      'concurrency: must be an integer >= 1',
    );
  });

  test('dry run plans every case and executes nothing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'harness-dry-'));
    scratch.push(dir);
    const marker = path.join(dir, 'ran');
    const suite = suiteOf([
      { id: 'a', title: 'A', input: {} },
      { id: 'b', title: 'B', input: {} },
    ]);
    const result = await runSuite({
      suite,
      executor: {
        kind: 'command',
        argv: [
          process.execPath,
          '-e',
          `require('fs').writeFileSync(${JSON.stringify(marker)}, '')`,
        ],
      },
      dryRun: true,
    });
    expect(result.summary).toStrictEqual({
      total: 2,
      passed: 0,
      failed: 0,
      errored: 0,
      skipped: 2,
    });
    expect(result.caseResults[0]).toStrictEqual({
      caseId: 'a',
      status: 'skipped',
      exitCode: null,
      signal: null,
      durationMs: 0,
      truncated: { stdout: false, stderr: false },
      bytes: { stdout: 0, stderr: 0 },
      checks: [],
      stdoutExcerpt: '',
      stderrExcerpt: '',
      stdoutSha256: null,
      stderrSha256: null,
      error: null,
    });
    expect(existsSync(marker)).toBe(false);
  });

  test('failed, timed-out and unstartable cases', async () => {
    const suite = suiteOf([
      {
        id: 'fails',
        title: 'Fails',
        input: { stdout: ['nope'] },
        expected: { mustInclude: ['yes'] },
      },
      { id: 'hangs', title: 'Hangs', input: { sleepMs: 30_000 } },
    ]);
    const result = await runSuite({
      suite,
      executor: { ...executor, timeoutMs: 500 },
      killGraceMs: 200,
      concurrency: 2,
    });
    expect(
      result.caseResults.map((caseResult) => [
        caseResult.caseId,
        caseResult.status,
        caseResult.error,
      ]),
    ).toStrictEqual([
      ['fails', 'failed', null],
      ['hangs', 'errored', 'timed out after 500 ms'],
    ]);
    const missing = await runSuite({
      suite,
      executor: { kind: 'command', argv: ['no-such-binary-4711'] },
    });
    expect(missing.summary).toStrictEqual({
      total: 2,
      passed: 0,
      failed: 0,
      errored: 2,
      skipped: 0,
    });
    expect([missing.caseResults[0]?.checks, missing.caseResults[0]?.error]).toStrictEqual([
      [],
      'command not found: no-such-binary-4711 (searched PATH)',
    ]);
  });

  test('executor.env values are masked in excerpts and check messages', async () => {
    const secret = 'value-from-env-9f8e';
    const suite = suiteOf([
      {
        id: 'leaks',
        title: 'Leaks',
        input: { echoEnv: 'LEAKY', stderr: [`err ${secret} token=abc123`] },
        expected: { jsonSubset: { LEAKY: 'x' }, mustNotInclude: [secret] },
      },
    ]);
    const result = await runSuite({
      suite,
      executor: { ...executor, env: { LEAKY: secret, SHORT: 'abc' } },
    });
    const leaks = result.caseResults[0]!;
    expect([leaks.stdoutExcerpt, leaks.stderrExcerpt]).toStrictEqual([
      'LEAKY=***',
      'err *** token=***',
    ]);
    expect(leaks.checks.map((check) => check.message)).toStrictEqual([
      'expected exit code 0, saw 0',
      'expected stdout not to include "***"; found "***" in 26 bytes of stdout',
      'expected stdout JSON to contain {"LEAKY":"x"}; stdout is not JSON starting with "{" or "[": "LEAKY=***"',
    ]);
  });

  test('an abort kills the running case and skips the rest', async () => {
    const suite = suiteOf([
      { id: 'a', title: 'A', input: { sleepMs: 30_000 } },
      { id: 'b', title: 'B', input: {} },
    ]);
    const controller = new AbortController();
    const result = await runSuite({
      suite,
      executor,
      killGraceMs: 200,
      signal: controller.signal,
      onCaseStart: () => setTimeout(() => controller.abort(), 200),
    });
    expect(
      result.caseResults.map((caseResult) => [
        caseResult.caseId,
        caseResult.status,
        caseResult.error,
      ]),
    ).toStrictEqual([
      ['a', 'errored', 'cancelled'],
      ['b', 'skipped', 'cancelled before start'],
    ]);
  });
});
