import { Command } from 'commander';
import { CliError, ExitCode } from './exit-codes.js';

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
      const { resolveGenerateSettings } = await import('../generator/config/resolve-settings.js');
      const { ConfigError } = await import('../generator/config/config-error.js');
      const settings = await resolveGenerateSettings(process.cwd(), options).catch(
        (error: unknown) => {
          if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.Usage);
          throw error;
        },
      );
      const ir = buildIrOfFiles({
        files: settings.specFiles,
        rootDir: settings.rootDir,
        origin: settings.specsLabel,
      });
      process.stdout.write(JSON.stringify(ir, null, 2) + '\n');
      process.exitCode = hasErrors(ir) ? ExitCode.Failure : ExitCode.Ok;
    });
}
