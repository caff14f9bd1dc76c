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

export const PolicySchema = z.strictObject({
  auth: z.enum(['anonymous', 'user', 'admin']).optional(),
  pii: z.array(z.string()),
  flags: z.array(z.string()),
});
export type Policy = z.infer<typeof PolicySchema>;

export const ErrorDefSchema = z.strictObject({
  code: z.string(),
  description: z.string(),
  http: z.number().int(),
  when: z.string(),
});
export type ErrorDef = z.infer<typeof ErrorDefSchema>;

export const EmitSchema = z.strictObject({
  key: z.string(),
  version: z.string(),
  when: z.string(),
  source: SourceLocationSchema,
});
export type Emit = z.infer<typeof EmitSchema>;

const specBase = {
  key: z.string(),
  version: z.string(),
  meta: MetaSchema,
  /** The exported const that holds the spec, e.g. `HarnessRunStartCommand`. */
  exportName: z.string(),
  source: SourceLocationSchema,
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
  }),
  policy: PolicySchema,
  emits: z.array(EmitSchema),
  transport: z
    .strictObject({
      rest: z
        .strictObject({ method: z.enum(['GET', 'POST']).optional(), path: z.string().optional() })
        .optional(),
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

export const SurfaceSchema = z.enum(['operation', 'event', 'presentation', 'dataView', 'form']);
export type Surface = z.infer<typeof SurfaceSchema>;

export const CapabilitySpecSchema = z.strictObject({
  kind: z.literal('capability'),
  ...specBase,
  provides: z.array(
    z.strictObject({
      surface: SurfaceSchema,
      key: z.string(),
      version: z.string(),
      description: z.string().optional(),
      source: SourceLocationSchema,
    }),
  ),
  requires: z.array(
    z.strictObject({
      key: z.string(),
      version: z.string(),
      optional: z.boolean(),
      reason: z.string().optional(),
      source: SourceLocationSchema,
    }),
  ),
});
export type CapabilitySpec = z.infer<typeof CapabilitySpecSchema>;

export const FeatureSpecSchema = z.strictObject({
  kind: z.literal('feature'),
  ...specBase,
  operations: z.array(SpecRefSchema),
  events: z.array(SpecRefSchema),
  presentations: z.array(SpecRefSchema),
  capabilities: z.array(SpecRefSchema),
  dataViews: z.array(SpecRefSchema),
  forms: z.array(SpecRefSchema),
});
export type FeatureSpec = z.infer<typeof FeatureSpecSchema>;

export const PresentationSpecSchema = z.strictObject({
  kind: z.literal('presentation'),
  ...specBase,
  capability: SpecRefSchema.optional(),
  /** What renders it, e.g. `{ type: 'component', framework: 'react', componentKey }`. */
  content: z.strictObject({
    type: z.literal('component'),
    framework: z.string(),
    componentKey: z.string(),
  }),
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
    fields: z.array(z.strictObject({ key: z.string(), label: z.string(), dataPath: z.string() })),
    primaryField: z.string().optional(),
    secondaryFields: z.array(z.string()),
    filters: z.array(
      z.strictObject({ key: z.string(), label: z.string(), field: z.string(), type: z.string() }),
    ),
  }),
  policy: PolicySchema,
});
export type DataViewSpec = z.infer<typeof DataViewSpecSchema>;

export const FormSpecSchema = z.strictObject({
  kind: z.literal('form'),
  ...specBase,
  /** Model name. */
  model: z.string(),
  fields: z.array(
    z.strictObject({
      kind: z.string(),
      name: z.string(),
      label: z.string(),
      required: z.boolean(),
    }),
  ),
  actions: z.array(
    z.strictObject({ key: z.string(), label: z.string(), operation: SpecRefSchema }),
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
  severity: z.enum(['error', 'warning']),
  code: z.string(),
  message: z.string(),
  file: z.string(),
  line: z.number().int().min(1),
  column: z.number().int().min(1),
});
export type Diagnostic = z.infer<typeof DiagnosticSchema>;

/** The whole IR. Specs sort by key then version, models and enums by name, diagnostics by place. */
export const IrSchema = z.strictObject({
  specs: z.array(SpecSchema),
  models: z.array(ModelSchema),
  enums: z.array(EnumSchema),
  diagnostics: z.array(DiagnosticSchema),
});
export type Ir = z.infer<typeof IrSchema>;
