export * from './enums.js';
export * from './meta.js';
export * from './scalars.js';
export * from './schema-model.js';
export * from './specs.js';
