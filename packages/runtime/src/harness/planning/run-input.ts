import { z } from 'zod';

import { HarnessInputError, problemsOfZodError } from '../problems.js';

// C0 controls and DEL; C1 controls (U+0080-U+009F) too, since terminals act on them.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_MESSAGE = 'control characters are not allowed';

/** A string without control characters. */
export const plainString = z
  .string()
  .refine((text) => !CONTROL_CHARACTERS.test(text), CONTROL_MESSAGE);
/** A non-empty {@link plainString}. */
export const nonEmptyPlainString = plainString.refine(
  (text) => text.length > 0,
  'must not be empty',
);

/** True when `text` holds a C0/C1 control character or DEL. */
export function hasControlCharacters(text: string): boolean {
  return CONTROL_CHARACTERS.test(text);
}

export { DEFAULT_TIMEOUT_MS } from '../../process/run-command.js';

/**
 * The fields of the command executor of RAGit's `harness run`: `argv` runs without a shell for
 * every case; `cwd` is resolved against the caller's base directory; `env` is added to the child's
 * clean environment (runtime/process/child-env.ts); `timeoutMs` is per case, in milliseconds
 * (default 60000, at most 24 h).
 */
export const commandExecutorFields = {
  argv: z
    .array(plainString)
    .min(1, 'must hold at least the program')
    .refine((argv) => argv.length === 0 || argv[0] !== '', {
      message: 'the program must not be empty',
      path: [0],
    }),
  cwd: nonEmptyPlainString.optional(),
  env: z
    .record(
      nonEmptyPlainString.refine((key) => !key.includes('='), 'must not contain "="'),
      plainString,
    )
    .optional(),
  timeoutMs: z
    .number()
    .int()
    .min(1, 'must be >= 1')
    .max(86_400_000, 'must be <= 86400000 (24 h)')
    .optional(),
};

/** An inline command executor: `{kind: 'command', argv, cwd?, env?, timeoutMs?}`. */
export const commandExecutorSchema = z.strictObject({
  kind: z.literal('command', { error: 'expected "command" (the only executor kind of v1)' }),
  ...commandExecutorFields,
});

/** A named executor: `executors/<name>.json` of the runtime (see executor-catalog.ts). */
export const executorNameSchema = nonEmptyPlainString;

/**
 * The input of `contracts harness run` (RAGit's `harness run`):
 * `{ suiteRef, executor, cases?: string[], concurrency?: int >= 1 }`, where `executor` is an inline
 * command executor. Unknown fields are refused.
 */
export const runInputSchema = z.strictObject({
  suiteRef: nonEmptyPlainString,
  executor: commandExecutorSchema,
  cases: z.array(nonEmptyPlainString).min(1, 'must select at least one case').optional(),
  concurrency: z.number().int().min(1, 'must be >= 1').max(256, 'must be <= 256').optional(),
});

/** {@link runInputSchema} whose `executor` names one of the runtime's executors instead. */
export const namedRunInputSchema = runInputSchema.extend({ executor: executorNameSchema });

/** The command executor `{kind: 'command', argv, cwd?, env?, timeoutMs?}`. */
export type CommandExecutorSpec = z.infer<typeof commandExecutorSchema>;
/** A parsed run input; `executor` is inline, or the name of a defined executor. */
export type RunInput = z.infer<typeof runInputSchema> | z.infer<typeof namedRunInputSchema>;

/** True when `value` is an object whose `executor` is a string (a name). */
export function namesItsExecutor(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { executor?: unknown }).executor === 'string'
  );
}

/**
 * Parses a run input. Throws `HarnessInputError` naming each bad field, e.g.
 * `executor.argv[1]: control characters are not allowed`.
 */
export function parseRunInput(value: unknown): RunInput {
  const schema = namesItsExecutor(value) ? namedRunInputSchema : runInputSchema;
  const result = schema.safeParse(value, { reportInput: true });
  if (!result.success) throw new HarnessInputError(problemsOfZodError(result.error));
  return result.data;
}
