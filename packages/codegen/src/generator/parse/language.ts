import { StabilityEnum, TagsEnum } from '../../language/enums.js';
import { SCALARS, type ScalarName, type SpecKind } from '../ir/ir-schema.js';

/**
 * The contract language as the parser knows it: recognised by name, whatever module it is imported
 * from (shared/design.md, "Static evaluation, not execution"), so the language's own files are never
 * evaluated. The member tables are the language's own (specs/language/enums.ts), imported as data.
 */

/** What a `define*` callee declares: the IR `kind`, plus `operationKind` for operations. */
export interface DefineCallee {
  readonly kind: SpecKind;
  readonly operationKind?: 'command' | 'query';
}

/** The spec-declaring callees. File names never decide a kind. */
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

/** `StabilityEnum` of the language: member name -> value. */
export const STABILITY_MEMBERS: Readonly<Record<string, string>> = StabilityEnum;

/** `TagsEnum` of the language: member name -> value. */
export const TAGS_MEMBERS: Readonly<Record<string, string>> = TagsEnum;

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
