/**
 * The enum tables of the published language (contracts-spec `ownership.ts`, snapshot of
 * shared/published-language.md), used when a file imports `StabilityEnum`, `TagsEnum` or
 * `OwnersEnum` from a published module path, whose declaration the parser cannot read.
 */
export const PUBLISHED_TABLES: ReadonlyMap<string, Readonly<Record<string, string>>> = new Map<
  string,
  Readonly<Record<string, string>>
>([
  [
    'StabilityEnum',
    {
      Idea: 'idea',
      InCreation: 'in_creation',
      Experimental: 'experimental',
      Beta: 'beta',
      Stable: 'stable',
      Deprecated: 'deprecated',
    },
  ],
  [
    'TagsEnum',
    {
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
    },
  ],
  [
    'OwnersEnum',
    {
      PlatformCore: 'platform.core',
      PlatformSigil: 'platform.sigil',
      PlatformMarketplace: 'platform.marketplace',
      PlatformMessaging: 'platform.messaging',
      PlatformContent: 'platform.content',
      PlatformFeatureFlags: 'platform.featureflags',
      PlatformFinance: 'platform.finance',
    },
  ],
]);

/** Whether a bare module specifier is a package of the published language (`@contractspec/lib.*`). */
export function isPublishedModule(specifier: string): boolean {
  return specifier.startsWith('@contractspec/');
}
