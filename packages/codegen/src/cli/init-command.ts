import { Command, InvalidArgumentError } from './commander.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CliError, ExitCode } from './exit-codes.js';
import {
  CODEGEN_SCRIPT,
  CONFIG_FILE,
  DEFAULT_DOMAIN,
  DOMAIN_PATTERN,
  initFiles,
  nextStepsText,
  REQUIRED_PACKAGES,
} from './init-files.js';

/** The flags of `contracts init`. */
export interface InitOptions {
  yes?: boolean;
  dir?: string;
  domain?: string;
}

const DOMAIN_RULE = 'a domain is a lowercase letter, then lowercase letters, digits or "-"';

function parseDomain(text: string): string {
  if (!DOMAIN_PATTERN.test(text)) throw new InvalidArgumentError(DOMAIN_RULE);
  return text;
}

/** `target` as the user should read it: relative to the current folder, else absolute. */
function shown(target: string): string {
  const relative = path.relative(process.cwd(), target);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return target;
  return relative.split(path.sep).join('/');
}

/**
 * Asks for the domain on a terminal; an empty answer keeps {@link DEFAULT_DOMAIN}, an invalid one
 * asks again.
 * @throws CliError (exit 1) when the user ends the input (Ctrl+D) or interrupts (Ctrl+C).
 */
