/**
 * The bottom module that both the runtime and the generator build on: deterministic ordering,
 * the HTTP path of an operation and the standard error table. It imports nothing else.
 */
export { compareCodeUnits } from './code-units.js';
export { compareSemver } from './semver-order.js';
export { operationMethods, operationPath, type RouteMethod } from './operation-path.js';
export {
  HTTP_ERRORS,
  STANDARD_ERRORS,
  type HttpErrorCode,
  type StandardErrorCode,
} from './standard-errors.js';
