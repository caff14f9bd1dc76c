import type { DocsContext } from '../docs-context.js';
import { KIND_SECTIONS } from '../docs-index-pages.js';
import { titleOf } from '../docs-spec-parts.js';
import { specsOfDomain } from '../naming.js';
import { tableBlock, type SiteBlock } from './site-markdown.js';

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
    blocks.push(
      tableBlock(
        header,
        ofKind.map((spec) => [
          pages.link(spec.key, spec.version, domain),
          spec.version,
          titleOf(spec),
          spec.meta.description ?? '',
        ]),
      ),
    );
  }
  return blocks;
}
