import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { contracts, createProject, type Project } from '../cli-harness/cli-helpers.js';
import { PROJECT_ROOT } from '../support/cli.js';

/** Errors that name the fix, help with examples and exit codes, and a clean shipped tree. */

let project: Project;
beforeEach(() => {
  project = createProject();
});
afterEach(() => project.remove());

function call(key: string, input: string, ...flags: string[]): ReturnType<typeof contracts> {
  return contracts(['call', key, '--input', input, '--cwd', project.dir, ...flags], project.dir);
}

function errorOf(stderr: string): { code: string; message: string } {
  const { code, message } = (JSON.parse(stderr) as { error: { code: string; message: string } })
    .error;
  return { code, message };
}

describe('errors that name the fix', () => {
  test('an unknown operation key: the nearest one and the list (exit 2)', () => {
    const result = call('harness.run.gte', '{}');
    expect([result.status, errorOf(result.stderr)]).toStrictEqual([
      2,
      {
        code: 'NOT_FOUND',
        message:
          'unknown operation "harness.run.gte"; did you mean "harness.run.get"?; valid operations: agent.approvals, agent.artifacts, agent.cancel, agent.run, agent.status, harness.evaluation.get, harness.evaluation.run, harness.evidence.get, harness.evidence.list, harness.run.cancel, harness.run.get, harness.run.start, harness.target.resolve',
      },
    ]);
  });

  test('an unknown agent names the folder searched, and the nearest agent', () => {
    const none = call('agent.run', '{"agentKey": "summarize", "prompt": "hi"}');
    project.write('agents/summarize.json', { argv: ['true'] });
    const near = call('agent.run', '{"agentKey": "sumarize", "prompt": "hi"}');
    expect([
      none.status,
      errorOf(none.stderr).message,
      near.status,
      errorOf(near.stderr).message,
    ]).toStrictEqual([
      2,
      'input.agentKey: unknown agent "summarize"; known agents in agents/: (none)',
      2,
      'input.agentKey: unknown agent "sumarize"; did you mean "summarize"?; known agents in agents/: summarize',
    ]);
  });

  test('an unknown approval action gives the nearest one', () => {
    const result = call(
      'agent.approvals',
      '{"runId": "run-x", "action": "aprove"}',
      '--actor',
      'admin',
    );
    expect([result.status, errorOf(result.stderr).message]).toStrictEqual([
      2,
      'input.action: unknown action "aprove"; did you mean "approve"?; valid actions: approve, reject',
    ]);
  });

  test('FORBIDDEN on an admin operation suggests --actor admin (exit 1)', () => {
    const result = call('agent.cancel', '{"runId": "run-x"}');
    expect([result.status, errorOf(result.stderr)]).toStrictEqual([
      1,
      {
        code: 'FORBIDDEN',
        message:
          'agent.cancel@1.0.0 needs an admin actor; the caller is a user (called as --actor user; try --actor admin)',
      },
    ]);
  });

  test('--token without --url is a usage error', () => {
    const result = call('harness.target.resolve', '{}', '--token', 'abc');
    expect([result.status, result.stdout, result.stderr]).toStrictEqual([
      2,
      '',
      'contracts: --token needs --url: a token authenticates calls to a `contracts serve`; local calls take --actor\n',
    ]);
  });

  test('a misspelt flag or command gets a suggestion (exit 2)', () => {
    const flag = contracts(['harness', 'verify', '--suite', 'x', '--formt', 'json'], project.dir);
    const command = contracts(['harnes'], project.dir);
    expect([
      flag.status,
      flag.stderr.split('\n').slice(0, 2),
      command.status,
      command.stderr.split('\n').slice(0, 2),
    ]).toStrictEqual([
      2,
      ["error: unknown option '--formt'", '(Did you mean --format?)'],
      2,
      ["error: unknown command 'harnes'", '(Did you mean harness?)'],
    ]);
  });
});

const COMMANDS = [
  ['init'],
  ['generate'],
  ['ir'],
  ['harness'],
  ['harness', 'run'],
  ['harness', 'verify'],
  ['call'],
  ['agent'],
  ['agent', 'work'],
  ['serve'],
];

describe('help', () => {
  test.each(COMMANDS.map((args) => [args.join(' '), args]))(
    '%s --help has an example and the exit codes',
    (_name, args) => {
      const result = contracts([...(args as string[]), '--help'], project.dir);
      expect([
        result.status,
        /\n {2}\$ npx contracts /.test(result.stdout),
        /Exit codes/.test(result.stdout) ||
          ((args as string[])[0] === 'agent' && (args as string[]).length === 1),
      ]).toStrictEqual([0, true, true]);
    },
  );

  test('contracts help harness prints the help and exits 0', () => {
    const result = contracts(['help', 'harness'], project.dir);
    expect([result.status, result.stdout.startsWith('Usage: contracts harness')]).toStrictEqual([
      0,
      true,
    ]);
  });

  test.each([
    ['docs', 'serve'],
    ['harness', 'run'],
  ])('contracts help %s %s prints the subcommand help and exits 0', (command, subcommand) => {
    const result = contracts(['help', command, subcommand], project.dir);
    expect([result.status, result.stdout.split('\n')[0]]).toStrictEqual([
      0,
      `Usage: contracts ${command} ${subcommand} [options]`,
    ]);
  });
});

describe('contracts ir on broken specs', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'first-hour-ir-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('prints the diagnostics on stderr as text, and the IR on stdout (exit 1)', () => {
    writeFileSync(
      path.join(dir, 'broken.ts'),
      'export const Broken = defineCommand({ meta: { key: 1 } });\n',
    );
    const result = contracts(['ir', '--specs', dir], dir);
    expect([
      result.status,
      Array.isArray(JSON.parse(result.stdout).diagnostics),
      /broken\.ts:\d+:\d+ - error [A-Z_]+: /.test(result.stderr),
    ]).toStrictEqual([1, true, true]);
  });
});

describe('the shipped contracts', () => {
  test('raise no warning on a clean checkout', () => {
    const result = contracts(['ir'], PROJECT_ROOT);
    const diagnostics = (
      JSON.parse(result.stdout) as { diagnostics: { severity: string; code: string }[] }
    ).diagnostics;
    expect([result.status, diagnostics, result.stderr]).toStrictEqual([0, [], '']);
  });
});
