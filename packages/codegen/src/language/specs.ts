import type {
  CapabilityKind,
  CapabilityMeta,
  DataViewMeta,
  EventMeta,
  FeatureMeta,
  FormMeta,
  OperationMeta,
  PresentationMeta,
  SpecRef,
} from './meta.js';
import type { SchemaModel } from './schema-model.js';

/*
 * The spec shapes of the contract language. Every field the published language declares
 * (contracts-spec `operations/operation.ts`, `events.ts`, `capabilities/capabilities.ts`,
 * `features/types.ts`, `presentations/presentations.ts`, `data-views/`, `forms/forms.ts`) is
 * accepted with its published type, so a file written for the published package type-checks here.
 */

/** Who may call an operation. */
export type AuthLevel = 'anonymous' | 'user' | 'admin';

/** A value the generator keeps as data without reading its structure. */
export type DataLike = unknown;

/** `policy` of data views, presentations and forms; `pii` names fields whose values are masked. */
export interface Policy {
  readonly auth?: AuthLevel;
  readonly pii?: readonly string[];
  readonly flags?: readonly string[];
}

/** An operation's policy (published `OperationSpec.policy`). */
export interface OperationPolicy extends Policy {
  readonly auth: AuthLevel;
  readonly idempotent?: boolean;
  /** Soft rate limit suggestion: requests per minute, per user, org or globally. */
  readonly rateLimit?: { readonly rpm: number; readonly key: 'user' | 'org' | 'global' };
  /** Whether a human must approve before the action runs. */
  readonly escalate?: 'human_review' | null;
  /** Policy specs governing access. */
  readonly policies?: readonly SpecRef[];
  readonly fieldPolicies?: readonly {
    readonly field: string;
    readonly actions: readonly ('read' | 'write')[];
    readonly policy?: SpecRef;
  }[];
  readonly roles?: readonly string[];
  readonly anyRole?: readonly string[];
  readonly permissions?: readonly string[];
  readonly anyPermission?: readonly string[];
  readonly resource?: {
    readonly type?: string;
    readonly idPath?: string;
    readonly fields?: readonly string[];
  };
}

/** A declared error: thrown by a handler as its code, answered with `http` when given. */
export interface ErrorSpec {
  readonly description: string;
  /** HTTP status, 400..599. */
  readonly http?: number;
  readonly when?: string;
  /** Suggested GraphQL error code. */
  readonly gqlCode?: string;
  readonly status?: number;
  readonly title?: string;
  readonly type?: string;
  readonly category?: string;
  readonly severity?: string;
  readonly retryable?: boolean;
  readonly retryAfter?: number;
  readonly args?: DataLike;
}

/** An emitted event: by reference to a declared event, or declared inline with its payload. */
export type EmitSpec =
  | { readonly ref: SpecRef; readonly when: string }
  | {
      readonly key: string;
      readonly version: string;
      readonly when: string;
      readonly payload: SchemaModel;
      readonly stability?: string;
      readonly owners?: readonly string[];
      readonly tags?: readonly string[];
    };

/** A telemetry trigger; `properties` is a callback the generator records but never evaluates. */
export interface TelemetryTrigger {
  readonly event: { readonly key: string; readonly version?: string };
  readonly properties?: (args: {
    input: unknown;
    output?: unknown;
    error?: unknown;
  }) => Record<string, unknown>;
}

export interface OperationSpec {
  readonly meta: OperationMeta;
  readonly capability?: SpecRef;
  readonly io: {
    readonly input: SchemaModel | null;
    readonly params?: SchemaModel;
    readonly query?: SchemaModel;
    readonly headers?: SchemaModel;
    readonly output: SchemaModel;
    readonly success?: Readonly<
      Record<
        string,
        {
          readonly status?: number;
          readonly state?: string;
          readonly description?: string;
          readonly headers?: DataLike;
        }
      >
    >;
    readonly errors?: Readonly<Record<string, ErrorSpec>>;
  };
  readonly results?: DataLike;
  readonly policy: OperationPolicy;
  readonly sideEffects?: {
    readonly emits?: readonly EmitSpec[];
    /** Analytics intents (names). */
    readonly analytics?: readonly string[];
    /** Audit intents (labels). */
    readonly audit?: readonly string[];
  };
  readonly telemetry?: { readonly success?: TelemetryTrigger; readonly failure?: TelemetryTrigger };
  readonly tests?: readonly SpecRef[];
  readonly transport?: {
    readonly rest?: { readonly method?: 'GET' | 'POST'; readonly path?: string };
    readonly gql?: { readonly field?: string; readonly returns?: string };
    readonly mcp?: { readonly toolName?: string };
  };
  readonly acceptance?: {
    readonly scenarios?: readonly {
      readonly key: string;
      readonly given: readonly string[];
      readonly when: readonly string[];
      readonly then: readonly string[];
    }[];
    readonly examples?: readonly {
      readonly key: string;
      readonly input: unknown;
      readonly output: unknown;
    }[];
  };
  readonly implementations?: readonly ImplementationRef[];
  readonly outputPresentation?: SpecRef;
  readonly outputForm?: SpecRef;
  readonly outputDataView?: SpecRef;
}

