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
 * safe from `file://`. Paths made only of plain segments (no empty, `.` or `..` one) are related
 * segment by segment, as `posix.relative` relates them; any other goes through `posix.relative`.
 */
export function hrefFrom(from: SitePath, to: SitePath): string {
  const hashAt = to.indexOf('#');
  const path = hashAt < 0 ? to : to.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : to.slice(hashAt);
  if (NOT_PLAIN.test(from) || NOT_PLAIN.test(path)) return relativeHref(from, path) + hash;
  // `common`: where the segments both share end in `path` (past its end when all are shared).
  const fromDir = from.lastIndexOf('/') + 1;
  let common = 0;
  let at = 0;
  while (at < fromDir && at < path.length && from[at] === path[at]) {
    if (from[at] === '/') common = at + 1;
    at++;
  }
  if (at === path.length && from[at] === '/' && at < fromDir) common = at + 1;
  let ups = 0;
  for (let next = common; next < fromDir; next++) if (from[next] === '/') ups++;
  const rest = common > path.length ? '' : path.slice(common);
  if (ups === 0 && rest === '') {
    // `to` is `from`'s own folder: `posix.relative` gives '', and the link is the folder's name.
    return encodedPath(path.slice(path.lastIndexOf('/') + 1)) + hash;
  }
  const up = ups === 0 ? '' : '../'.repeat(ups);
  return (rest === '' ? up.slice(0, -1) : up + encodedPath(rest)) + hash;
}

/** A path with an empty, `.` or `..` segment (which `posix.relative` would normalize). */
const NOT_PLAIN = /(?:^|\/)\.{0,2}(?:\/|$)/;

/** {@link hrefFrom} of a path `posix.relative` must normalize. */
function relativeHref(from: SitePath, path: SitePath): string {
  return encodedPath(posix.relative(posix.dirname(from), path) || posix.basename(path));
}

/** The characters `encodeURIComponent` leaves as they are, `@`, and `/` between segments. */
const UNENCODED = /^[\w.!~*'()@/-]*$/;

/** A relative path of plain segments with each segment encoded ({@link encodePathSegment}). */
function encodedPath(path: string): string {
  return UNENCODED.test(path) ? path : path.split('/').map(encodePathSegment).join('/');
}

function encodePathSegment(segment: string): string {
  return segment === '..' ? segment : encodeURIComponent(segment).replace(/%40/g, '@');
}

/** `docs/<domain>/<file>.md` (a docs page path) -> `<domain>/<file>.html`, within a locale. */
export function pathInLocale(docsPath: string): string {
  const inDocs = docsPath.slice('docs/'.length);
  return inDocs.endsWith('.md') ? `${inDocs.slice(0, -'.md'.length)}.html` : inDocs;
}

/** `docs/<domain>/<file>.md` (a docs page path) -> `<locale>/<domain>/<file>.html`. */
export function sitePathOfDocsPage(locale: string, docsPath: string): SitePath {
  return `${locale}/${pathInLocale(docsPath)}`;
}
