import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, expect, test } from 'vitest';

import { runSuite } from '../../packages/runtime/src/harness/execution/run-suite.js';
import { parseSuite } from '../../packages/runtime/src/harness/suite/suite.js';

const savedPath = process.env.PATH;
const scratch: string[] = [];
afterEach(() => {
  process.env.PATH = savedPath;
  for (const dir of scratch.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A stand-in for bwrap that appends `name` to `log`, runs `then` (shell), and execs the command
 * after `--` without any sandbox.
 */
function fakeBwrap(file: string, name: string, log: string, then = ''): void {
  writeFileSync(
    file,
    [
      '#!/bin/sh',
      `echo ${name} >> '${log}'`,
      then,
      'while [ "$#" -gt 0 ] && [ "$1" != "--" ]; do shift; done',
      'shift',
      'exec "$@"',
      '',
    ].join('\n'),
  );
  chmodSync(file, 0o755);
}

test('a sandboxed run looks bwrap up on PATH once, when it starts, for all its cases', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sandbox-lookup-'));
  scratch.push(dir);
  const [early, late, log] = ['early', 'late', 'log'].map((name) => path.join(dir, name)) as [
    string,
    string,
    string,
  ];
  mkdirSync(early);
  mkdirSync(late);
  const second = path.join(dir, 'second-bwrap');
  fakeBwrap(second, 'second', log);
  // The first case puts another bwrap earlier on PATH: a lookup per case would run that one next.
  fakeBwrap(path.join(late, 'bwrap'), 'first', log, `/bin/cp '${second}' '${early}/bwrap'`);
  process.env.PATH = `${early}:${late}`;
  const result = await runSuite({
    suite: parseSuite({
      id: 's',
      title: 'S',
      cases: ['a', 'b', 'c'].map((id) => ({ id, title: id, input: {} })),
    }),
    executor: { kind: 'command', argv: ['/bin/true'] },
    sandbox: { kind: 'bwrap', network: false, hidden: [], readable: [], writable: [] },
  });
  expect([
    result.caseResults.map((caseResult) => caseResult.status),
    readFileSync(log, 'utf8'),
  ]).toStrictEqual([['passed', 'passed', 'passed'], 'first\nfirst\nfirst\n']);
});