/** An implementation file of a spec (published `ImplementationRef`). */
export interface ImplementationRef {
  readonly path: string;
  readonly type: 'handler' | 'component' | 'form' | 'test' | 'service' | 'hook' | 'other';
  readonly description?: string;
}

export interface EventSpec {
  readonly meta: EventMeta;
  readonly capability?: SpecRef;
  /** Payload fields whose values never reach timelines or logs. */
  readonly pii?: readonly string[];
  readonly payload: SchemaModel;
}

/** What a capability provides: this language's surfaces and the published `workflow` and `resource`. */
export type SurfaceKind =
  'operation' | 'event' | 'presentation' | 'dataView' | 'form' | 'workflow' | 'resource';

/** A capability requirement (published `CapabilityRequirement`). */
export interface CapabilityRequirement {
  readonly key: string;
  readonly version?: string;
  readonly kind?: CapabilityKind;
  readonly optional?: boolean;
  readonly reason?: string;
}

export interface CapabilitySpec {
  readonly meta: CapabilityMeta;
  readonly extends?: SpecRef;
  readonly provides?: readonly {
    readonly surface: SurfaceKind;
    readonly key: string;
    readonly version?: string;
    readonly description?: string;
  }[];
  readonly requires?: readonly CapabilityRequirement[];
}

/** One of the published presentation targets. */
export type PresentationTarget = 'react' | 'markdown' | 'application/json' | 'application/xml';

export interface FeatureSpec {
  readonly meta: FeatureMeta;
  readonly operations?: readonly SpecRef[];
  readonly events?: readonly SpecRef[];
  readonly presentations?: readonly SpecRef[];
  /** The published object `{ provides?, requires? }`; a plain list of refs is read as `provides`. */
  readonly capabilities?:
    | {
        readonly provides?: readonly SpecRef[];
        readonly requires?: readonly CapabilityRequirement[];
      }
    | readonly SpecRef[];
  readonly dataViews?: readonly SpecRef[];
  readonly forms?: readonly SpecRef[];
  readonly experiments?: readonly { readonly key: string; readonly version?: string }[];
  readonly opToPresentation?: readonly { readonly op: SpecRef; readonly pres: SpecRef }[];
  readonly presentationsTargets?: readonly {
    readonly key: string;
    readonly version: string;
    readonly targets: readonly PresentationTarget[];
  }[];
  readonly visualizations?: readonly SpecRef[];
  readonly workflows?: readonly SpecRef[];
  readonly knowledge?: readonly SpecRef[];
  readonly telemetry?: readonly SpecRef[];
  readonly policies?: readonly SpecRef[];
  readonly integrations?: readonly SpecRef[];
  readonly jobs?: readonly SpecRef[];
  readonly translations?: readonly {
    readonly key: string;
    readonly version: string;
    readonly locale?: string;
  }[];
  readonly docs?: readonly string[];
  readonly implementations?: readonly ImplementationRef[];
}

/** The published name of {@link FeatureSpec}. */
export type FeatureModuleSpec = FeatureSpec;

export interface PresentationSpec {
  readonly meta: PresentationMeta;
  readonly capability?: SpecRef;
  readonly source:
    | {
        readonly type: 'component';
        readonly framework: 'react';
        readonly componentKey: string;
        /** The model of the component's props. */
        readonly props?: SchemaModel;
      }
    | { readonly type: 'blocknotejs'; readonly docJson: unknown; readonly blockConfig?: DataLike };
  readonly targets: readonly PresentationTarget[];
  readonly policy?: Policy;
}

/** A data view field (published `data-views/types.ts`). */
export interface DataViewField {
  readonly key: string;
  readonly label: string;
  readonly dataPath: string;
  readonly description?: string;
  readonly format?: string;
  readonly sortable?: boolean;
  readonly filterable?: boolean;
  readonly width?: 'auto' | 'xs' | 'sm' | 'md' | 'lg';
  readonly overflow?: DataLike;
  readonly presentation?: DataLike;
  readonly visibility?: DataLike;
}

