import { ContractError, type ValidationIssue } from '../errors.js';

/** Page size of agent.status and agent.artifacts when the input gives no `limit`. */
export const DEFAULT_PAGE_LIMIT = 50;

/** One page of a listing: `total` counts every match; `nextOffset` only when more follow. */
export interface Page<T> {
  readonly items: T[];
  readonly total: number;
  readonly nextOffset?: number;
}

/**
 * Slices `items` with `offset` (default 0) and `limit` (default {@link DEFAULT_PAGE_LIMIT})
 *. An offset at or past the end gives
 * an empty page without `nextOffset`; `limit` 0 gives an empty page with `total` and no
 * `nextOffset` (a count-only request; a `nextOffset` equal to `offset` would loop a pager forever).
 * @throws ContractError VALIDATION_FAILED (details at `input.limit` / `input.offset`) for a
 *   negative value.
 */
export function paginate<T>(items: readonly T[], limit?: number, offset?: number): Page<T> {
  const issues: ValidationIssue[] = [];
  if (limit !== undefined && limit < 0)
    issues.push({ path: 'input.limit', message: 'must be >= 0' });
  if (offset !== undefined && offset < 0)
    issues.push({ path: 'input.offset', message: 'must be >= 0' });
  if (issues.length > 0) {
    throw new ContractError(
      'VALIDATION_FAILED',
      issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '),
      { details: issues },
    );
  }
  const start = offset ?? 0;
  const end = start + (limit ?? DEFAULT_PAGE_LIMIT);
  const page = items.slice(start, end);
  return end < items.length && end > start
    ? { items: page, total: items.length, nextOffset: end }
    : { items: page, total: items.length };
}
