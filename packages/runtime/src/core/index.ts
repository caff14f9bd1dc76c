/**
 * The bottom module that both the runtime and the generator build on: deterministic ordering,
 * the HTTP path of an operation, the standard error table, "did you mean" hints, whether a
 * process still runs, making folders and ECMAScript's white space. It imports nothing but Node's
 * globals and built-in modules.
 */
export { compareCodeUnits } from './code-units.js';
export { nearestName, unknownNameHint } from './did-you-mean.js';
export { compareSemver } from './semver-order.js';
export { operationMethods, operationPath, type RouteMethod } from './operation-path.js';
export { isProcessAlive } from './process-alive.js';
export { makeFolders, makeFoldersSync } from './make-folders.js';
export { isWhitespace } from './whitespace.js';
export {
  HTTP_ERRORS,
  STANDARD_ERRORS,
  type HttpErrorCode,
  type StandardErrorCode,
} from './standard-errors.js';
