import { SCALARS, type ScalarName, type SpecKind } from '../ir/ir-schema.js';

/**
 * The contract language as the parser knows it: recognised by name, whatever module it is imported
 * from (shared/design.md, "Static evaluation, not execution"), so the language's own files are never
 * evaluated. The member tables mirror specs/language/enums.ts; test/parse/language.test.ts fails if
 * they drift apart.
 */

/** What a `define*` callee declares: the IR `kind`, plus `operationKind` for operations. */
export interface DefineCallee {
  readonly kind: SpecKind;
  readonly operationKind?: 'command' | 'query';
}

/** The spec-declaring callees (issue #2, "The contract language"). File names never decide a kind. */
export const DEFINE_CALLEES: ReadonlyMap<string, DefineCallee> = new Map<string, DefineCallee>([
  ['defineCommand', { kind: 'operation', operationKind: 'command' }],
  ['defineQuery', { kind: 'operation', operationKind: 'query' }],
  ['defineEvent', { kind: 'event' }],
  ['defineCapability', { kind: 'capability' }],
  ['defineFeature', { kind: 'feature' }],
  ['definePresentation', { kind: 'presentation' }],
  ['defineDataView', { kind: 'dataView' }],
  ['defineFormSpec', { kind: 'form' }],
]);

/** `StabilityEnum` of specs/language/enums.ts: member name -> value. */
export const STABILITY_MEMBERS: Readonly<Record<string, string>> = {
  Idea: 'idea',
  InCreation: 'in_creation',
  Experimental: 'experimental',
  Beta: 'beta',
  Stable: 'stable',
  Deprecated: 'deprecated',
};

/** `TagsEnum` of specs/language/enums.ts: member name -> value. */
export const TAGS_MEMBERS: Readonly<Record<string, string>> = {
  Automation: 'automation',
  Ai: 'ai',
  Auth: 'auth',
  Billing: 'billing',
  Docs: 'docs',
  Observability: 'observability',
};

/** Language objects usable as values (`TagsEnum.Automation`, `StabilityEnum['Beta']`). */
export const LANGUAGE_TABLES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([
  ['StabilityEnum', STABILITY_MEMBERS],
  ['TagsEnum', TAGS_MEMBERS],
]);

/** Language names that only make sense as callees (`ScalarTypeEnum.ID()`, `new SchemaModel(...)`). */
export const LANGUAGE_CALLABLES: ReadonlySet<string> = new Set([
  ...DEFINE_CALLEES.keys(),
  'ScalarTypeEnum',
  'SchemaModel',
  'defineEnum',
  'docId',
]);

/** The twenty scalars (shared/contracts-catalog.md, "Scalars (all twenty)"). */
export function isScalarName(name: string): name is ScalarName {
  return (SCALARS as readonly string[]).includes(name);
}
