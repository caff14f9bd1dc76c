import type { DocsContext } from '../docs-context.js';
import { handlebarsRuntime } from '../template-environment.js';
import type { LinkView } from './site-nav.js';
import { hrefFrom, type SitePath } from './site-paths.js';
import { renderSiteTemplate } from './site-render.js';

/** One locale of the site: its code and its docs context (labels in that locale). */
export interface SiteLocale {
  readonly code: string;
  readonly ctx: DocsContext;
}

/** What one page needs beyond its content. */
export interface PageInput {
  readonly path: SitePath;
  /**
   * The page's own title: the document title is `<title> · <site title>`, or the site title alone
   * for a page without one (the home page, whose heading is the site's).
   */
  readonly title?: string;
  readonly description?: string;
  readonly html: string;
  readonly breadcrumbs?: readonly LinkView[];
  readonly pager?: { previous: LinkView | null; next: LinkView | null };
  readonly scripts?: readonly string[];
}

const LABEL_KEYS = {
  skip: 'site.skip.label',
  menu: 'site.menu.label',
  search: 'site.search.label',
  searchPlaceholder: 'site.searchPlaceholder.label',
  language: 'site.language.label',
  theme: 'site.theme.label',
  nav: 'site.nav.label',
  home: 'site.home.label',
  events: 'site.events.label',
  models: 'site.models.label',
  api: 'site.api.label',
  noScript: 'site.noScript.label',
  breadcrumbs: 'site.breadcrumbs.label',
  pager: 'site.pager.label',
  previous: 'site.previous.label',
  next: 'site.next.label',
} as const;

/** Stands for the n-th value of a page in a layout rendered once per page shape. */
const slot = (n: number) => `\u0002${n}\u0003`;
const SLOT = /\u0002(\d+)\u0003/;

/**
 * The layout of one page shape (depth, title or not, description or not, how many breadcrumbs,
 * which pager links, how many scripts) as handlebars renders it with a slot mark for every
 * per-page value: the literal text around the marks, and which value each mark stands for, in
 * order.
 */
interface CompiledLayout {
  readonly texts: readonly string[];
  readonly slots: readonly number[];
}

/**
 * The page layout of one locale (`templates/site/page.html.hbs`): `render(page)` is the whole HTML
 * document around `page.html`, with links relative to `page.path` (a path under `<locale>/`), the
 * sidebar's fixed links, the locale switch to the same page in every locale, breadcrumbs and pager.
 * Handlebars renders the template once per page shape with a mark for each per-page value; a page
 * is then those texts with its values, escaped as handlebars escapes them (`escapeExpression`),
 * except the content, which the template prints raw — the bytes handlebars gives the page.
 * @throws Error when a label is missing from the locale's catalog.
 */
export function pageLayout(
  locale: SiteLocale,
  locales: readonly SiteLocale[],
  siteTitle: string,
): (page: PageInput) => string {
  const { code, ctx } = locale;
  const labels = Object.fromEntries(
    Object.entries(LABEL_KEYS).map(([name, key]) => [name, ctx.label(key)]),
  );
  const names = locales.map((other) => ({
    code: other.code,
    name: other.ctx.label('site.locale.label'),
  }));
  /**
   * The template's view of `page`, each per-page value passed through `value(text, raw)` in
   * template order (`raw` for the content, which the template prints unescaped).
   */
  const view = (page: PageInput, value: (text: string, raw: boolean) => string) => {
    const inLocale = page.path.slice(code.length + 1);
    const root = '../'.repeat(inLocale.split('/').length - 1);
    const link = (target: LinkView | null) =>
      target ? { href: value(target.href, false), text: value(target.text, false) } : null;
    return {
      lang: code,
      root,
      assets: `${root}../assets/`,
      pageInLocale: value(inLocale, false),
      title: page.title ? value(page.title, false) : '',
      description: page.description ? value(page.description, false) : '',
      siteTitle,
      labels,
      locales:
        names.length > 1
          ? names.map((other) => ({
              ...other,
              current: other.code === code,
              href: value(hrefFrom(page.path, `${other.code}/${inLocale}`), false),
            }))
          : [],
      breadcrumbs: (page.breadcrumbs ?? []).map(link),
      pager: page.pager
        ? { previous: link(page.pager.previous), next: link(page.pager.next) }
        : null,
      content: value(page.html, true),
      scripts: (page.scripts ?? []).map((script) => value(script, false)),
    };
  };
  const compiled = new Map<string, CompiledLayout>();
  return (page) => {
    const shape = [
      page.path.slice(code.length + 1).split('/').length,
      page.title ? 'title' : '',
      page.description ? 'description' : '',
      page.breadcrumbs?.length ?? 0,
      page.pager ? `${page.pager.previous ? 'previous' : ''} ${page.pager.next ? 'next' : ''}` : '',
      page.scripts?.length ?? 0,
    ].join('|');
    let layout = compiled.get(shape);
    if (!layout) {
      let n = 0;
      const pieces = renderSiteTemplate(
        'page.html.hbs',
        view(page, () => slot(n++)),
      ).split(SLOT);
      layout = {
        texts: pieces.filter((_, at) => at % 2 === 0),
        slots: pieces.filter((_, at) => at % 2 === 1).map(Number),
      };
      compiled.set(shape, layout);
    }
    const values: string[] = [];
    view(page, (text, raw) => {
      values.push(raw ? text : handlebarsRuntime.escapeExpression(text));
      return text;
    });
    let html = layout.texts[0]!;
    for (let at = 0; at < layout.slots.length; at++) {
      html += values[layout.slots[at]!]! + layout.texts[at + 1]!;
    }
    return html;
  };
}
