import type { ErrorDef } from '../ir/ir-schema.js';

/** The status the runtime router gives a failure no error declares: INTERNAL, 500 (runtime/router.ts). */
export const UNDECLARED_ERROR_STATUS = 500;

/**
 * The HTTP status a declared error is answered with: its `http`, else the published failure
 * `status` when it is an HTTP error status (400..599), else {@link UNDECLARED_ERROR_STATUS}. In the
 * published language (contracts-spec `operations/operation.ts`) `http` is optional.
 */
export function errorHttpStatus(error: ErrorDef): number {
  if (error.http !== undefined) return error.http;
  const status = error.data?.['status'];
  if (typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599)
    return status;
  return UNDECLARED_ERROR_STATUS;
}
