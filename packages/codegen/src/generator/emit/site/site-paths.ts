import { posix } from 'node:path';

/**
 * Page paths of the site, POSIX and relative to the site folder: `en/index.html`,
 * `en/harness/harness.run.start.html`, `assets/site.css`. Every link the site prints is relative
 * (so it works under any base path and from `file://`), made by {@link hrefFrom}.
 */
export type SitePath = string;

/**
 * The relative URL from the page at `from` to `to` (a site path, optionally with `#anchor`):
 * `hrefFrom('en/harness/a.html', 'en/index.html')` -> `../index.html`; a page's own path gives its
 * file name. Segments are percent-encoded as URL path segments (RFC 3986), so `@` and spaces are
 * safe from `file://`.
 */
export function hrefFrom(from: SitePath, to: SitePath): string {
  const hashAt = to.indexOf('#');
  const path = hashAt < 0 ? to : to.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : to.slice(hashAt);
  const relative = posix.relative(posix.dirname(from), path) || posix.basename(path);
  return relative.split('/').map(encodePathSegment).join('/') + hash;
}

function encodePathSegment(segment: string): string {
  return segment === '..' ? segment : encodeURIComponent(segment).replace(/%40/g, '@');
}

/** `docs/<domain>/<file>.md` (a docs page path) -> `<locale>/<domain>/<file>.html`. */
export function sitePathOfDocsPage(locale: string, docsPath: string): SitePath {
  return `${locale}/${docsPath.slice('docs/'.length).replace(/\.md$/, '.html')}`;
}
