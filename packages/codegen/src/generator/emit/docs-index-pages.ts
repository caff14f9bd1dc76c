import type { SpecKind } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import type { DocsPageView } from './docs-markdown.js';
import { body, finishPage, type PlannedSection } from './docs-page-plan.js';
import { titleOf } from './docs-spec-parts.js';
import { domainsOf, specsOfDomain } from './naming.js';

/** Kinds in the order the index pages list them, with the catalog key of each table's heading. */
export const KIND_SECTIONS: readonly (readonly [SpecKind, string])[] = [
  ['operation', 'section.operations.label'],
  ['event', 'section.events.label'],
  ['capability', 'section.capabilities.label'],
  ['feature', 'section.features.label'],
  ['presentation', 'section.presentations.label'],
  ['dataView', 'section.dataViews.label'],
  ['form', 'section.forms.label'],
];

/**
 * `docs/<domain>/index.md`: H1 = the domain, a link back to `docs/index.md`, then one table per
 * kind present (Key linked | Version | Title | Description), specs in IR order (key, then version).
 */
export function domainIndexView(ctx: DocsContext, domain: string): DocsPageView {
  const { label, pages } = ctx;
  const specs = specsOfDomain(ctx.ir, domain);
  const header = [
    'column.key.label',
    'column.version.label',
    'column.title.label',
    'column.description.label',
  ];
  const plan: PlannedSection[] = [
    {
      level: 1,
      heading: domain,
      body: () => body({ paragraphs: [`[${label('index.allDomains.label')}](../index.md)`] }),
    },
  ];
  for (const [kind, headingKey] of KIND_SECTIONS) {
    const ofKind = specs.filter((spec) => spec.kind === kind);
    if (ofKind.length === 0) continue;
    const rows = ofKind.map((spec) => [
      pages.link(spec.key, spec.version, domain),
      spec.version,
      titleOf(spec),
      spec.meta.description ?? '',
    ]);
    plan.push({
      level: 2,
      heading: label(headingKey),
      body: () => body({ table: ctx.table(header.map(label), rows) }),
    });
  }
  return finishPage(plan);
}

/** `docs/index.md`: H1 from the catalog, then Domain (linked to its index) | Specs (count). */
export function rootIndexView(ctx: DocsContext): DocsPageView {
  const { label } = ctx;
  const rows = domainsOf(ctx.ir).map((domain) => [
    `[${domain}](./${domain}/index.md)`,
    String(specsOfDomain(ctx.ir, domain).length),
  ]);
  return finishPage([
    {
      level: 1,
      heading: label('index.title.label'),
      body: () =>
        body({
          table: ctx.table([label('column.domain.label'), label('column.specs.label')], rows),
        }),
    },
  ]);
}
