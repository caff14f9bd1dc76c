import { OwnersEnum, StabilityEnum, TagsEnum } from '../../language/enums.js';
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

/**
 * Typed spec literals (`export const X: PresentationSpec = {...}`): the published type names
 * (contracts-spec `operations/operation.ts`, `events.ts`, `capabilities/capabilities.ts`,
 * `features/types.ts`, `presentations/presentations.ts`, `data-views/spec.ts`, `forms/forms.ts`)
 * and their kinds. An operation literal names its kind in `meta.kind`.
 */
export const SPEC_TYPE_NAMES: ReadonlyMap<string, DefineCallee> = new Map<string, DefineCallee>([
  ['OperationSpec', { kind: 'operation' }],
  ['AnyOperationSpec', { kind: 'operation' }],
  ['EventSpec', { kind: 'event' }],
  ['AnyEventSpec', { kind: 'event' }],
  ['CapabilitySpec', { kind: 'capability' }],
  ['FeatureModuleSpec', { kind: 'feature' }],
  ['FeatureSpec', { kind: 'feature' }],
  ['PresentationSpec', { kind: 'presentation' }],
  ['DataViewSpec', { kind: 'dataView' }],
  ['FormSpec', { kind: 'form' }],
]);

/**
 * Calls of the language that declare no spec: schema models, enums, doc ids, zod-backed types,
 * form layout helpers. Anything else named `define*` is a kind of the published language this
 * generator does not read.
 */
export const NON_SPEC_DEFINES: ReadonlySet<string> = new Set(['defineEnum', 'defineSchemaModel']);

/** The language's doc id functions: `docId(id)` and its published alias `docRef(id)` (`docs/registry.ts`). */
export const DOC_ID_CALLEES: ReadonlySet<string> = new Set(['docId', 'docRef']);

/** `StabilityEnum` of the language: member name -> value. */
export const STABILITY_MEMBERS: Readonly<Record<string, string>> = StabilityEnum;

/** `TagsEnum` of the language: member name -> value. */
export const TAGS_MEMBERS: Readonly<Record<string, string>> = TagsEnum;

/** Language objects usable as values (`TagsEnum.Automation`, `StabilityEnum['Beta']`). */
export const LANGUAGE_TABLES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map([
  ['StabilityEnum', STABILITY_MEMBERS],
  ['TagsEnum', TAGS_MEMBERS],
  ['OwnersEnum', OwnersEnum],
]);

/** Language names that only make sense as callees (`ScalarTypeEnum.ID()`, `new SchemaModel(...)`). */
export const LANGUAGE_CALLABLES: ReadonlySet<string> = new Set([
  ...DEFINE_CALLEES.keys(),
  ...NON_SPEC_DEFINES,
  ...DOC_ID_CALLEES,
  'ScalarTypeEnum',
  'SchemaModel',
  'fromZod',
  'ZodSchemaType',
]);

/** The twenty scalars (shared/contracts-catalog.md, "Scalars (all twenty)"). */
export function isScalarName(name: string): name is ScalarName {
  return (SCALARS as readonly string[]).includes(name);
}
