import { z } from 'zod';
import { SCALAR_NAMES } from '../../language/scalars.js';

/**
 * The intermediate representation: plain JSON, one discriminated union of specs keyed on `kind`,
 * type references keyed on `type`, a source location on every node. The parser produces it, the
 * validator checks its cross-references, every emitter reads only it. Shapes follow the contract catalog
 * ("The IR") and shared/design.md ("Patterns from the anchors").
 */

/** Where a node was declared: `file` is POSIX and relative to the project root; line/column 1-based. */
export const SourceLocationSchema = z.strictObject({
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type SourceLocation = z.infer<typeof SourceLocationSchema>;

/**
 * A published field the IR keeps as plain data (no surface reads its structure): JSON, where a schema
 * model is `{ "$model": name }`, a scalar `{ "$scalar": name }`, an enum `{ "$enum": name }` and a
 * function (a callback such as `telemetry.success.properties`) `{ "$function": "not evaluated" }`.
 */
export type DataValue =
  null | boolean | number | string | DataValue[] | { [key: string]: DataValue };
export const DataValueSchema: z.ZodType<DataValue> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    z.string(),
    z.array(DataValueSchema),
    z.record(z.string(), DataValueSchema),
  ]),
);

/** Published fields kept as data, by field path relative to the node (`telemetry`, `view.columns`). */
export const DataFieldsSchema = z.record(z.string(), DataValueSchema);
export type DataFields = z.infer<typeof DataFieldsSchema>;

/** The twenty scalars, as the contract language declares them (specs/language/scalars.ts). */
export const SCALARS = SCALAR_NAMES;
export const ScalarNameSchema = z.enum(SCALARS);
export type ScalarName = z.infer<typeof ScalarNameSchema>;

/** A field's type: `{type:'scalar',name}`, `{type:'model',name}` or `{type:'enum',name}`. */
export const TypeRefSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('scalar'), name: ScalarNameSchema }),
  z.strictObject({ type: z.literal('model'), name: z.string() }),
  z.strictObject({ type: z.literal('enum'), name: z.string() }),
]);
export type TypeRef = z.infer<typeof TypeRefSchema>;

export const FieldSchema = z.strictObject({
  name: z.string(),
  type: TypeRefSchema,
  optional: z.boolean(),
  array: z.boolean(),
  /** zod-backed fields only: `.min(n)` / `.max(n)` bounds (length for strings and arrays). */
  constraints: z
    .strictObject({ min: z.number().optional(), max: z.number().optional() })
    .optional(),
});
export type Field = z.infer<typeof FieldSchema>;

/** A schema model; `name` is unique across the IR. Fields keep declaration order. */
export const ModelSchema = z.strictObject({
  kind: z.literal('model'),
  name: z.string(),
  description: z.string().optional(),
  fields: z.array(FieldSchema),
  source: SourceLocationSchema,
});
export type Model = z.infer<typeof ModelSchema>;

export const EnumSchema = z.strictObject({
  kind: z.literal('enum'),
  name: z.string(),
  values: z.array(z.string()),
  source: SourceLocationSchema,
});
export type EnumDef = z.infer<typeof EnumSchema>;

export const StabilitySchema = z.enum([
  'idea',
  'in_creation',
  'experimental',
  'beta',
  'stable',
  'deprecated',
]);
export type Stability = z.infer<typeof StabilitySchema>;

/**
 * A spec's resolved meta. The validator, not this schema, reports missing required fields, so that
 * a missing field becomes a located diagnostic; hence every field is optional here.
 */
export const MetaSchema = z.strictObject({
  key: z.string(),
  version: z.string(),
  title: z.string().optional(),
  description: z.string().optional(),
  goal: z.string().optional(),
  context: z.string().optional(),
  domain: z.string().optional(),
  owners: z.array(z.string()).optional(),
  tags: z.array(z.string()).optional(),
  stability: z.string().optional(),
  docId: z.array(z.string()).optional(),
  /** Capabilities only: `integration | data | ui | api | event`. */
  kind: z.string().optional(),
  /** Data views only. */
  entity: z.string().optional(),
});
export type Meta = z.infer<typeof MetaSchema>;

