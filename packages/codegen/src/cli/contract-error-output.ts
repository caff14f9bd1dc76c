import {
  type ContractError,
  isContractError,
  type ValidationIssue,
} from 'contracts-runtime/errors';
import { ExitCode } from './exit-codes.js';

/** A ContractError as JSON: `{error: {code, status, message, details}}` (`details` null if none). */
export function contractErrorJson(error: ContractError): string {
  const { code, status, message } = error;
  return `${JSON.stringify({ error: { code, status, message, details: error.details ?? null } }, null, 2)}\n`;
}

/**
 * Exit code of a failed call: 2 when the caller's input is at fault (VALIDATION_FAILED, and the
 * operation's declared 400 errors such as SCENARIO_OR_SUITE_REQUIRED), else 1.
 */
export function exitCodeOfError(error: unknown): number {
  return isContractError(error) && error.status === 400 ? ExitCode.Usage : ExitCode.Failure;
}

/** The issues of a VALIDATION_FAILED error; `[]` for any other error. */
export function issuesOf(error: unknown): ValidationIssue[] {
  if (!isContractError(error) || error.code !== 'VALIDATION_FAILED') return [];
  return Array.isArray(error.details) ? (error.details as ValidationIssue[]) : [];
}
