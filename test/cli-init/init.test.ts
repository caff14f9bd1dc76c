import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { hashTree } from '../support/tree.js';

const EXPECTED_FILES = [
  'contracts.config.json',
  'contracts/todo/constants.ts',
  'contracts/todo/models.ts',
  'contracts/todo/todo.capability.ts',
  'contracts/todo/todoCreate.command.ts',
  'contracts/todo/todoCreated.event.ts',
];

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'contracts-init-'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writePackageJson(content: unknown): void {
  writeFileSync(join(dir, 'package.json'), JSON.stringify(content, null, 2) + '\n');
}

/** The files below `root`, sorted by path. */
function filesOf(root: string): string[] {
  return Object.keys(hashTree(root)).sort();
}

function readPackageJson(): unknown {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
}

describe('contracts init', () => {
  it('writes exactly the config and the first contract in an empty folder, and exits 0', () => {
    const result = runCli(['init', '--yes'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(filesOf(dir)).toStrictEqual(EXPECTED_FILES);
    for (const file of EXPECTED_FILES) expect(result.stdout).toContain(file);
    expect(result.stdout).toContain('npm i -D contracts-codegen typescript');
    expect(result.stdout).toContain('npm i contracts-runtime zod');
    expect(result.stdout).toContain('"codegen": "contracts generate"');
    expect(result.stdout).toContain('npx contracts generate');
    expect(result.stdout).toContain(
      "import { createTodoClient } from './src/generated/todo/index.js'",
    );
    expect(JSON.parse(readFileSync(join(dir, 'contracts.config.json'), 'utf8'))).toStrictEqual({
      $schema: './node_modules/contracts-codegen/schemas/contracts.config.schema.json',
      specs: ['contracts/**/*.ts'],
      out: 'src/generated',
    });
  });

  it('without --yes and without a terminal on stdin, asks nothing and uses the defaults', () => {
    const result = runCli(['init'], dir);
    expect(result.status).toBe(0);
    expect(filesOf(dir)).toStrictEqual(EXPECTED_FILES);
  });

  it('writes into --dir and names the domain of --domain', () => {
    const result = runCli(['init', '--yes', '--dir', 'app', '--domain', 'order-book'], dir);
    expect(result.status).toBe(0);
    expect(filesOf(join(dir, 'app'))).toStrictEqual([
      'contracts.config.json',
      'contracts/order-book/constants.ts',
      'contracts/order-book/models.ts',
      'contracts/order-book/orderBook.capability.ts',
      'contracts/order-book/orderBookCreate.command.ts',
      'contracts/order-book/orderBookCreated.event.ts',
    ]);
    expect(result.stdout).toContain('cd app');
    expect(result.stdout).toContain(
      "import { createOrderBookClient } from './src/generated/order-book/index.js'",
    );
  });

  it('refuses a --domain that is not lowercase letters, digits and "-" with exit 2', () => {
    const result = runCli(['init', '--yes', '--domain', 'Todo_List'], dir);
    expect(result.stderr).toContain("option '--domain <name>' argument 'Todo_List' is invalid");
    expect(result.status).toBe(2);
    expect(hashTree(dir)).toStrictEqual({});
  });

  it('a second init exits 1, names the existing file and changes nothing', () => {
    expect(runCli(['init', '--yes'], dir).status).toBe(0);
    writeFileSync(join(dir, 'contracts.config.json'), '{ "out": "elsewhere" }\n');
    const before = hashTree(dir);
    const result = runCli(['init', '--yes'], dir);
    expect(result.stderr).toBe(
      'contracts init: contracts.config.json already exists; nothing was written\n',
    );
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
    expect(hashTree(dir)).toStrictEqual(before);
  });

  it('writes nothing, not even the config, when only a contract file exists', () => {
    expect(runCli(['init', '--yes'], dir).status).toBe(0);
    rmSync(join(dir, 'contracts.config.json'));
    writePackageJson({ name: 'app' });
    const before = hashTree(dir);
    const result = runCli(['init', '--yes'], dir);
    expect(result.stderr).toBe(
      'contracts init: contracts/todo/constants.ts already exists; nothing was written\n',
    );
    expect(result.status).toBe(1);
    expect(hashTree(dir)).toStrictEqual(before);
  });

  it('adds the codegen script to an existing package.json and keeps every other key', () => {
    const original = {
      name: 'my-app',
      version: '1.2.3',
      type: 'module',
      scripts: { build: 'tsc -p .', test: 'vitest run' },
      dependencies: { zod: '^4.0.0' },
      devDependencies: { typescript: '^5.9.0' },
    };
    writePackageJson(original);
    const result = runCli(['init', '--yes'], dir);
    expect(result.status).toBe(0);
    const text = readFileSync(join(dir, 'package.json'), 'utf8');
    const expected = {
      ...original,
      scripts: { ...original.scripts, codegen: 'contracts generate' },
    };
    expect(text).toBe(JSON.stringify(expected, null, 2) + '\n');
    expect(Object.keys(readPackageJson() as object)).toStrictEqual(Object.keys(original));
    expect(filesOf(dir)).toStrictEqual([...EXPECTED_FILES, 'package.json'].sort());
    // Only the packages the project does not have yet are to be installed.
    expect(result.stdout).toContain('npm i -D contracts-codegen\n');
    expect(result.stdout).toContain('npm i contracts-runtime\n');
    expect(result.stdout).not.toContain('npm init');
  });

  it('adds scripts to a package.json that has none', () => {
    writePackageJson({ name: 'my-app', private: true });
    expect(runCli(['init', '--yes'], dir).status).toBe(0);
    expect(readPackageJson()).toStrictEqual({
      name: 'my-app',
      private: true,
      scripts: { codegen: 'contracts generate' },
    });
  });

  it('leaves an existing codegen script as it is', () => {
    const original = { name: 'my-app', scripts: { codegen: 'my-own-codegen --fast' } };
    writeFileSync(join(dir, 'package.json'), JSON.stringify(original));
    const before = readFileSync(join(dir, 'package.json'), 'utf8');
    const result = runCli(['init', '--yes'], dir);
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, 'package.json'), 'utf8')).toBe(before);
  });

  it('writes nothing when package.json is not valid JSON', () => {
    writeFileSync(join(dir, 'package.json'), '{ "name": ');
    const before = hashTree(dir);
    const result = runCli(['init', '--yes'], dir);
    expect(result.stderr).toMatch(/^contracts init: package\.json is not valid JSON/);
    expect(result.status).toBe(1);
    expect(hashTree(dir)).toStrictEqual(before);
  });

  it('writes contracts that generate with no error', () => {
    expect(runCli(['init', '--yes'], dir).status).toBe(0);
    const result = runCli(['generate', '--specs', 'contracts', '--out', 'src/generated'], dir);
    expect(result.stderr).not.toMatch(/ - error [A-Z_]+:/);
    expect(result.status).toBe(0);
    const client = readFileSync(join(dir, 'src/generated/todo/client.ts'), 'utf8');
    expect(client).toContain('export function createTodoClient(');
    expect(readFileSync(join(dir, 'src/generated/todo/index.ts'), 'utf8')).toContain(
      "export * from './client.js';",
    );
  });

  it('writes a config that a plain `contracts generate` follows', () => {
    expect(runCli(['init', '--yes'], dir).status).toBe(0);
    const result = runCli(['generate'], dir);
    expect(result.stderr).not.toMatch(/ - error [A-Z_]+:/);
    expect(result.status).toBe(0);
    expect(filesOf(join(dir, 'src/generated'))).toContain('todo/index.ts');
  });

  it('--help describes the command, an example and the exit codes', () => {
    const result = runCli(['init', '--help'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: contracts init');
    expect(result.stdout).toContain('$ npx contracts init --yes');
    expect(result.stdout).toMatch(/Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 /);
  });
});