/** A reference to a spec by key and version, with where the reference was written. */
export const SpecRefSchema = z.strictObject({
  key: z.string(),
  version: z.string(),
  source: SourceLocationSchema,
});
export type SpecRef = z.infer<typeof SpecRefSchema>;

/**
 * `policy`. Beyond auth, pii and flags, operations of the published language
 * (contracts-spec `operations/operation.ts`) declare `policies` (refs to policy specs), `rateLimit`,
 * `escalate` and `idempotent`; the rest of an operation policy is kept in `data`.
 */
export const PolicySchema = z.strictObject({
  auth: z.enum(['anonymous', 'user', 'admin']).optional(),
  pii: z.array(z.string()),
  flags: z.array(z.string()),
  idempotent: z.boolean().optional(),
  rateLimit: z.strictObject({ rpm: z.number(), key: z.enum(['user', 'org', 'global']) }).optional(),
  escalate: z.enum(['human_review']).nullable().optional(),
  policies: z.array(SpecRefSchema).optional(),
  data: DataFieldsSchema.optional(),
});
export type Policy = z.infer<typeof PolicySchema>;

/**
 * A declared error. In the published language (`operations/operation.ts`, `results`) `http` and
 * `when` are optional; `gqlCode` is the suggested GraphQL error code; the failure fields of the
 * published results catalog (`status`, `title`, `type`, `category`, `severity`, `retryable`,
 * `retryAfter`, `args`) are kept as written.
 */
export const ErrorDefSchema = z.strictObject({
  code: z.string(),
  description: z.string(),
  http: z.number().int().optional(),
  when: z.string().optional(),
  gqlCode: z.string().optional(),
  data: DataFieldsSchema.optional(),
});
export type ErrorDef = z.infer<typeof ErrorDefSchema>;

/**
 * An emitted event. `inline` is set for an emit declared inline (`{ key, version, when, payload }`,
 * published `EmitDeclInline`): the parser also adds an event spec for it, with its payload model.
 */
export const EmitSchema = z.strictObject({
  key: z.string(),
  version: z.string(),
  when: z.string(),
  source: SourceLocationSchema,
  inline: z.boolean().optional(),
});
export type Emit = z.infer<typeof EmitSchema>;

const specBase = {
  key: z.string(),
  version: z.string(),
  meta: MetaSchema,
  /** The exported const that holds the spec, e.g. `HarnessRunStartCommand`. */
  exportName: z.string(),
  source: SourceLocationSchema,
  /** Published fields of the spec that no surface reads structurally, by field path. */
  data: DataFieldsSchema.optional(),
  /**
   * The spec's source, verbatim, for the docs' "Source Definition": the file's import declarations
   * (joined with newlines) and the text of the `export const X = define*(...)` statement.
   */
  sourceText: z.strictObject({ imports: z.string(), definition: z.string() }),
};

