import { ContractError } from '../errors.js';

/**
 * UNAUTHORIZED for a request that sent a bearer token the server does not accept: unknown, or
 * not a single token after `Bearer`. Its 401 answer's challenge carries `error="invalid_token"`
 * (RFC 6750 §3.1); any other UNAUTHORIZED (no credentials, another scheme, too low an actor)
 * gets the bare challenge.
 */
export class InvalidTokenError extends ContractError<'UNAUTHORIZED'> {
  constructor(message: string) {
    super('UNAUTHORIZED', message);
  }
}

/**
 * The `WWW-Authenticate` value every 401 answer carries (RFC 6750 §3, RFC 9110 §11.6.1):
 * `Bearer error="invalid_token"` for an {@link InvalidTokenError}, else `Bearer` (RFC 6750 §3.1:
 * no error code when the request carried no bearer token).
 */
export function bearerChallenge(error: ContractError): string {
  return error instanceof InvalidTokenError ? 'Bearer error="invalid_token"' : 'Bearer';
}
