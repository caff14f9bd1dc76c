import type { Ir, Spec, SpecKind } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import { KIND_SECTIONS } from './docs-index-pages.js';
import { githubSlug } from './docs-markdown.js';
import { titleOf } from './docs-spec-parts.js';
import { domainsOf, specsOfDomain } from './naming.js';
import { perIr } from './per-ir-memo.js';

/** One domain of the sidebar: its kinds in index order, each with its specs in IR order. */
export interface SidebarDomain {
  readonly domain: string;
  readonly kinds: readonly {
    readonly kind: SpecKind;
    readonly headingKey: string;
    readonly specs: readonly Spec[];
  }[];
}

/**
 * Domains sorted, then kinds in the index pages' order, then specs in IR order (key, version);
 * once per IR object (the docs sidebars, their order and the site's navigation all read it), not
 * to be changed.
 */
export function sidebarDomains(ir: Ir): readonly SidebarDomain[] {
  return sidebarDomainsOnce(ir, '');
}

/**
 * What the sidebars show of the IR, as one text: equal texts give equal sidebar files (with the
 * same labels and base), so a watch rebuild that changed no title, path or kind prints neither
 * again.
 */
export function sidebarKey(ctx: DocsContext): string {
  const parts: string[] = [];
  for (const { domain, kinds } of sidebarDomains(ctx.ir)) {
    parts.push(domain);
    for (const group of kinds) {
      parts.push(group.kind);
      for (const spec of group.specs) parts.push(titleOf(spec), ctx.pages.pathOf(spec));
    }
  }
  return parts.join('\0');
}

const sidebarDomainsOnce = perIr((ir: Ir): SidebarDomain[] =>
  domainsOf(ir).map((domain) => {
    const specs = specsOfDomain(ir, domain);
    return {
      domain,
      kinds: KIND_SECTIONS.map(([kind, headingKey]) => ({
        kind,
        headingKey,
        specs: specs.filter((spec) => spec.kind === kind),
      })).filter((group) => group.specs.length > 0),
    };
  }),
);

/** The 1-based sidebar position of every spec within its domain ({@link sidebarDomains} order). */
export function sidebarOrder(ir: Ir): Map<Spec, number> {
  const order = new Map<Spec, number>();
  for (const { kinds } of sidebarDomains(ir)) {
    let position = 0;
    for (const group of kinds) for (const spec of group.specs) order.set(spec, ++position);
  }
  return order;
}

/** A page path of the docs surface (`docs/harness/x.md`) without its folder (`harness/x.md`). */
function inFolder(path: string): string {
  return path.slice(path.indexOf('/') + 1);
}

/**
 * VitePress's sidebar (`themeConfig.sidebar`, https://vitepress.dev/reference/default-theme-sidebar):
 * one collapsible group per domain linking its index, one group per kind, one item per spec with
 * its title. Links are `<base><domain>/<file>.md`; VitePress turns `.md` into the page's route.
 */
export function vitepressSidebar(ctx: DocsContext, base: string): unknown[] {
  const { label, pages } = ctx;
  return sidebarDomains(ctx.ir).map(({ domain, kinds }) => ({
    text: domain,
    link: `${base}${domain}/index.md`,
    collapsed: false,
    items: kinds.map((group) => ({
      text: label(group.headingKey),
      items: group.specs.map((spec) => ({
        text: titleOf(spec),
        link: base + inFolder(pages.pathOf(spec)),
      })),
    })),
  }));
}

/**
 * Starlight's sidebar (`starlight({ sidebar })`, https://starlight.astro.build/guides/sidebar/):
 * one group per domain, then per kind, items `{ label, link }`. Astro slugs every path segment with
 * github-slugger, so `harness/harness.run.start.md` is served at `<base>harness/harnessrunstart/`.
 */
export function starlightSidebar(ctx: DocsContext, base: string): unknown[] {
  const { label, pages } = ctx;
  const route = (path: string) =>
    base +
    inFolder(path)
      .replace(/\.md$/, '')
      .split('/')
      .map((segment) => githubSlug(segment))
      .join('/') +
    '/';
  return sidebarDomains(ctx.ir).map(({ domain, kinds }) => ({
    label: domain,
    items: [
      { label: label('index.domain.label'), link: `${base}${githubSlug(domain)}/` },
      ...kinds.map((group) => ({
        label: label(group.headingKey),
        items: group.specs.map((spec) => ({
          label: titleOf(spec),
          link: route(pages.pathOf(spec)),
        })),
      })),
    ],
  }));
}
