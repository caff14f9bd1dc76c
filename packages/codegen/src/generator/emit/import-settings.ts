import { posix } from 'node:path';
import type { ImportCandidate } from './import-printer.js';

/** The runtime modules generated code imports, each an entry point of the runtime package. */
export type RuntimeEntry = 'errors' | 'events' | 'router' | 'transport' | 'wire-formats';

/**
 * Where generated code finds the runtime: a package specifier (imported as `<specifier>/<entry>`),
 * or a folder holding the runtime's entry modules as files (`errors.ts`, `router.ts`, …), given as
 * a POSIX path relative to the output folder.
 */
export type RuntimeLocation =
  | { readonly kind: 'package'; readonly specifier: string }
  | { readonly kind: 'folder'; readonly fromOut: string };

/**
 * How generated files spell their imports: the runtime's location, and the extension of relative
 * imports, `.js` for `moduleResolution` NodeNext/Node16 (the default) or `''` for `bundler`.
 * Package entry points never take an extension.
 */
export interface ImportSettings {
  readonly runtime: RuntimeLocation;
  readonly importExtension: '.js' | '';
}

/** The package name of the runtime, which generated code imports by default. */
export const RUNTIME_PACKAGE = 'contracts-runtime';

/** The default: the runtime by package name, relative imports ending in `.js`. */
export const DEFAULT_IMPORT_SETTINGS: ImportSettings = {
  runtime: { kind: 'package', specifier: RUNTIME_PACKAGE },
  importExtension: '.js',
};

/**
 * The specifier a file in `<out>/<fileDir>` imports runtime `entry` with:
 * `contracts-runtime/router`, or `../../router.js` for the folder `..`.
 */
export function runtimeSpecifier(
  settings: ImportSettings,
  entry: RuntimeEntry,
  fileDir: string,
): string {
  if (settings.runtime.kind === 'package') return `${settings.runtime.specifier}/${entry}`;
  const up = fileDir
    .split('/')
    .filter((segment) => segment !== '' && segment !== '.')
    .map(() => '..');
  const target = posix.join(...up, settings.runtime.fromOut, `${entry}${settings.importExtension}`);
  return relativeSpecifier(target);
}

/**
 * The specifier of the generated module `<out>/<path>` (no extension) from a file in
 * `<out>/<fileDir>`: `./types.js`, `../agent/events.js`, or the same without the extension.
 */
export function generatedSpecifier(
  settings: ImportSettings,
  path: string,
  fileDir: string,
): string {
  return relativeSpecifier(posix.relative(fileDir, path) + settings.importExtension);
}

function relativeSpecifier(path: string): string {
  return path.startsWith('../') ? path : `./${path}`;
}

/**
 * A namespace import of the generated module `<out>/<module>` (no extension) as `alias`, for a
 * file in `<out>/<fileDir>`: `import type * as types from './types.js'` when `typeOnly`.
 */
export function generatedNamespace(
  settings: ImportSettings,
  alias: string,
  module: string,
  fileDir: string,
  typeOnly: boolean,
): ImportCandidate {
  return {
    name: alias,
    specifier: generatedSpecifier(settings, module, fileDir),
    typeOnly,
    namespace: true,
  };
}
