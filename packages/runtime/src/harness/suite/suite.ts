import { z } from 'zod';

import { HarnessInputError, problemsOfZodError } from '../problems.js';

/**
 * The harness suite format (RAGit's `harness run`). `schemas/harness-suite.schema.json` is the same format as JSON Schema draft 2020-12; a
 * test shows both accept and reject the same documents, so change them together.
 */

/** Ids name cases and resources in check names, step keys and evidence ids: no spaces or slashes. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const ID_MESSAGE =
  'must start with a letter or digit and hold only letters, digits, ".", "_", ":", "-"';

const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .regex(ID_PATTERN, ID_MESSAGE);

/** An empty needle would match (or forbid) everything, so it is refused as a likely mistake. */
const needlesSchema = z.array(z.string().min(1, 'must not be empty'));

/**
 * The six rule fields of RAGit's `harness run`. All optional; a rule-bearing resource that a case references must
 * carry at least one (checked by `verifySuite`). Unknown fields are errors, so a typo such as
 * `mustIncludes` never silently passes.
 */
export const ruleSetSchema = z
  .strictObject({
    exitCode: z.number().int(),
    mustInclude: needlesSchema,
    mustNotInclude: needlesSchema,
    stderrMustInclude: needlesSchema,
    stderrMustNotInclude: needlesSchema,
    jsonSubset: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown())], {
      error: 'expected object or array',
    }),
  })
  .partial();

/** The rule field names in the fixed order checks are built in. */
export const RULE_NAMES = [
  'exitCode',
  'mustInclude',
  'mustNotInclude',
  'stderrMustInclude',
  'stderrMustNotInclude',
  'jsonSubset',
] as const;

/** One rule field name. */
export type RuleName = (typeof RULE_NAMES)[number];

/** A rule-bearing resource: oracle, checker, rubric or golden. */
export const ruleResourceSchema = z.strictObject({
  id: idSchema,
  title: z.string().optional(),
  description: z.string().optional(),
  rules: ruleSetSchema.optional(),
});

/** A support resource (fixture, trace, envAssumption): an id plus any JSON, never evaluated. */
export const supportResourceSchema = z.looseObject({ id: idSchema });

/**
 * One case: its input goes to the executor on stdin; `expected` is its own rule set. Only `id` is
 * required, as in RAGit's `harness run`: `title` defaults to the id and `input` to `{}`, so the
 * parsed case always has both.
 */
export const caseSchema = z
  .strictObject({
    id: idSchema,
    title: z.string().optional(),
    input: z.unknown().optional(),
    expected: ruleSetSchema.optional(),
    oracleRefs: z.array(idSchema).optional(),
    resourceRefs: z.array(idSchema).optional(),
  })
  .transform(({ title, input, ...rest }) => ({
    ...rest,
    title: title ?? rest.id,
    input: input === undefined ? ({} as unknown) : input,
  }));

/**
 * The whole suite document. `id` and `cases` are required (the id names the run's scenario and
 * every check; cases are what runs); `title` defaults to the id. Resource collections are optional
 * and mean "none".
 */
export const suiteSchema = z
  .strictObject({
    $schema: z.string().optional(),
    id: idSchema,
    title: z.string().optional(),
    description: z.string().optional(),
    cases: z.array(caseSchema),
    oracles: z.array(ruleResourceSchema).optional(),
    checkers: z.array(ruleResourceSchema).optional(),
    rubrics: z.array(ruleResourceSchema).optional(),
    goldens: z.array(ruleResourceSchema).optional(),
    fixtures: z.array(supportResourceSchema).optional(),
    traces: z.array(supportResourceSchema).optional(),
    envAssumptions: z.array(supportResourceSchema).optional(),
  })
  .transform(({ title, ...rest }) => ({ ...rest, title: title ?? rest.id }));

/** A rule set: `{exitCode?, mustInclude?, mustNotInclude?, stderrMustInclude?, stderrMustNotInclude?, jsonSubset?}`. */
export type RuleSet = z.infer<typeof ruleSetSchema>;
/** A rule-bearing resource `{id, title?, description?, rules?}`. */
export type RuleResource = z.infer<typeof ruleResourceSchema>;
/** A support resource `{id, ...any}`. */
export type SupportResource = z.infer<typeof supportResourceSchema>;
/** A parsed suite case `{id, title, input, expected?, oracleRefs?, resourceRefs?}` (defaults applied). */
export type SuiteCase = z.infer<typeof caseSchema>;
/** A parsed suite (its title defaulted to its id). */
export type Suite = z.infer<typeof suiteSchema>;

/** The rule-bearing collections, with the source name their checks carry (`oracle.<id>.<rule>`). */
export const RULE_COLLECTIONS = [
  ['oracles', 'oracle'],
  ['checkers', 'checker'],
  ['rubrics', 'rubric'],
  ['goldens', 'golden'],
] as const;

/** The support collections, with a singular name for messages. */
export const SUPPORT_COLLECTIONS = [
  ['fixtures', 'fixture'],
  ['traces', 'trace'],
  ['envAssumptions', 'envAssumption'],
] as const;

/** A rule-bearing collection key. */
export type RuleCollection = (typeof RULE_COLLECTIONS)[number][0];
/** A support collection key. */
export type SupportCollection = (typeof SUPPORT_COLLECTIONS)[number][0];

/**
 * Parses a suite document. Throws `HarnessInputError` whose problems name each field path, e.g.
 * `cases[2].expected.mustInclude[0]: expected string`.
 */
export function parseSuite(value: unknown): Suite {
  const result = suiteSchema.safeParse(value, { reportInput: true });
  if (!result.success) throw new HarnessInputError(problemsOfZodError(result.error));
  return result.data;
}
