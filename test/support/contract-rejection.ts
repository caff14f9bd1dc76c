import { isContractError, type ContractError } from '../../packages/runtime/src/errors.js';

/**
 * The ContractError `call` rejects with.
 * @throws the rejection itself when it is another error, and an Error when `call` resolves.
 */
export async function contractRejection(call: Promise<unknown>): Promise<ContractError> {
  try {
    await call;
  } catch (error) {
    if (isContractError(error)) return error;
    throw error;
  }
  throw new Error('expected a ContractError');
}

/** The code, message and details of the ContractError `call` rejects with (see contractRejection). */
export async function problemOf(
  call: Promise<unknown>,
): Promise<{ code: string; message: string; details: unknown }> {
  const error = await contractRejection(call);
  return { code: error.code, message: error.message, details: error.details };
}