export const OperationSpecSchema = z.strictObject({
  kind: z.literal('operation'),
  operationKind: z.enum(['command', 'query']),
  ...specBase,
  capability: SpecRefSchema.optional(),
  /** Model names; `input` is null for an operation without input. */
  io: z.strictObject({
    input: z.string().nullable(),
    output: z.string(),
    errors: z.array(ErrorDefSchema),
    /** Published `io.params`, `io.query`, `io.headers`: model names. */
    params: z.string().optional(),
    query: z.string().optional(),
    headers: z.string().optional(),
  }),
  policy: PolicySchema,
  emits: z.array(EmitSchema),
  /** Published `sideEffects.analytics` and `sideEffects.audit`: intent names. */
  analytics: z.array(z.string()).optional(),
  audit: z.array(z.string()).optional(),
  transport: z
    .strictObject({
      rest: z
        .strictObject({ method: z.enum(['GET', 'POST']).optional(), path: z.string().optional() })
        .optional(),
      gql: z
        .strictObject({ field: z.string().optional(), returns: z.string().optional() })
        .optional(),
      mcp: z.strictObject({ toolName: z.string().optional() }).optional(),
    })
    .optional(),
  /** Published `acceptance`: Gherkin-lite scenarios and request/response examples. */
  acceptance: z
    .strictObject({
      scenarios: z.array(
        z.strictObject({
          key: z.string(),
          given: z.array(z.string()),
          when: z.array(z.string()),
          then: z.array(z.string()),
        }),
      ),
      examples: z.array(
        z.strictObject({ key: z.string(), input: DataValueSchema, output: DataValueSchema }),
      ),
    })
    .optional(),
});
export type OperationSpec = z.infer<typeof OperationSpecSchema>;

export const EventSpecSchema = z.strictObject({
  kind: z.literal('event'),
  ...specBase,
  capability: SpecRefSchema.optional(),
  pii: z.array(z.string()),
  /** Model name. */
  payload: z.string(),
});
export type EventSpec = z.infer<typeof EventSpecSchema>;

/**
 * What a capability provides. `workflow` and `resource` are surfaces of the published language
 * (`capabilities/capabilities.ts`) that this generator reads no specs for.
 */
export const SurfaceSchema = z.enum([
  'operation',
  'event',
  'presentation',
  'dataView',
  'form',
  'workflow',
  'resource',
]);
export type Surface = z.infer<typeof SurfaceSchema>;

/** A capability requirement (published `CapabilityRequirement`); `version` and `kind` are optional. */
export const RequirementSchema = z.strictObject({
  key: z.string(),
  version: z.string().optional(),
  kind: z.string().optional(),
  optional: z.boolean(),
  reason: z.string().optional(),
  source: SourceLocationSchema,
});
export type Requirement = z.infer<typeof RequirementSchema>;

export const CapabilitySpecSchema = z.strictObject({
  kind: z.literal('capability'),
  ...specBase,
  /** Published `extends`: the capability this one inherits from. */
  extends: SpecRefSchema.optional(),
  provides: z.array(
    z.strictObject({
      surface: SurfaceSchema,
      key: z.string(),
      /** Optional in the published language: then the latest declared version is meant. */
      version: z.string().optional(),
      description: z.string().optional(),
      source: SourceLocationSchema,
    }),
  ),
  requires: z.array(RequirementSchema),
});
export type CapabilitySpec = z.infer<typeof CapabilitySpecSchema>;

export const FeatureSpecSchema = z.strictObject({
  kind: z.literal('feature'),
  ...specBase,
  operations: z.array(SpecRefSchema),
  events: z.array(SpecRefSchema),
  presentations: z.array(SpecRefSchema),
  /** `capabilities.provides` (published object form) or the legacy array. */
  capabilities: z.array(SpecRefSchema),
  /** Published `capabilities.requires`. */
  capabilityRequires: z.array(RequirementSchema).optional(),
  dataViews: z.array(SpecRefSchema),
  forms: z.array(SpecRefSchema),
});
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

export const PresentationSpecSchema = z.strictObject({
  kind: z.literal('presentation'),
  ...specBase,
  capability: SpecRefSchema.optional(),
  /** What renders it, e.g. `{ type: 'component', framework: 'react', componentKey }`. */
  content: z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('component'),
      framework: z.string(),
      componentKey: z.string(),
      /** Published `source.props`: the model of the component's props. */
      props: z.string().optional(),
    }),
    z.strictObject({
      type: z.literal('blocknotejs'),
      docJson: DataValueSchema,
      blockConfig: DataValueSchema.optional(),
    }),
  ]),
  targets: z.array(z.string()),
  policy: PolicySchema,
});
export type PresentationSpec = z.infer<typeof PresentationSpecSchema>;

