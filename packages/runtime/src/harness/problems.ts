import type { z } from 'zod';

/** One structural problem: `path` is a field path such as `cases[2].expected.mustInclude[0]`. */
export interface Problem {
  path: string;
  message: string;
}

/**
 * Thrown for invalid harness input (a suite or a run input that does not parse, an unknown case
 * id). The CLI maps it to exit code 2 and prints every problem as `path: message`.
 */
export class HarnessInputError extends Error {
  readonly problems: readonly Problem[];

  constructor(problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'HarnessInputError';
    this.problems = problems;
  }
}

/** `{path: 'a[0]', message: 'expected string'}` -> `a[0]: expected string`. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: ${problem.message}`;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * A field path as text: `['cases', 2, 'expected']` -> `cases[2].expected`; keys that are not
 * identifiers are quoted (`env["A B"]`); the empty path is `(root)`.
 */
export function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (typeof segment === 'string' && IDENTIFIER.test(segment)) {
      text += text.length === 0 ? segment : `.${segment}`;
    } else text += `[${JSON.stringify(String(segment))}]`;
  }
  return text.length === 0 ? '(root)' : text;
}

const TYPE_NAMES: Readonly<Record<string, string>> = { int: 'integer', record: 'object' };

/**
 * The problems of a failed zod parse, in zod's issue order. Parse with `{ reportInput: true }` so a
 * missing field reads `required` rather than `expected string`. Unknown keys give one problem per
 * key, at the key's own path.
 */
export function problemsOfZodError(error: z.ZodError): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        problems.push({ path: formatPath([...issue.path, key]), message: 'unknown field' });
      }
    } else if (isMissing(issue)) {
      problems.push({ path: formatPath(issue.path), message: 'required' });
    } else if (issue.code === 'invalid_type') {
      const message = `expected ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
      problems.push({ path: formatPath(issue.path), message });
    } else if (issue.code === 'invalid_key') {
      const inner = issue.issues[0]?.message ?? issue.message;
      problems.push({ path: formatPath(issue.path), message: `invalid key: ${inner}` });
    } else {
      problems.push({ path: formatPath(issue.path), message: issue.message });
    }
  }
  return problems;
}

function isMissing(issue: z.core.$ZodIssue): boolean {
  return (
    (issue.code === 'invalid_type' || issue.code === 'invalid_value') &&
    'input' in issue &&
    issue.input === undefined
  );
}
