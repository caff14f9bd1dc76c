import { isContractError } from '../../packages/runtime/src/errors.js';

/** A rejected call's problem answer as plain data, for exact comparison. */
export interface Problem {
  code: string;
  status: number;
  message: string;
  details: unknown;
}

/**
 * Awaits `promise` and returns its ContractError as a {@link Problem}.
 * @throws Error when it resolves, or rejects with something that is not a ContractError.
 */
export async function problemOf(promise: Promise<unknown>): Promise<Problem> {
  try {
    await promise;
  } catch (error) {
    if (!isContractError(error)) throw error;
    return {
      code: error.code,
      status: error.status,
      message: error.message,
      details: error.details,
    };
  }
  throw new Error('expected the call to reject');
}
