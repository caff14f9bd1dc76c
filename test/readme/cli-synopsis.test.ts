import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { PROJECT_ROOT, runCli } from '../support/cli.js';

/**
 * The README's CLI synopsis (the first code block under "## The CLI") lists, for each command,
 * exactly the flags its `--help` lists (`--help` and `--version` aside).
 */

const README = readFileSync(`${PROJECT_ROOT}README.md`, 'utf8');
const section = README.slice(README.indexOf('## The CLI'));
const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const SYNOPSIS = block
  .split('\n')
  .filter((line) => /^contracts [a-z]/.test(line) && !line.startsWith('contracts help'))
  .map((line) => {
    const words = line.split(' ').slice(1);
    const command = words.slice(
      0,
      words.findIndex((word) => /^[[<-]/.test(word)),
    );
    return { command, flags: [...new Set(line.match(/--[a-z][a-z-]*/g) ?? [])].sort() };
  });

function helpFlags(command: readonly string[]): string[] {
  const { stdout } = runCli([...command, '--help'], PROJECT_ROOT);
  const options = stdout.slice(stdout.indexOf('Options:'));
  const flags = [...options.matchAll(/^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm)].map(
    (match) => match[1]!,
  );
  return [...new Set(flags)].filter((flag) => flag !== '--help' && flag !== '--version').sort();
}

describe('README synopsis matches --help', () => {
  test('it lists the commands', () => {
    expect(SYNOPSIS.map(({ command }) => command.join(' '))).toStrictEqual([
      'init',
      'generate',
      'ir',
      'harness run',
      'harness verify',
      'call',
      'agent work',
      'serve',
    ]);
  });

  test.each(SYNOPSIS.map((entry) => [entry.command.join(' '), entry]))('%s', (_name, entry) => {
    const { command, flags } = entry as (typeof SYNOPSIS)[number];
    expect(flags).toStrictEqual(helpFlags(command));
  });
});
