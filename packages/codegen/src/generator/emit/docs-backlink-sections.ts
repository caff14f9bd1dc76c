import type { Spec, SpecRef } from '../ir/ir-schema.js';
import type { DocsContext } from './docs-context.js';
import type { PlannedSection } from './docs-page-plan.js';
import { refSection } from './docs-spec-parts.js';

const sameRef = (a: SpecRef, b: SpecRef | undefined) =>
  b !== undefined && a.key === b.key && a.version === b.version;

/**
 * The sections that link back to the specs pointing at this one, each a Key linked | Version |
 * Title table, skipped when empty: Emitted by (operations emitting an event), Provided by
 * (capabilities, less the one the spec already names in its Capability section), Required by,
 * Listed in features, Shown in data views (of a query), Called by forms (of an operation).
 */
export function backlinkSections(ctx: DocsContext, spec: Spec): PlannedSection[] {
  const links = ctx.backlinks.of(spec);
  const own = 'capability' in spec ? spec.capability : undefined;
  return [
    ...refSection(ctx, 'section.emittedBy.label', links.emittedBy, spec),
    ...refSection(
      ctx,
      'section.providedBy.label',
      links.providedBy.filter((ref) => !sameRef(ref, own)),
      spec,
    ),
    ...refSection(ctx, 'section.requiredBy.label', links.requiredBy, spec),
    ...refSection(ctx, 'section.listedIn.label', links.listedIn, spec),
    ...refSection(ctx, 'section.shownIn.label', links.dataViews, spec),
    ...refSection(ctx, 'section.calledBy.label', links.forms, spec),
  ];
}
