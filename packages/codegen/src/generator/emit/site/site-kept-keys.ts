import { sameList } from '../../ir/same-list.js';

/**
 * Memo keys kept per owner object (a spec's facts, an OpenAPI operation) and locale while the
 * parts a key is made of are the same (`===`): a key string made once keeps its hash, where
 * building and hashing some 2,000 spec page keys and as many API operation keys afresh took 8-9 ms
 * of a watch rebuild at 1,000 operations. The entries go with their owners (a WeakMap).
 */
export class KeptKeys<Owner extends object> {
  private readonly keys = new WeakMap<
    Owner,
    Map<string, { readonly parts: readonly unknown[]; readonly key: string }>
  >();

  /** The key of `owner` in `locale` made of `parts`: the one kept, or `make()` kept from now on. */
  of(owner: Owner, locale: string, parts: readonly unknown[], make: () => string): string {
    let byLocale = this.keys.get(owner);
    if (byLocale === undefined) {
      byLocale = new Map();
      this.keys.set(owner, byLocale);
    }
    const known = byLocale.get(locale);
    if (known !== undefined && sameList(known.parts, parts)) return known.key;
    const key = make();
    byLocale.set(locale, { parts, key });
    return key;
  }
}
