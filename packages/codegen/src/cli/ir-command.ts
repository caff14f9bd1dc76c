import { Command } from 'commander';
import { ExitCode } from './exit-codes.js';
import { resolveSpecsDir } from './specs-dir.js';

/**
 * `contracts ir [--specs DIR]`: prints `{ specs, models, enums, diagnostics }` as JSON on stdout;
 * exits 1 when a diagnostic is an error (issue #2, part 5).
 */
export function irCommand(): Command {
  return new Command('ir')
    .description('Print the validated intermediate representation of the specs as JSON')
    .option('--specs <dir>', 'folder of contract specs', 'specs')
    .action(async (options: { specs: string }) => {
      const { buildIr, hasErrors } = await import('../generator/ir/build-ir.js');
      const rootDir = process.cwd();
      const ir = buildIr({ specsDir: resolveSpecsDir(rootDir, options.specs), rootDir });
      process.stdout.write(JSON.stringify(ir, null, 2) + '\n');
      process.exitCode = hasErrors(ir) ? ExitCode.Failure : ExitCode.Ok;
    });
}
