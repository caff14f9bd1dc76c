/** What `defineEnum(name, values)` returns. */
export interface EnumType {
  readonly kind: 'enum';
  readonly name: string;
  readonly values: readonly string[];
}

/** Declares a named string enum usable as a field type. */
export function defineEnum(name: string, values: readonly string[]): EnumType {
  return { kind: 'enum', name, values };
}

/** Lifecycle stage of a spec. */
export const StabilityEnum = {
  Idea: 'idea',
  InCreation: 'in_creation',
  Experimental: 'experimental',
  Beta: 'beta',
  Stable: 'stable',
  Deprecated: 'deprecated',
} as const;

/** One of `idea | in_creation | experimental | beta | stable | deprecated`. */
export type Stability = (typeof StabilityEnum)[keyof typeof StabilityEnum];

/** Well-known tags. Specs may add free-form tags next to these. */
export const TagsEnum = {
  Automation: 'automation',
  Ai: 'ai',
  Auth: 'auth',
  Billing: 'billing',
  Docs: 'docs',
  Observability: 'observability',
} as const;

/** A doc block reference, written `docId('docs.tech.agent.run')`. */
export type DocId = string & { readonly __docId: true };

/** Brands a doc block id. */
export function docId(id: string): DocId {
  return id as DocId;
}
