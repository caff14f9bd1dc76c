import type {
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

/** Who may call an operation. */
export type AuthLevel = 'anonymous' | 'user' | 'admin';

/** `policy` of operations, data views and forms; `pii` names fields whose values are masked. */
export interface Policy {
  readonly auth?: AuthLevel;
  readonly pii?: readonly string[];
  readonly flags?: readonly string[];
}

/** A declared error: thrown by a handler as its code, answered with `http`. */
export interface ErrorSpec {
  readonly description: string;
  /** HTTP status, 400..599. */
  readonly http: number;
  readonly when: string;
}

export interface OperationSpec {
  readonly meta: OperationMeta;
  readonly capability?: SpecRef;
  readonly io: {
    readonly input: SchemaModel | null;
    readonly output: SchemaModel;
    readonly errors?: Readonly<Record<string, ErrorSpec>>;
  };
  readonly policy: Policy & { readonly auth: AuthLevel };
  readonly sideEffects?: {
    readonly emits?: readonly { readonly ref: SpecRef; readonly when: string }[];
  };
  readonly transport?: {
    readonly rest?: { readonly method?: 'GET' | 'POST'; readonly path?: string };
  };
}

export interface EventSpec {
  readonly meta: EventMeta;
  readonly capability?: SpecRef;
  /** Payload fields whose values never reach timelines or logs. */
  readonly pii?: readonly string[];
  readonly payload: SchemaModel;
}

export type SurfaceKind = 'operation' | 'event' | 'presentation' | 'dataView' | 'form';

export interface CapabilitySpec {
  readonly meta: CapabilityMeta;
  readonly provides?: readonly {
    readonly surface: SurfaceKind;
    readonly key: string;
    readonly version: string;
    readonly description?: string;
  }[];
  readonly requires?: readonly {
    readonly key: string;
    readonly version: string;
    readonly optional?: boolean;
    readonly reason?: string;
  }[];
}

export interface FeatureSpec {
  readonly meta: FeatureMeta;
  readonly operations?: readonly SpecRef[];
  readonly events?: readonly SpecRef[];
  readonly presentations?: readonly SpecRef[];
  readonly capabilities?: readonly SpecRef[];
  readonly dataViews?: readonly SpecRef[];
  readonly forms?: readonly SpecRef[];
}

export interface PresentationSpec {
  readonly meta: PresentationMeta;
  readonly capability?: SpecRef;
  readonly source: {
    readonly type: 'component';
    readonly framework: 'react';
    readonly componentKey: string;
  };
  readonly targets: readonly ('react' | 'markdown' | 'application/json')[];
  readonly policy?: Policy;
}

export interface DataViewSpec {
  readonly meta: DataViewMeta;
  readonly source: { readonly primary: SpecRef };
  readonly view: {
    readonly kind: 'list' | 'table' | 'detail';
    readonly fields: readonly {
      readonly key: string;
      readonly label: string;
      readonly dataPath: string;
    }[];
    readonly primaryField?: string;
    readonly secondaryFields?: readonly string[];
    readonly filters?: readonly {
      readonly key: string;
      readonly label: string;
      readonly field: string;
      readonly type: 'search' | 'enum' | 'date' | 'number';
    }[];
  };
  readonly policy?: Policy;
}

export interface FormSpec {
  readonly meta: FormMeta;
  readonly model: SchemaModel;
  readonly fields: readonly {
    readonly kind: 'text' | 'textarea' | 'select' | 'checkbox' | 'number' | 'date';
    readonly name: string;
    readonly labelKey: string;
    readonly required?: boolean;
  }[];
  readonly actions: readonly {
    readonly key: string;
    readonly labelKey: string;
    readonly op: SpecRef;
  }[];
  readonly policy?: Policy;
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