/** A data view filter (published `data-views/types.ts`). */
export interface DataViewFilter {
  readonly key: string;
  readonly label: string;
  readonly field: string;
  readonly type:
    | 'search'
    | 'enum'
    | 'number'
    | 'percent'
    | 'currency'
    | 'date'
    | 'time'
    | 'datetime'
    | 'duration'
    | 'boolean';
  readonly options?: readonly { readonly value: string; readonly label: string }[];
  readonly operator?: string;
  readonly valueMode?: string;
}

export interface DataViewSpec {
  readonly meta: DataViewMeta;
  readonly source: {
    readonly primary: SpecRef;
    readonly item?: SpecRef;
    readonly mutations?: {
      readonly create?: SpecRef;
      readonly update?: SpecRef;
      readonly delete?: SpecRef;
    };
    readonly refreshEvents?: readonly SpecRef[];
  };
  readonly states?: {
    readonly empty?: SpecRef;
    readonly error?: SpecRef;
    readonly loading?: SpecRef;
  };
  readonly experiments?: readonly { readonly key: string; readonly version?: string }[];
  readonly view: {
    readonly kind: 'list' | 'detail' | 'table' | 'grid';
    readonly fields: readonly DataViewField[];
    readonly primaryField?: string;
    readonly secondaryFields?: readonly string[];
    readonly filters?: readonly DataViewFilter[];
    readonly filterScope?: DataLike;
    readonly actions?: readonly {
      readonly key: string;
      readonly label: string;
      readonly kind: 'navigation' | 'operation';
      readonly operation?: SpecRef;
      readonly requiresFlag?: string;
    }[];
    readonly layout?: 'card' | 'compact';
    readonly collection?: DataLike;
    readonly sections?: readonly {
      readonly title?: string;
      readonly description?: string;
      readonly fields: readonly string[];
    }[];
    /** Table columns, or the number of grid columns. */
    readonly columns?:
      number | readonly { readonly field: string; readonly [setting: string]: unknown }[];
    readonly executionMode?: 'client' | 'server';
    readonly selection?: 'none' | 'single' | 'multiple';
    readonly columnVisibility?: boolean;
    readonly columnResizing?: boolean;
    readonly columnPinning?: boolean;
    readonly rowExpansion?: DataLike;
    readonly initialState?: DataLike;
    readonly rowSelectable?: DataLike;
    readonly density?: DataLike;
  };
  readonly policy?: Policy;
}

/** One of the 19 published form field kinds (`forms/forms.ts`). */
export type FormFieldKind =
  | 'text'
  | 'email'
  | 'textarea'
  | 'select'
  | 'checkbox'
  | 'radio'
  | 'switch'
  | 'autocomplete'
  | 'address'
  | 'phone'
  | 'number'
  | 'percent'
  | 'currency'
  | 'date'
  | 'time'
  | 'datetime'
  | 'duration'
  | 'group'
  | 'array';

/** A form predicate (`visibleWhen`, `enabledWhen`, `requiredWhen`). */
export interface Predicate {
  readonly when?: { readonly path: string; readonly op?: string; readonly value?: unknown };
  readonly all?: readonly Predicate[];
  readonly anyOf?: readonly Predicate[];
  readonly not?: Predicate;
}

/** A select/radio option. */
export interface FormOption {
  readonly labelI18n: string;
  readonly value: string | number | boolean;
  readonly descriptionI18n?: string;
  readonly disabled?: boolean;
}

/**
 * A form field (published `FieldSpec`): labels are i18n keys or texts (`labelI18n`); `labelKey` is
 * this language's earlier name for it. `name` is required except for groups.
 */
