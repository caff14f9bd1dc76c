/**
 * The programmatic API of the generator: read contract specs into the validated IR
 * (`buildIr`), emit every surface from it (`emitAll`), and the config file helper
 * (`defineConfig`) that `contracts.config.mjs` files export their settings through.
 */
export { buildIr, finishIr, hasErrors, type BuildIrOptions } from './generator/ir/build-ir.js';
export { emitAll } from './generator/emit-all.js';
export { defineConfig, type ContractsConfig } from './generator/config/config-schema.js';
export type { Ir } from './generator/ir/ir-schema.js';
export type { OutputFile } from './generator/emit/output-file.js';