export const DataViewSpecSchema = z.strictObject({
  kind: z.literal('dataView'),
  ...specBase,
  /** The query whose output the view lists (`source.primary` in the spec). */
  query: SpecRefSchema,
  view: z.strictObject({
    kind: z.string(),
    fields: z.array(
      z.strictObject({
        key: z.string(),
        label: z.string(),
        dataPath: z.string(),
        data: DataFieldsSchema.optional(),
      }),
    ),
    primaryField: z.string().optional(),
    secondaryFields: z.array(z.string()),
    filters: z.array(
      z.strictObject({
        key: z.string(),
        label: z.string(),
        field: z.string(),
        type: z.string(),
        data: DataFieldsSchema.optional(),
      }),
    ),
  }),
  policy: PolicySchema,
});
export type DataViewSpec = z.infer<typeof DataViewSpecSchema>;

/**
 * A form field (published `FieldSpec`, `forms/forms.ts`): `name` is absent only on groups, `label`
 * is `labelI18n` (an i18n key or a text); a group's `fields` and an array's `of` are nested fields;
 * every other published field property is in `data`.
 */
export interface FormField {
  kind: string;
  name?: string;
  label?: string;
  required: boolean;
  fields?: FormField[];
  of?: FormField;
  data?: DataFields;
}
export const FormFieldSchema: z.ZodType<FormField> = z.lazy(() =>
  z.strictObject({
    kind: z.string(),
    name: z.string().optional(),
    label: z.string().optional(),
    required: z.boolean(),
    fields: z.array(FormFieldSchema).optional(),
    of: FormFieldSchema.optional(),
    data: DataFieldsSchema.optional(),
  }),
);

export const FormSpecSchema = z.strictObject({
  kind: z.literal('form'),
  ...specBase,
  /** Model name. */
  model: z.string(),
  fields: z.array(FormFieldSchema),
  actions: z.array(
    z.strictObject({
      key: z.string(),
      label: z.string(),
      /** Published `op: { name, version }` (or `{ key, version }`); optional in the published language. */
      operation: SpecRefSchema.optional(),
      data: DataFieldsSchema.optional(),
    }),
  ),
  policy: PolicySchema,
});
export type FormSpec = z.infer<typeof FormSpecSchema>;

export const SpecSchema = z.discriminatedUnion('kind', [
  OperationSpecSchema,
  EventSpecSchema,
  CapabilitySpecSchema,
  FeatureSpecSchema,
  PresentationSpecSchema,
  DataViewSpecSchema,
  FormSpecSchema,
]);
export type Spec = z.infer<typeof SpecSchema>;
export type SpecKind = Spec['kind'];

/** `{severity, code, message, file, line, column}`; codes are listed in `diagnostic-codes.ts`. */
export const DiagnosticSchema = z.strictObject({
  /** `info` reports what is read but not emitted (published kinds, factories); it never fails a run. */
  severity: z.enum(['error', 'warning', 'info']),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** A spec declaration whose key and version were read but which failed to parse (root cause reported). */
export const FailedSpecSchema = z.strictObject({
  kind: z.enum(['operation', 'event', 'capability', 'feature', 'presentation', 'dataView', 'form']),
  key: z.string(),
  version: z.string(),
  source: SourceLocationSchema,
});
export type FailedSpec = z.infer<typeof FailedSpecSchema>;

/**
 * The whole IR. Specs sort by key then version, models and enums by name, diagnostics by place.
 * `failedSpecs` is present only when a spec failed to parse.
 */
export const IrSchema = z.strictObject({
  specs: z.array(SpecSchema),
  models: z.array(ModelSchema),
  enums: z.array(EnumSchema),
  diagnostics: z.array(DiagnosticSchema),
  failedSpecs: z.array(FailedSpecSchema).optional(),
});
export type Ir = z.infer<typeof IrSchema>;
