import type { Spec } from '../../ir/ir-schema.js';
import type { DocsContext } from '../docs-context.js';
import { KIND_SECTIONS } from '../docs-index-pages.js';
import { escapeCells, unalignedTableOfEscaped } from '../docs-markdown.js';
import { titleOf } from '../docs-spec-parts.js';
import { specsOfDomain } from '../naming.js';
import type { SiteBlock } from './site-markdown.js';

const rowsOfSpecs = new WeakMap<Spec, { readonly link: string; readonly row: readonly string[] }>();

/**
 * A spec's escaped row of its domain index, the same array while the spec object and its link
 * are: every locale's page shows the same rows, and a watch session keeps unchanged specs.
 */
function indexRow(spec: Spec, link: string): readonly string[] {
  const known = rowsOfSpecs.get(spec);
  if (known?.link === link) return known.row;
  const row = escapeCells([link, spec.version, titleOf(spec), spec.meta.description ?? '']);
  rowsOfSpecs.set(spec, { link, row });
  return row;
}

/**
 * `<locale>/<domain>/index.html` as blocks: the docs surface's domain index (`domainIndexView`:
 * H1 = the domain, a link back to the domains, then one table per kind present, Key linked |
 * Version | Title | Description, specs in IR order) with unpadded cells, which markdown-it trims
 * alike, so the HTML is the docs view's (test/site checks it) without the docs' column padding,
 * which measures every cell of a 1,000-row domain.
 */
export function domainIndexBlocks(ctx: DocsContext, domain: string): SiteBlock[] {
  const { label, pages } = ctx;
  const specs = specsOfDomain(ctx.ir, domain);
  const header = [
    label('column.key.label'),
    label('column.version.label'),
    label('column.title.label'),
    label('column.description.label'),
  ];
  const blocks: SiteBlock[] = [`# ${domain}`, `[${label('index.allDomains.label')}](../index.md)`];
  for (const [kind, headingKey] of KIND_SECTIONS) {
    const ofKind = specs.filter((spec) => spec.kind === kind);
    if (ofKind.length === 0) continue;
    blocks.push(`## ${label(headingKey)}`);
    blocks.push({
      table: unalignedTableOfEscaped(
        header,
        ofKind.map((spec) => indexRow(spec, pages.link(spec.key, spec.version, domain))),
      ),
    });
  }
  return blocks;
}