async function askDomain(): Promise<string> {
  const { createInterface } = await import('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const abort = new AbortController();
  rl.on('SIGINT', () => abort.abort());
  try {
    for (;;) {
      const question = `Domain of the first contract (${DEFAULT_DOMAIN}): `;
      const answer = (await rl.question(question, { signal: abort.signal })).trim();
      if (answer === '') return DEFAULT_DOMAIN;
      if (DOMAIN_PATTERN.test(answer)) return answer;
      process.stdout.write(`  ${DOMAIN_RULE}\n`);
    }
  } catch (error) {
    if ((error as Error).name !== 'AbortError') throw error;
    process.stdout.write('\n');
    throw new CliError('cancelled; nothing was written', ExitCode.Failure);
  } finally {
    rl.close();
  }
}

type PackageJson = Record<string, unknown> & {
  scripts?: Record<string, unknown>;
  dependencies?: Record<string, unknown>;
  devDependencies?: Record<string, unknown>;
};

/**
 * Reads `package.json` of the project folder; `undefined` when there is none.
 * @throws CliError (exit 1) when it is not a JSON object, or its `scripts` is not an object.
 */
function readPackageJson(file: string): PackageJson | undefined {
  if (!existsSync(file)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError(
      `${shown(file)} is not valid JSON (${(error as Error).message}); nothing was written`,
      ExitCode.Failure,
    );
  }
  const isObject = (value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(parsed)) {
    throw new CliError(
      `${shown(file)} is not a JSON object; nothing was written`,
      ExitCode.Failure,
    );
  }
  const pkg = parsed as PackageJson;
  if (pkg.scripts !== undefined && !isObject(pkg.scripts)) {
    throw new CliError(
      `${shown(file)}: "scripts" is not an object; nothing was written`,
      ExitCode.Failure,
    );
  }
  return pkg;
}

function isDependency(pkg: PackageJson | undefined, name: string): boolean {
  if (!pkg) return false;
  return [pkg.dependencies, pkg.devDependencies, pkg['peerDependencies']].some(
    (deps) => typeof deps === 'object' && deps !== null && name in deps,
  );
}

/**
 * Runs `contracts init` with a known domain: checks every target, then writes the config, the
 * first contract and the `codegen` script, and prints what it wrote and the next steps on stdout.
 * @throws CliError (exit 1) when a target file already exists, or `package.json` cannot be read as
 *   a JSON object; nothing is written then.
 */
export async function runInit(options: { dir: string; domain: string }): Promise<void> {
  const root = path.resolve(options.dir);
  const files = initFiles(options.domain).map((file) => ({
    ...file,
    absolute: path.join(root, ...file.path.split('/')),
  }));
  for (const file of files) {
    if (existsSync(file.absolute)) {
      throw new CliError(
        `${shown(file.absolute)} already exists; nothing was written`,
        ExitCode.Failure,
      );
    }
  }
  const packageFile = path.join(root, 'package.json');
  const pkg = readPackageJson(packageFile);
  const addScript = pkg !== undefined && pkg.scripts?.[CODEGEN_SCRIPT.name] === undefined;

  // Loaded here, so `contracts --help` loads no runtime module but its defaults.
  const { makeFoldersSync } = await import('contracts-runtime/core');
  for (const file of files) {
    makeFoldersSync(path.dirname(file.absolute));
    writeFileSync(file.absolute, file.text, { flag: 'wx' });
  }
  if (pkg && addScript) {
    pkg.scripts = { ...(pkg.scripts ?? {}), [CODEGEN_SCRIPT.name]: CODEGEN_SCRIPT.command };
    writeFileSync(packageFile, JSON.stringify(pkg, null, 2) + '\n');
  }

  const lines = ['contracts init: wrote'];
  for (const file of files) lines.push(`  ${shown(file.absolute)}`);
  if (pkg && addScript) {
    lines.push(`  ${shown(packageFile)} (added scripts.${CODEGEN_SCRIPT.name})`);
  } else if (pkg) {
    lines.push(`  (${shown(packageFile)} already has scripts.${CODEGEN_SCRIPT.name}; left as is)`);
  }
  const cdInto = path.relative(process.cwd(), root) === '' ? undefined : shown(root);
  process.stdout.write(
    lines.join('\n') +
      '\n\n' +
      nextStepsText({
        domain: options.domain,
        ...(cdInto === undefined ? {} : { cdInto }),
        hasPackageJson: pkg !== undefined,
        missingDev: REQUIRED_PACKAGES.dev.filter((name) => !isDependency(pkg, name)),
        missingRuntime: REQUIRED_PACKAGES.runtime.filter((name) => !isDependency(pkg, name)),
      }),
  );
}

/**
 * `contracts init [--yes] [--dir DIR] [--domain NAME]`: writes `contracts.config.json` and a first
 * contract in `contracts/<domain>/`, and adds a `codegen` script to an existing `package.json`.
 * Never overwrites: when any target exists it writes nothing and exits 1. A bad `--domain` is a
 * usage error (exit 2). Asks for the domain only without `--yes`/`--domain` and on a terminal.
 */
export function initCommand(): Command {
  return new Command('init')
    .description(
      'Start a project: write contracts.config.json and a first contract to generate from',
    )
    .option('-y, --yes', 'ask nothing; use the defaults (also when stdin is not a terminal)')
    .option('--dir <folder>', 'project folder to write into (default: the current folder)')
    .option(
      '--domain <name>',
      `domain of the first contract (default: ${DEFAULT_DOMAIN})`,
      parseDomain,
    )
    .addHelpText(
      'after',
      `
Writes, relative to the project folder (shown for the default domain, todo):
  ${CONFIG_FILE}
  contracts/todo/constants.ts          shared owners, tags, stability, domain
  contracts/todo/models.ts             a SchemaModel
  contracts/todo/todoCreate.command.ts a command that emits the event
  contracts/todo/todoCreated.event.ts  an event
  contracts/todo/todo.capability.ts    the capability providing both
and adds "${CODEGEN_SCRIPT.name}": "${CODEGEN_SCRIPT.command}" to the scripts of an existing
package.json that has none. Never overwrites: if any of these files exists, nothing is written.

Examples:
  $ npx contracts init --yes
  $ npx contracts init --dir my-app --domain billing

Exit codes:
  0  files written
  1  a file already exists (or package.json is not valid JSON); nothing was written
  2  usage error (unknown option, bad --domain)
`,
    )
    .action(async (options: InitOptions) => {
      try {
        const interactive =
          !options.yes && options.domain === undefined && process.stdin.isTTY === true;
        const domain = options.domain ?? (interactive ? await askDomain() : DEFAULT_DOMAIN);
        await runInit({ dir: options.dir ?? process.cwd(), domain });
        process.exitCode = ExitCode.Ok;
      } catch (error) {
        if (!(error instanceof CliError)) throw error;
        process.stderr.write(`contracts init: ${error.message}\n`);
        process.exitCode = error.exitCode;
      }
    });
}
