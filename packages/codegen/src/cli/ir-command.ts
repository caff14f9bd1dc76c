import { Command } from 'commander';
import { ExitCode } from './exit-codes.js';

/**
 * `contracts ir [--config FILE] [--specs DIR|GLOB]`: prints `{ specs, models, enums, diagnostics }`
 * as JSON on stdout; exits 1 when a diagnostic is an error. The specs are chosen as `generate`
 * chooses them (flags > config > defaults).
 */
export function irCommand(): Command {
  return new Command('ir')
    .description('Print the validated intermediate representation of the specs as JSON')
    .option('--config <file>', 'config file (default: the nearest contracts.config.*)')
    .option(
      '--specs <dir|glob>',
      'spec folder or glob (default: config "specs", else specs/**/*.ts)',
    )
    .addHelpText('after', '\nExit codes: 0 ok, 1 error diagnostics, 2 usage or config error.')
    .action(async (options: { config?: string; specs?: string }) => {
      const { buildIrOfFiles, hasErrors } = await import('../generator/ir/build-ir.js');
      const { generateSettingsOf } = await import('./generate-settings.js');
      const ir = buildIrOfFiles(await generateSettingsOf(options));
      process.stdout.write(JSON.stringify(ir, null, 2) + '\n');
      process.exitCode = hasErrors(ir) ? ExitCode.Failure : ExitCode.Ok;
    });
}
