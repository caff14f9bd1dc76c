/**
 * The programmatic API of the generator, the same steps `contracts generate` takes: resolve the
 * settings (`resolveGenerateSettings`: flags > config file > defaults), read the specs into the
 * validated IR (`buildIrOfFiles`, or `buildIr` over one folder), and emit every enabled surface
 * (`emitAll(ir, createEmitters(settings.emitters))`). `defineConfig` types a
 * `contracts.config.mjs`.
 */
export { defineConfig, type ContractsConfig } from './generator/config/config-schema.js';
export { ConfigError } from './generator/config/config-error.js';
export {
  resolveGenerateSettings,
  type GenerateFlags,
  type GenerateSettings,
} from './generator/config/resolve-settings.js';
export { createEmitters, type EmitterSettings } from './generator/emit/all-emitters.js';
export type { OutputFile } from './generator/emit/output-file.js';
export { emitAll } from './generator/emit-all.js';
export {
  buildIr,
  buildIrOfFiles,
  finishIr,
  hasErrors,
  type BuildIrOfFilesOptions,
  type BuildIrOptions,
} from './generator/ir/build-ir.js';
export type { Ir } from './generator/ir/ir-schema.js';
