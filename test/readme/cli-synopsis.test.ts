import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { PROJECT_ROOT, runCli } from '../support/cli.js';

/**
 * The README's CLI synopsis (the first code block under "## The CLI") has one line per command the
 * CLI runs (every leaf of `contracts --help`, `help` aside), and each line lists exactly the flags
 * that command's `--help` lists (`--help` and `--version` aside). The commands are read from the
 * CLI's own help, so a command added to the CLI and left out of the README fails here.
 */

const README = readFileSync(`${PROJECT_ROOT}README.md`, 'utf8');
const section = README.slice(README.indexOf('## The CLI'));
const block = /```\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
const SYNOPSIS = block
  .split('\n')
  .filter((line) => /^contracts [a-z]/.test(line) && !line.startsWith('contracts help'))
  .map((line) => {
    const words = line.split(' ').slice(1);
    const end = words.findIndex((word) => /^[[<(-]/.test(word));
    const command = end < 0 ? words : words.slice(0, end);
    return { command, flags: [...new Set(line.match(/--[a-z][a-z-]*/g) ?? [])].sort() };
  });

function help(command: readonly string[]): string {
  const { status, stdout } = runCli([...command, '--help'], PROJECT_ROOT);
  expect(status, `contracts ${command.join(' ')} --help`).toBe(0);
  return stdout;
}

/** The entries of one section of a commander help text (`Options:`, `Commands:`), by first word. */
function sectionEntries(text: string, heading: string, word: RegExp): string[] {
  const start = text.indexOf(`\n${heading}\n`);
  if (start < 0) return [];
  const body = text.slice(start + heading.length + 2).split(/\n\n/)[0]!;
  return [...body.matchAll(word)].map((match) => match[1]!);
}

/** Every command `contracts` runs, as its words (`['harness', 'run']`), found through `--help`. */
function cliCommands(prefix: readonly string[] = []): string[][] {
  const names = sectionEntries(help(prefix), 'Commands:', /^ {2}([a-z][a-z-]*)/gm).filter(
    (name) => name !== 'help',
  );
  if (names.length === 0) return [[...prefix]];
  return names.flatMap((name) => cliCommands([...prefix, name]));
}

function helpFlags(command: readonly string[]): string[] {
  const flags = sectionEntries(help(command), 'Options:', /^ {2}(?:-\w, )?(--[a-z][a-z-]*)/gm);
  return [...new Set(flags)].filter((flag) => flag !== '--help' && flag !== '--version').sort();
}

describe('README synopsis matches --help', () => {
  test('it has one line per command of the CLI', () => {
    const commands = cliCommands().map((words) => words.join(' '));
    expect(commands.length).toBeGreaterThanOrEqual(9);
    expect(SYNOPSIS.map(({ command }) => command.join(' ')).sort()).toStrictEqual(commands.sort());
  });

  test.each(SYNOPSIS.map((entry) => [entry.command.join(' '), entry]))('%s', (_name, entry) => {
    const { command, flags } = entry as (typeof SYNOPSIS)[number];
    expect(flags).toStrictEqual(helpFlags(command));
  });
});
