import { Command, Option } from 'commander';
import type { GenerateOptions } from './run-generate.js';

/** `contracts generate [--specs DIR] [--out DIR] [--check] [--format text|json]` (issue #2, part 8). */
export function generateCommand(): Command {
  return new Command('generate')
    .description('Parse the specs, validate them and write every generated surface')
    .option('--specs <dir>', 'folder of contract specs', 'specs')
    .option('--out <dir>', 'output folder, replaced atomically', 'generated')
    .option('--check', 'write nothing; exit 1 and list stale, missing and extra files on drift')
    .addOption(
      new Option('--format <format>', 'how to report').choices(['text', 'json']).default('text'),
    )
    .action(async (options: GenerateOptions) => {
      const { runGenerate } = await import('./run-generate.js');
      process.exitCode = await runGenerate(options);
    });
}
