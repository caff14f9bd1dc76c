import { Command, Option } from './commander.js';
import type { GenerateOptions } from './run-generate.js';

/**
 * `contracts generate [--config FILE] [--specs DIR|GLOB] [--out DIR] [--runtime SPEC|PATH]
 * [--import-extension .js|none] [--check] [--watch] [--no-cache] [--cache-dir DIR]
 * [--format text|json]`. Flags override the config file, which overrides the defaults.
 */
export function generateCommand(): Command {
  return new Command('generate')
    .description('Parse the specs, validate them and write every generated surface')
    .option(
      '--config <file>',
      'config file (default: the nearest contracts.config.json/.mjs/.js at or above the current folder)',
    )
    .option(
      '--specs <dir|glob>',
      'spec folder or glob (default: config "specs", else specs/**/*.ts)',
    )
    .option(
      '--out <dir>',
      'output folder, replaced atomically (default: config "out", else generated)',
    )
    .option(
      '--runtime <specifier|path>',
      'what generated code imports the runtime as (default: contracts-runtime)',
    )
    .addOption(
      new Option(
        '--import-extension <ext>',
        'extension of relative imports (default: .js)',
      ).choices(['.js', 'none']),
    )
    .option('--check', 'write nothing; exit 1 and list stale, missing and extra files on drift')
    .option(
      '--watch',
      'keep running: rebuild when a spec, a file it imports or the config changes (Ctrl-C stops)',
    )
    .option('--no-cache', 'neither read nor write the generation cache')
    .option(
      '--cache-dir <dir>',
      'where cached generations live (default: node_modules/.cache/contracts; safe to delete)',
    )
    .addOption(
      new Option('--format <format>', 'how to report').choices(['text', 'json']).default('text'),
    )
    .addHelpText(
      'after',
      `
Examples:
  $ npx contracts generate                 use contracts.config.json
  $ npx contracts generate --specs contracts --out src/generated
  $ npx contracts generate --check         in CI: fail when the tree is stale
  $ npx contracts generate --watch         rebuild on every save

Exit codes: 0 ok, 1 error diagnostics or drift (--check), 2 usage or config error.`,
    )
    .action(async (options: GenerateOptions) => {
      const { runGenerate } = await import('./run-generate.js');
      process.exitCode = await runGenerate(options);
    });
}
