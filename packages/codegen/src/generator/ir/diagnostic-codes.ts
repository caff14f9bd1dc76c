/**
 * Every diagnostic code the parser and the validator can report. Errors fail `generate`; warnings
 * and infos are printed and do not.
 */
export const DiagnosticCode = {
  /** The spec folder holds no spec file. */
  NoSpecs: 'NO_SPECS',
  /** TypeScript could not parse the file. */
  SyntaxError: 'SYNTAX_ERROR',
  /** An identifier is not bound to a const in the file, a relative import or a barrel. */
  UnresolvedIdentifier: 'UNRESOLVED_IDENTIFIER',
  /** An expression the static evaluator does not handle (a call, an operator, ...). */
  UnsupportedExpression: 'UNSUPPORTED_EXPRESSION',
  /** A define* argument has the wrong shape (missing object, wrong value type). */
  InvalidSpecShape: 'INVALID_SPEC_SHAPE',
  /** Two specs share `key@version`. */
  DuplicateSpec: 'DUPLICATE_SPEC',
  /** Two schema models (or enums) share a name with different definitions. */
  DuplicateModel: 'DUPLICATE_MODEL',
  /** `ScalarTypeEnum.X()` where X is not one of the twenty scalars. */
  UnknownScalar: 'UNKNOWN_SCALAR',
  /** `version` is not `MAJOR.MINOR.PATCH` semver. */
  InvalidSemver: 'INVALID_SEMVER',
  /** A required meta field is missing or empty. */
  MissingMetaField: 'MISSING_META_FIELD',
  /** A reference (capability, emits, provides, data-view source, form action, feature list) names no spec. */
  UnresolvedReference: 'UNRESOLVED_REFERENCE',
  /** A const refers to itself through other consts or imports (no infinite loop, a diagnostic). */
  CircularReference: 'CIRCULAR_REFERENCE',
  /** An operation's io, an event payload, a form model or a model field names no schema model or enum. */
  UnknownModel: 'UNKNOWN_MODEL',
  /** Warning: an operation or event is not listed in its capability's `provides`. */
  NotProvidedByCapability: 'NOT_PROVIDED_BY_CAPABILITY',
  /** Warning: an event that no capability provides. */
  EventWithoutCapability: 'EVENT_WITHOUT_CAPABILITY',
  /** Info: a construct of the published language the generator does not read (`not read: ...`). */
  NotRead: 'NOT_READ',
  /** Info: a reference to a spec that failed to parse; the parse failure is the root cause. */
  ReferenceToFailedSpec: 'REFERENCE_TO_FAILED_SPEC',
  /** A `TagsEnum` / `StabilityEnum` / `OwnersEnum` member the enum does not declare. */
  UnknownEnumMember: 'UNKNOWN_ENUM_MEMBER',
  /** A zod expression outside the statically mapped subset. */
  UnsupportedZod: 'UNSUPPORTED_ZOD',
} as const;

export type DiagnosticCodeValue = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];
