import type { Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { sidebarDomains } from '../docs-sidebars.js';
import { titleOf } from '../docs-spec-parts.js';
import { domainOf } from '../naming.js';
import { hrefFrom, sitePathOfDocsPage, type SitePath } from './site-paths.js';

/**
 * The sidebar of one locale as data: domains, then kinds, then specs with their titles; `path` is
 * relative to the locale folder (`harness/harness.run.start.html`). The site ships it once per
 * locale as `assets/nav.<locale>.js`, and `site.js` draws it on every page, marking the current
 * page, so a 1,000-operation site does not repeat a 1,000-entry list in every page.
 */
export interface NavData {
  /** The label of each domain's link to its index page. */
  readonly overview: string;
  readonly domains: readonly {
    readonly title: string;
    readonly path: string;
    readonly kinds: readonly {
      readonly title: string;
      readonly items: readonly {
        readonly title: string;
        readonly key: string;
        readonly path: string;
      }[];
    }[];
  }[];
}

/** The {@link NavData} of one locale. */
export function navData(ctx: DocsContext, locale: string): NavData {
  const inLocale = (spec: Spec) =>
    sitePathOfDocsPage(locale, ctx.pages.pathOf(spec)).slice(locale.length + 1);
  return {
    overview: ctx.label('index.domain.label'),
    domains: sidebarDomains(ctx.ir).map(({ domain, kinds }) => ({
      title: domain,
      path: `${domain}/index.html`,
      kinds: kinds.map((group) => ({
        title: ctx.label(group.headingKey),
        items: group.specs.map((spec) => ({
          title: titleOf(spec),
          key: spec.key,
          path: inLocale(spec),
        })),
      })),
    })),
  };
}

/** One link of a breadcrumb trail or pager. */
export interface LinkView {
  readonly href: string;
  readonly text: string;
}

/** Home › domain › key, links relative to `page`; the last crumb is the page itself. */
export function specBreadcrumbs(
  ctx: DocsContext,
  locale: string,
  page: SitePath,
  spec: Spec,
): LinkView[] {
  const domain = domainOf(spec);
  return [
    { href: hrefFrom(page, `${locale}/index.html`), text: ctx.label('site.home.label') },
    { href: hrefFrom(page, `${locale}/${domain}/index.html`), text: domain },
    { href: hrefFrom(page, page), text: spec.key },
  ];
}

/** Every domain's specs in sidebar order, for {@link specPager}. */
export function domainOrder(ctx: DocsContext): Map<Spec, { list: readonly Spec[]; at: number }> {
  const order = new Map<Spec, { list: readonly Spec[]; at: number }>();
  for (const { kinds } of sidebarDomains(ctx.ir)) {
    const list = kinds.flatMap((group) => group.specs);
    list.forEach((spec, at) => order.set(spec, { list, at }));
  }
  return order;
}

/** Previous and next spec within the spec's domain, in sidebar order; null at either end. */
export function specPager(
  ctx: DocsContext,
  locale: string,
  page: SitePath,
  place: { list: readonly Spec[]; at: number },
): { previous: LinkView | null; next: LinkView | null } {
  const { list: ordered, at } = place;
  const link = (target: Spec | undefined): LinkView | null =>
    target === undefined
      ? null
      : {
          href: hrefFrom(page, sitePathOfDocsPage(locale, ctx.pages.pathOf(target))),
          text: titleOf(target),
        };
  return { previous: link(ordered[at - 1]), next: link(ordered[at + 1]) };
}
