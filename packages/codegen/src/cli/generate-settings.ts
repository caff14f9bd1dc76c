import { ConfigError } from '../generator/config/config-error.js';
import {
  resolveGenerateSettings,
  type GenerateFlags,
  type GenerateSettings,
} from '../generator/config/resolve-settings.js';
import { CliError, ExitCode } from './exit-codes.js';

/**
 * The settings of `generate` and `ir` for the current folder and `flags`.
 * @throws CliError (exit 2) for a config error: an unreadable or invalid config file, a missing
 *   `--specs` folder, a surface turned off that another imports.
 */
export async function generateSettingsOf(flags: GenerateFlags): Promise<GenerateSettings> {
  try {
    return await resolveGenerateSettings(process.cwd(), flags);
  } catch (error) {
    if (error instanceof ConfigError) throw new CliError(error.message, ExitCode.Usage);
    throw error;
  }
}
