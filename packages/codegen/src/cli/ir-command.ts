import { Command } from './commander.js';
import { ExitCode } from './exit-codes.js';

/**
 * `contracts ir [--config FILE] [--specs DIR|GLOB]`: prints `{ specs, models, enums, diagnostics }`
 * as JSON on stdout and every diagnostic as text on stderr; exits 1 when a diagnostic is an error. The specs are chosen as `generate`
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
    .addHelpText(
      'after',
      `
The IR goes to stdout; every diagnostic is also printed on stderr as text
(path:line:column - error CODE: message), so a failing run always says why.

Examples:
  $ npx contracts ir > ir.json
  $ npx contracts ir --specs contracts/todo

Exit codes: 0 ok, 1 error diagnostics, 2 usage or config error.`,
    )
    .action(async (options: { config?: string; specs?: string }) => {
      const { buildIrOfFiles, hasErrors } = await import('../generator/ir/build-ir.js');
      const { formatDiagnostic, summarizeDiagnostics } =
        await import('../generator/format-diagnostics.js');
      const { generateSettingsOf } = await import('./generate-settings.js');
      const settings = await generateSettingsOf(options);
      const ir = buildIrOfFiles(settings);
      process.stdout.write(JSON.stringify(ir, null, 2) + '\n');
      const color = process.stderr.isTTY === true;
      for (const diagnostic of ir.diagnostics) {
        process.stderr.write(formatDiagnostic(diagnostic, settings.rootDir, color));
      }
      if (hasErrors(ir))
        process.stderr.write(`contracts: ${summarizeDiagnostics(ir.diagnostics)}\n`);
      process.exitCode = hasErrors(ir) ? ExitCode.Failure : ExitCode.Ok;
    });
}
