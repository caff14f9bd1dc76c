import type { Ir, Spec } from '../ir/ir-schema.js';
import { domainOf } from './naming.js';

/** Where each spec's page lives and how one page links to another. */
export interface DocsPages {
  /** `docs/<domain>/<file>` of a spec's page, relative to the output folder. */
  pathOf(spec: Spec): string;
  /**
   * The spec with this exact key and version, if the IR has it. A page shows only the title of a
   * spec found (docs-page-memo.ts compares just that on a watch rebuild).
   */
  find(key: string, version: string): Spec | undefined;
  /**
   * `[key](./key.md)` (same domain) or `[key](../other/key.md)`, written from a page of
   * `fromDomain`; plain `key` when no spec has that key and version, so a link never dangles.
   */
  link(key: string, version: string, fromDomain: string): string;
}

/**
 * The page file name of a spec: `<key>.md`, or `<key>@<version>.md` for every version of a key that
 * the IR holds in several versions (so no two pages share a path; a page is named `<key>.md`).
 */
function fileNames(ir: Ir): Map<Spec, string> {
  const versionsByKey = new Map<string, number>();
  for (const spec of ir.specs) versionsByKey.set(spec.key, (versionsByKey.get(spec.key) ?? 0) + 1);
  return new Map(
    ir.specs.map((spec) => [
      spec,
      versionsByKey.get(spec.key)! > 1 ? `${spec.key}@${spec.version}.md` : `${spec.key}.md`,
    ]),
  );
}

/** Builds the {@link DocsPages} of an IR. Pure; reads only `ir.specs`. */
export function createDocsPages(ir: Ir): DocsPages {
  const names = fileNames(ir);
  // By key, then version: looked up without building a `key@version` text each time.
  const byKey = new Map<string, Map<string, Spec>>();
  for (const spec of ir.specs) {
    let versions = byKey.get(spec.key);
    if (versions === undefined) {
      versions = new Map();
      byKey.set(spec.key, versions);
    }
    versions.set(spec.version, spec);
  }
  const find = (key: string, version: string) => byKey.get(key)?.get(version);
  const paths = new Map<Spec, string>();
  return {
    pathOf: (spec) => {
      let path = paths.get(spec);
      if (path === undefined) {
        path = `docs/${domainOf(spec)}/${names.get(spec)!}`;
        paths.set(spec, path);
      }
      return path;
    },
    find,
    link(key, version, fromDomain) {
      const target = find(key, version);
      if (!target) return key;
      const domain = domainOf(target);
      const prefix = domain === fromDomain ? './' : `../${domain}/`;
      return `[${key}](${prefix}${names.get(target)!})`;
    },
  };
}
