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

/**
 * Well-known tags: the members of the published `TagsEnum` (contracts-spec `ownership.ts`) and this
 * language's own `Ai`, `Billing`, `Observability`. Specs may add free-form tags next to these.
 */
export const TagsEnum = {
  Spots: 'spots',
  Collectivity: 'collectivity',
  Marketplace: 'marketplace',
  Sellers: 'sellers',
  Auth: 'auth',
  Login: 'login',
  Signup: 'signup',
  Guide: 'guide',
  Docs: 'docs',
  I18n: 'i18n',
  Incident: 'incident',
  Automation: 'automation',
  Hygiene: 'hygiene',
  Ai: 'ai',
  Billing: 'billing',
  Observability: 'observability',
} as const;

/** Curated owners, as the published `OwnersEnum` (contracts-spec `ownership.ts`); free-form owners are allowed too. */
export const OwnersEnum = {
  PlatformCore: 'platform.core',
  PlatformSigil: 'platform.sigil',
  PlatformMarketplace: 'platform.marketplace',
  PlatformMessaging: 'platform.messaging',
  PlatformContent: 'platform.content',
  PlatformFeatureFlags: 'platform.featureflags',
  PlatformFinance: 'platform.finance',
} as const;

/** A doc block reference, written `docId('docs.tech.agent.run')` or `docRef(...)`. */
export type DocId = string & { readonly __docId: true };

/** Brands a doc block id. */
export function docId(id: string): DocId {
  return id as DocId;
}

/** The published alias of {@link docId} (contracts-spec `docs/registry.ts`). */
export const docRef = docId;