export interface FormField {
  readonly kind: FormFieldKind;
  readonly name?: string;
  readonly labelI18n?: string;
  /** @deprecated Use `labelI18n`, as the published language does. */
  readonly labelKey?: string;
  readonly descriptionI18n?: string;
  readonly placeholderI18n?: string;
  readonly required?: boolean;
  readonly visibleWhen?: Predicate;
  readonly enabledWhen?: Predicate;
  readonly requiredWhen?: Predicate;
  readonly uiKey?: string;
  readonly uiProps?: Readonly<Record<string, unknown>>;
  readonly layout?: DataLike;
  readonly wrapper?: { readonly orientation?: 'horizontal' | 'vertical' };
  readonly readOnly?: boolean;
  readonly autoComplete?: string;
  readonly keyboard?: DataLike;
  readonly computeFrom?: {
    readonly computeKey: string;
    readonly deps: readonly string[];
    readonly mode?: 'change' | 'blur-xs' | 'submit';
    readonly readOnly?: boolean;
  };
  readonly options?:
    | readonly FormOption[]
    | { readonly kind: 'static'; readonly options: readonly FormOption[] }
    | {
        readonly kind: 'resolver';
        readonly resolverKey: string;
        readonly deps: readonly string[];
        readonly args?: DataLike;
      };
  readonly inputGroup?: DataLike;
  readonly password?: DataLike;
  readonly inputMode?: 'text' | 'email' | 'tel' | 'url' | 'numeric' | 'decimal' | 'search';
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly rows?: number;
  readonly source?: DataLike;
  readonly valueMapping?: DataLike;
  readonly multiple?: boolean;
  readonly parts?: DataLike;
  readonly countryOptions?: DataLike;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  readonly format?: DataLike;
  readonly minDate?: DataLike;
  readonly maxDate?: DataLike;
  readonly is24Hour?: boolean;
  readonly legendI18n?: string;
  readonly fields?: readonly FormField[];
  readonly of?: FormField;
}

/** Form columns: 1..4, or per breakpoint. */
export type ResponsiveColumns =
  | 1
  | 2
  | 3
  | 4
  | {
      readonly base?: 1 | 2 | 3 | 4;
      readonly sm?: 1 | 2 | 3 | 4;
      readonly md?: 1 | 2 | 3 | 4;
      readonly lg?: 1 | 2 | 3 | 4;
    };

/** A form action (published `FormAction`): the operation is called through `op: { name, version }`. */
export interface FormAction {
  readonly key: string;
  readonly labelI18n?: string;
  /** @deprecated Use `labelI18n`, as the published language does. */
  readonly labelKey?: string;
  readonly op?: { readonly name: string; readonly version: string } | SpecRef;
  readonly success?: { readonly navigateTo?: string; readonly toastI18n?: string };
}

export interface FormSpec {
  readonly meta: FormMeta;
  readonly model: SchemaModel;
  readonly fields: readonly FormField[];
  readonly layout?: {
    readonly columns?: ResponsiveColumns;
    readonly gap?: 'sm' | 'md' | 'lg';
    readonly fieldOrientation?: 'horizontal' | 'vertical' | 'responsive';
    readonly flow?: DataLike;
  };
  readonly actions?: readonly FormAction[];
  readonly renderHints?: { readonly ui: 'shadcn' | 'custom'; readonly form: 'react-hook-form' };
  readonly constraints?: readonly {
    readonly key: string;
    readonly messageI18n: string;
    readonly paths: readonly string[];
    readonly args?: DataLike;
  }[];
  readonly policy?: Policy;
}

/** `responsiveFormColumns(n, { breakpoint = 'md', base = 1 })` = `{ base, [breakpoint]: n }` (published `forms/forms.ts`). */
export function responsiveFormColumns(
  columns: 1 | 2 | 3 | 4,
  options: { readonly breakpoint?: 'sm' | 'md' | 'lg'; readonly base?: 1 } = {},
): ResponsiveColumns {
  return { base: options.base ?? 1, [options.breakpoint ?? 'md']: columns };
}

/*
 * The define* functions are identities with non-generic parameters, so that an object literal gets
 * TypeScript's excess-property check: a misspelt meta field fails `tsc`.
 */

/** Declares a command (an operation that changes state). */
export function defineCommand(spec: OperationSpec): OperationSpec & { readonly kind: 'command' } {
  return { ...spec, kind: 'command' };
}

/** Declares a query (an operation that only reads). */
export function defineQuery(spec: OperationSpec): OperationSpec & { readonly kind: 'query' } {
  return { ...spec, kind: 'query' };
}

/** Declares an event with its payload model. */
export function defineEvent(spec: EventSpec): EventSpec {
  return spec;
}

/** Declares a capability and what it provides and requires. */
export function defineCapability(spec: CapabilitySpec): CapabilitySpec {
  return spec;
}

/** Declares a feature, the list of the specs that make it up. */
export function defineFeature(spec: FeatureSpec): FeatureSpec {
  return spec;
}

/** Declares a presentation (a rendered view of a capability). */
export function definePresentation(spec: PresentationSpec): PresentationSpec {
  return spec;
}

/** Declares a data view over a query's output. */
export function defineDataView(spec: DataViewSpec): DataViewSpec {
  return spec;
}

/** Declares a form bound to a schema model, with actions calling operations. */
export function defineFormSpec(spec: FormSpec): FormSpec {
  return spec;
}
